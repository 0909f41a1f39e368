import type { Code, Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { isPlainInline, plainPhrasing, type Segment } from './markdown-plain-inline.js';

/**
 * A faster parse for agreements that are mostly plain prose. A block of lines between blank
 * lines, starting at column 1 with a letter, digit or opening bracket or quote, with no character
 * that can start inline syntax (* _ ` [ ] < > \ | ~, an entity) and no line that could start or
 * interrupt a block (list or heading marker, quote, setext underline, table delimiter row), can only be a paragraph of
 * one text node: it is built here. (Brackets may stay: without definitions and without "](" they
 * are text.) Everything between such paragraphs is parsed by micromark,
 * one region at a time.
 *
 * Why that is the same as parsing the whole text: a plain paragraph closes whatever came before it
 * (after a blank line, a line at column 1 that is no marker ends lists, quotes and indented code)
 * and leaves nothing open after it, so each region starts and ends in the parser's top-level
 * state, as in a full parse. Constructs that reach across blank lines and are not closed that way
 * — fenced code, HTML blocks, and link or footnote definitions (which change how text elsewhere
 * reads) — send the whole text to micromark. Checked against the full parse on every agreement of
 * the corpora and on random Markdown (test/markdown-parse.test.ts).
 *
 * Returns undefined when the fast path does not apply (then parse the whole text).
 */
export function parseAroundPlainParagraphs(
  text: string,
  parseRegion: (region: string) => Root,
): Root | undefined {
  if (mayDefine(text) || text.includes('\r') || mayReachAcrossBlankLines(text)) return undefined;
  const lines = splitLines(text);
  const parts: (RootContent | Region)[] = [];
  let plainCount = 0;
  /** First line of the pending non-plain region, or -1. */
  let regionFirst = -1;
  /** Ends the pending region at `end`: with the blank lines after it, as a full parse sees them. */
  const endRegion = (end: number) => {
    if (regionFirst < 0) return;
    parts.push({ region: true, start: (lines[regionFirst] as Line).start, end, firstLine: regionFirst });
    regionFirst = -1;
  };
  let i = 0;
  // How far a block must be indented to continue something a region left open: a list item (its
  // content column) or indented code (four columns). Nothing is open at the start or after a plain
  // block; there 1–3 spaces before a paragraph are only indentation, and four make code.
  let openIndent = Number.POSITIVE_INFINITY;
  /** The smallest content column of the list items the pending region may open. */
  let regionListIndent = Number.POSITIVE_INFINITY;
  while (i < lines.length) {
    if (isBlank(lines[i] as Line, text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && !isBlank(lines[j + 1] as Line, text)) j++;
    const nothingOpen = openIndent === Number.POSITIVE_INFINITY;
    const codeEnd = nothingOpen ? indentedCodeEnd(lines, i, j, text) : -1;
    if (codeEnd >= 0) {
      endRegion((lines[i] as Line).start);
      parts.push(indentedCode(lines, i, codeEnd, text));
      plainCount++;
      i = nextNonBlank(lines, codeEnd + 1, text);
      // indentedCodeEnd checked that an item after the code is such a paragraph.
      if (i < lines.length && LIST_ITEM_START.test(lineText(lines[i] as Line, text))) {
        const last = blockEndFrom(lines, i, text);
        parts.push(plainParagraph(lines, i, last, text));
        plainCount++;
        i = last + 1;
      }
      continue;
    }
    const list = nothingOpen ? orderedList(lines, i, j, text) : undefined;
    if (list) {
      endRegion((lines[i] as Line).start);
      parts.push(list.node);
      plainCount++;
      i = list.last + 1;
      continue;
    }
    const heading = i === j ? plainHeading(lines[i] as Line, i, text) : undefined;
    if (heading || isPlainBlock(lines, i, j, text, Math.max(0, Math.min(3, openIndent - 1)))) {
      endRegion((lines[i] as Line).start);
      parts.push(heading ?? plainParagraph(lines, i, j, text));
      plainCount++;
      openIndent = Number.POSITIVE_INFINITY;
    } else {
      if (regionFirst < 0) {
        regionFirst = i;
        regionListIndent = Number.POSITIVE_INFINITY;
      }
      regionListIndent = Math.min(regionListIndent, listContentIndent(lines, i, j, text));
      // Indented code runs on into the next indented block; a quote, a paragraph or a table ends
      // at a blank line (and a list only with its items: regionListIndent).
      openIndent = Math.min(
        regionListIndent,
        mayBeIndentedCode(lines[i] as Line, text) ? 4 : Number.POSITIVE_INFINITY,
      );
    }
    i = j + 1;
  }
  if (plainCount === 0) return undefined;
  endRegion(text.length);
  const children = parseRegions(text, parts, parseRegion);
  if (!children) return undefined;
  const lastLine = lines[lines.length - 1] as Line;
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines.length, column: lastLine.end - lastLine.start + 1, offset: text.length },
    },
  };
}

/** A stretch of lines left to the parser: offsets into the text, and its first line (0-based). */
interface Region {
  region: true;
  start: number;
  end: number;
  firstLine: number;
}

/**
 * What stands for the plain prose between two regions when they are parsed together: a one-word
 * paragraph and a blank line close whatever a region left open, as the prose did.
 */
const SEPARATOR = 'x\n\n';

/**
 * Parses every region in one parser run (a run has a fixed cost, and agreements have hundreds of
 * regions): the regions joined by SEPARATOR, each node then moved back to where its region sits.
 * Returns the parts in order with the regions replaced by their nodes, or undefined if the joined
 * parse did not split where the separators are (then parse the whole text).
 */
function parseRegions(
  text: string,
  parts: (RootContent | Region)[],
  parseRegion: (region: string) => Root,
): RootContent[] | undefined {
  const regions = parts.filter(isRegion);
  if (regions.length === 0) return parts as RootContent[];
  const pieces: string[] = [];
  /** Where each region starts in the joined text: offset and line. */
  const joinedStarts: { offset: number; line: number }[] = [];
  let offset = 0;
  let line = 0;
  for (const region of regions) {
    if (pieces.length > 0) {
      pieces.push(SEPARATOR);
      offset += SEPARATOR.length;
      line += 2;
    }
    const piece = text.slice(region.start, region.end);
    joinedStarts.push({ offset, line });
    pieces.push(piece);
    offset += piece.length;
    line += countNewlines(piece);
  }
  const nodesOf = regions.map((): RootContent[] => []);
  let k = 0;
  for (const node of parseRegion(pieces.join('')).children) {
    const start = node.position?.start.offset ?? -1;
    const end = node.position?.end.offset ?? -1;
    while (k + 1 < regions.length && start >= (joinedStarts[k + 1] as { offset: number }).offset) k++;
    const joined = joinedStarts[k] as { offset: number; line: number };
    const region = regions[k] as Region;
    if (start >= joined.offset + (region.end - region.start)) {
      if (!isSeparator(node)) return undefined;
      continue;
    }
    if (start < joined.offset || end > joined.offset + (region.end - region.start)) return undefined;
    (nodesOf[k] as RootContent[]).push(
      shift(node, region.start - joined.offset, region.firstLine - joined.line),
    );
  }
  const children: RootContent[] = [];
  let r = 0;
  for (const part of parts) {
    if (isRegion(part)) children.push(...(nodesOf[r++] as RootContent[]));
    else children.push(part);
  }
  return children;
}

function isRegion(part: RootContent | Region): part is Region {
  return 'region' in part;
}

function isSeparator(node: RootContent): boolean {
  return (
    node.type === 'paragraph' &&
    node.children.length === 1 &&
    node.children[0]?.type === 'text' &&
    node.children[0].value === 'x'
  );
}

function countNewlines(piece: string): number {
  let count = 0;
  for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', at + 1)) count++;
  return count;
}

/** Cheap tests first: most agreements have no "]:" and no fence or "<" at all. */
function mayDefine(text: string): boolean {
  return text.includes(']:') && MAY_DEFINE.test(text);
}

function mayReachAcrossBlankLines(text: string): boolean {
  return (
    (text.includes('```') || text.includes('~~~') || text.includes('<')) &&
    REACHES_ACROSS_BLANK_LINES.test(text)
  );
}

/**
 * Where a link or footnote definition could be: "[label]:" at the start of a line (after container
 * markers), the label without unescaped brackets and at most 999 characters, as CommonMark allows;
 * for a link, followed by a destination (on that line or the next) that ends its line or is
 * followed by a title's opening quote or parenthesis. "[***]: Depomed has …", a redacted
 * heading, defines nothing: text after a destination that is no title undoes the definition.
 */
const MAY_DEFINE =
  /^[ \t>*+\-\d.)]*\[(?:\^(?:[^[\]\\]|\\.){0,999}\]:|(?:[^[\]\\]|\\.){0,999}\]:[ \t]*\n?[ \t]*(?:<[^>\n]*>|[^\s<]\S*)(?:[ \t]*$|[ \t]+["'(]))/m;
/**
 * Fenced code and HTML blocks run past blank lines until their own end (also when opened inside a
 * list item or quote, after its markers). HTML blocks start with a tag name, "</", "<!" or "<?";
 * a line that starts with an autolink ("<http://…>") opens none.
 */
const REACHES_ACROSS_BLANK_LINES =
  /^[ \t>*+\-\d.)]*(?:`{3}|~{3}|<(?:[!?/]|[A-Za-z][A-Za-z\d-]*(?:[\s/>]|$)))/m;
/** A line that may start a list item (of any number, empty or not), also inside quotes. */
const LIST_ITEM_START = /^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A list item's start: its indentation and marker. */
const LIST_ITEM_MARKER = /^([ \t]*)([-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * The smallest column a later block must be indented to to continue a list item started in the
 * block `first`..`last` (at least the marker's width and a space past its indentation; 0 when
 * tabs make columns uncertain), or infinity when no line starts an item. A quote's line ("> 1.
 * x") opens nothing that lasts past a blank line.
 */
function listContentIndent(lines: Line[], first: number, last: number, text: string): number {
  let least = Number.POSITIVE_INFINITY;
  for (let k = first; k <= last; k++) {
    const line = lines[k] as Line;
    const marker = LIST_ITEM_MARKER.exec(text.slice(line.start, Math.min(line.end, line.start + 64)));
    if (!marker) continue;
    const indent = marker[1] as string;
    least = Math.min(least, indent.includes('\t') ? 0 : indent.length + (marker[2] as string).length + 1);
  }
  return least;
}

/** Whether a block starting with this line may be indented code: four columns, or a tab. */
function mayBeIndentedCode(line: Line, text: string): boolean {
  for (let k = line.start; k < line.start + 4 && k < line.end; k++) {
    const code = text.charCodeAt(k);
    if (code === 9) return true;
    if (code !== 32) return false;
  }
  return line.end - line.start >= 4;
}

/** A line that starts or interrupts a block, after any indentation (":" opens a table delimiter row). */
const BLOCK_START = /^[ \t]*(?:[-+=#>:]|\d{1,9}[.)](?:[ \t]|$))/;
/**
 * What a plain paragraph's first line may start with: no space and no character that can start a
 * block (heading, quote, list, thematic break, table, fence, HTML), except `**` opening strong text.
 */
const PLAIN_START = /^(?:[^\s#>\-+*=_~`<|:\\]|[*_]+[^\s*_])/u;

interface Line {
  start: number;
  /** Offset of the line's end (before its newline). */
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      lines.push({ start, end: text.length });
      return lines;
    }
    lines.push({ start, end: newline });
    start = newline + 1;
  }
}

function isBlank(line: Line, text: string): boolean {
  for (let k = line.start; k < line.end; k++) {
    const code = text.charCodeAt(k);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** Whether the block is a plain paragraph; its first line may be indented by up to `maxIndent` spaces. */
function isPlainBlock(
  lines: Line[],
  first: number,
  last: number,
  text: string,
  maxIndent: number,
  /** The first line starts with a list marker that cannot start a list there. */
  markerIsText = false,
): boolean {
  for (let k = first; k <= last; k++) {
    const line = lines[k] as Line;
    const content = text.slice(line.start, line.end);
    if (k === first && !PLAIN_START.test(content.slice(Math.min(leadingSpaces(content), maxIndent)))) {
      return false;
    }
    if (!(markerIsText && k === first) && BLOCK_START.test(content)) return false;
    // Trailing spaces or tabs (hard breaks, stripped whitespace): leave to the parser.
    const lastCode = content.charCodeAt(content.length - 1);
    if (lastCode === 32 || lastCode === 9) return false;
    const indent = indentOf(content);
    if (!isPlainInline(text, line.start + indent, line.end, k > first && indent > 0, k === last)) {
      return false;
    }
  }
  return true;
}

/** An ordered list item's first line: its number, delimiter and the 1–4 spaces before its text. */
const ORDERED_ITEM = /^(\d{1,9})([.)])( {1,4})(?=[^\s])/;

interface OrderedItem {
  first: number;
  last: number;
  number: string;
  delimiter: string;
  /** Offset where the item's paragraph starts. */
  contentStart: number;
}

/**
 * An ordered list at column 1 whose items are each one plain paragraph ("10.  INSURANCE", "2. The
 * Licensee shall …"), separated by blank lines, in a place where nothing is open, and followed by
 * plain prose at column 1, a plain heading or the end (anything else might continue an item, and
 * is left to the parser with the list). Returns the list node and its last line, or undefined.
 */
function orderedList(
  lines: Line[],
  first: number,
  last: number,
  text: string,
): { node: List; last: number } | undefined {
  const firstItem = orderedItem(lines, first, last, text);
  if (!firstItem) return undefined;
  const items = [firstItem];
  let end = last;
  for (;;) {
    const next = nextNonBlank(lines, end + 1, text);
    if (next >= lines.length) break;
    const blockEnd = blockEndFrom(lines, next, text);
    const item = orderedItem(lines, next, blockEnd, text);
    if (!item) {
      const line = lines[next] as Line;
      const code = text.charCodeAt(line.start);
      if (code === 32 || code === 9) return undefined;
      const heading = next === blockEnd && plainHeading(line, next, text) !== undefined;
      if (!heading && !isPlainBlock(lines, next, blockEnd, text, 0)) return undefined;
      break;
    }
    if (item.delimiter !== firstItem.delimiter) return undefined;
    items.push(item);
    end = blockEnd;
  }
  const listItems: ListItem[] = items.map((item) => listItem(lines, item, text));
  const node: List = {
    type: 'list',
    ordered: true,
    start: Number.parseInt(firstItem.number, 10),
    spread: items.length > 1,
    children: listItems,
    position: {
      start: { ...((listItems[0] as ListItem).position as Position).start },
      end: { ...((listItems[listItems.length - 1] as ListItem).position as Position).end },
    },
  };
  return { node, last: end };
}

/** The block `first`..`last` as an ordered list item holding one plain paragraph, or undefined. */
function orderedItem(lines: Line[], first: number, last: number, text: string): OrderedItem | undefined {
  const firstLine = lines[first] as Line;
  const marker = ORDERED_ITEM.exec(
    text.slice(firstLine.start, Math.min(firstLine.end, firstLine.start + 16)),
  );
  if (!marker) return undefined;
  const contentStart = firstLine.start + marker[0].length;
  const content = text.slice(contentStart, firstLine.end);
  if (!PLAIN_START.test(content) || BLOCK_START.test(content)) return undefined;
  for (let k = first; k <= last; k++) {
    const line = lines[k] as Line;
    const lineText = text.slice(line.start, line.end);
    if (k > first && BLOCK_START.test(lineText)) return undefined;
    const lastCode = lineText.charCodeAt(lineText.length - 1);
    if (lastCode === 32 || lastCode === 9) return undefined;
    const start = k === first ? contentStart : line.start + indentOf(lineText);
    if (!isPlainInline(text, start, line.end, k > first && start > line.start, k === last)) return undefined;
  }
  return { first, last, number: marker[1] as string, delimiter: marker[2] as string, contentStart };
}

function listItem(lines: Line[], item: OrderedItem, text: string): ListItem {
  const segments: Segment[] = [];
  for (let k = item.first; k <= item.last; k++) {
    const line = lines[k] as Line;
    const start =
      k === item.first ? item.contentStart : line.start + indentOf(text.slice(line.start, line.end));
    segments.push({ line: k, lineStart: line.start, start, end: line.end });
  }
  const firstLine = lines[item.first] as Line;
  const lastLine = lines[item.last] as Line;
  const end = { line: item.last + 1, column: lastLine.end - lastLine.start + 1, offset: lastLine.end };
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: plainPhrasing(text, segments),
    position: {
      start: {
        line: item.first + 1,
        column: item.contentStart - firstLine.start + 1,
        offset: item.contentStart,
      },
      end: { ...end },
    },
  };
  return {
    type: 'listItem',
    spread: false,
    checked: null,
    children: [paragraph],
    position: { start: { line: item.first + 1, column: 1, offset: firstLine.start }, end },
  };
}

/** The last line of the block of non-blank lines starting at `first`. */
function blockEndFrom(lines: Line[], first: number, text: string): number {
  let end = first;
  while (end + 1 < lines.length && !isBlank(lines[end + 1] as Line, text)) end++;
  return end;
}

/** Spaces (not tabs) a line starts with. */
function leadingSpaces(content: string): number {
  let count = 0;
  while (content.charCodeAt(count) === 32) count++;
  return count;
}

/** Spaces and tabs a line starts with. */
function indentOf(content: string): number {
  let indent = 0;
  while (content.charCodeAt(indent) === 32 || content.charCodeAt(indent) === 9) indent++;
  return indent;
}

/** A one-line ATX heading at column 1 with plain content and no closing #s, or undefined. */
function plainHeading(line: Line, lineIndex: number, text: string): Heading | undefined {
  let depth = 0;
  while (depth < 7 && text.charCodeAt(line.start + depth) === 35) depth++;
  if (depth === 0 || depth > 6 || text.charCodeAt(line.start + depth) !== 32) return undefined;
  let start = line.start + depth;
  while (text.charCodeAt(start) === 32) start++;
  const lastCode = text.charCodeAt(line.end - 1);
  if (start >= line.end || text.charCodeAt(start) === 9) return undefined;
  if (lastCode === 35 || lastCode === 32 || lastCode === 9) return undefined;
  if (!isPlainInline(text, start, line.end)) return undefined;
  const segment = { line: lineIndex, lineStart: line.start, start, end: line.end };
  return {
    type: 'heading',
    depth: depth as Heading['depth'],
    children: plainPhrasing(text, [segment]),
    position: {
      start: { line: lineIndex + 1, column: 1, offset: line.start },
      end: { line: lineIndex + 1, column: line.end - line.start + 1, offset: line.end },
    },
  };
}

/** Lines that all start with four spaces (a tab among them is left to the parser). */
function isIndentedBlock(lines: Line[], first: number, last: number, text: string): boolean {
  for (let k = first; k <= last; k++) {
    const start = (lines[k] as Line).start;
    if (!text.startsWith('    ', start)) return false;
  }
  return true;
}

/**
 * Where indented code starting with the block `first`..`last` ends (nothing being open there), or
 * -1 when it is not indented code this parse can build: the code runs on through blank lines into
 * every indented block that follows (blank lines with tabs inside it are left to the parser).
 */
function indentedCodeEnd(lines: Line[], first: number, last: number, text: string): number {
  if (!isIndentedBlock(lines, first, last, text)) return -1;
  let end = last;
  for (let next = nextNonBlank(lines, end + 1, text); next < lines.length; ) {
    let blockEnd = next;
    while (blockEnd + 1 < lines.length && !isBlank(lines[blockEnd + 1] as Line, text)) blockEnd++;
    if (!isIndentedBlock(lines, next, blockEnd, text)) break;
    end = blockEnd;
    next = nextNonBlank(lines, end + 1, text);
  }
  // Blank lines inside, and blank lines after that still carry the four spaces, belong to the
  // code too (micromark ends its position there); with a tab among them, leave it to the parser.
  const after = nextNonBlank(lines, end + 1, text);
  for (let k = first; k < after; k++) {
    const line = lines[k] as Line;
    if (!isBlank(line, text)) continue;
    if (text.slice(line.start, line.end).includes('\t')) return -1;
    if (k > end && line.end - line.start >= 4) end = k;
  }
  // A block that only starts indented continues the code with its first lines.
  if (after < lines.length) {
    const next = lines[after] as Line;
    if (mayBeIndentedCode(next, text)) return -1;
    if (LIST_ITEM_START.test(lineText(next, text)) && !isParagraphAfterCode(lines, after, text)) return -1;
  }
  return end;
}

/**
 * micromark reads the block after indented code as if it might interrupt a paragraph, where only
 * a list numbered "1" may start: "11.  INSURANCE" after code is a paragraph, and agreements
 * converted to text repeat that pattern (a page number, a numbered heading). Whether the block at
 * `first` is such a paragraph, and plain (so this parse can build it).
 */
function isParagraphAfterCode(lines: Line[], first: number, text: string): boolean {
  const number = NUMBERED_START.exec(lineText(lines[first] as Line, text));
  if (!number || number[1] === '1') return false;
  return isPlainBlock(lines, first, blockEndFrom(lines, first, text), text, 3, true);
}

/** An ordered item's start with text after it ("11.  INSURANCE"): indentation, number, delimiter. */
const NUMBERED_START = /^ {0,3}(\d{1,9})[.)] +[^ \t]/;

function lineText(line: Line, text: string): string {
  return text.slice(line.start, line.end);
}

function nextNonBlank(lines: Line[], from: number, text: string): number {
  let k = from;
  while (k < lines.length && isBlank(lines[k] as Line, text)) k++;
  return k;
}

/**
 * Indented code from line `first` to `last`: each line loses four columns of indentation, blank
 * lines inside keep what they have beyond four. The node starts at column 1, as micromark's does.
 */
function indentedCode(lines: Line[], first: number, last: number, text: string): Code {
  const parts: string[] = [];
  for (let k = first; k <= last; k++) {
    const line = lines[k] as Line;
    parts.push(line.end - line.start > 4 ? text.slice(line.start + 4, line.end) : '');
  }
  const firstLine = lines[first] as Line;
  const lastLine = lines[last] as Line;
  return {
    type: 'code',
    lang: null,
    meta: null,
    // As mdast-util-from-markdown does, the value loses one line ending at its end.
    value: parts.join('\n').replace(/\n$/, ''),
    position: {
      start: { line: first + 1, column: 1, offset: firstLine.start },
      end: { line: last + 1, column: lastLine.end - lastLine.start + 1, offset: lastLine.end },
    },
  };
}

function plainParagraph(lines: Line[], first: number, last: number, text: string): Paragraph {
  const segments: Segment[] = [];
  for (let k = first; k <= last; k++) {
    const line = lines[k] as Line;
    // Lines lose their indentation, as in CommonMark.
    const start = line.start + indentOf(text.slice(line.start, line.end));
    segments.push({ line: k, lineStart: line.start, start, end: line.end });
  }
  const firstLine = lines[first] as Line;
  let indent = 0;
  while (text.charCodeAt(firstLine.start + indent) === 32) indent++;
  const lastLine = lines[last] as Line;
  return {
    type: 'paragraph',
    children: plainPhrasing(text, segments),
    position: {
      start: { line: first + 1, column: indent + 1, offset: firstLine.start + indent },
      end: { line: last + 1, column: lastLine.end - lastLine.start + 1, offset: lastLine.end },
    },
  };
}

/** Moves a region's node to where the region sits in the whole text (regions start a line). */
function shift<T extends RootContent>(node: T, offset: number, lineIndex: number): T {
  const visit = (n: { position?: { start: Point; end: Point }; children?: unknown[] }) => {
    if (n.position) {
      for (const point of [n.position.start, n.position.end]) {
        point.line += lineIndex;
        if (point.offset !== undefined) point.offset += offset;
      }
    }
    if (n.children) for (const child of n.children) visit(child as typeof n);
  };
  visit(node as Parameters<typeof visit>[0]);
  return node;
}
