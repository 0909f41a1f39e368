import type { Paragraph, Root, RootContent } from 'mdast';
import type { Point } from 'unist';

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
  if (text.includes(']:') || text.includes('\r') || REACHES_ACROSS_BLANK_LINES.test(text)) return undefined;
  const lines = splitLines(text);
  const children: RootContent[] = [];
  let plainCount = 0;
  /** First line of the pending non-plain region, or -1. */
  let regionFirst = -1;
  /** Parses the pending region up to `end`: with the blank lines after it, as a full parse sees them. */
  const flushRegion = (end: number) => {
    if (regionFirst < 0) return;
    const first = lines[regionFirst] as Line;
    const tree = parseRegion(text.slice(first.start, end));
    for (const node of tree.children) children.push(shift(node, first.start, regionFirst));
    regionFirst = -1;
  };
  let i = 0;
  // After a plain paragraph (or at the start) nothing is open, so 1–3 spaces before a paragraph
  // are only indentation; after a region they might continue one of its list items.
  let afterPlain = true;
  while (i < lines.length) {
    if (isBlank(lines[i] as Line, text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && !isBlank(lines[j + 1] as Line, text)) j++;
    afterPlain = regionFirst < 0 && afterPlain;
    if (isPlainBlock(lines, i, j, text, afterPlain)) {
      flushRegion((lines[i] as Line).start);
      children.push(plainParagraph(lines, i, j, text));
      plainCount++;
      afterPlain = true;
    } else {
      if (regionFirst < 0) regionFirst = i;
      afterPlain = false;
    }
    i = j + 1;
  }
  if (plainCount === 0) return undefined;
  flushRegion(text.length);
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

/**
 * Fenced code and HTML blocks run past blank lines until their own end (also when opened inside a
 * list item or quote, after its markers).
 */
const REACHES_ACROSS_BLANK_LINES = /^[ \t>*+\-\d.)]*(?:`{3}|~{3}|<)/m;
/**
 * Characters that may start inline syntax. Brackets only make a link with a destination ("](")
 * here, since a text with definitions never takes this path ("[x]" alone stays text); an `&` only
 * when it forms an entity.
 */
const INLINE_SYNTAX = /[*_`<>\\|~]|\]\(|&(?:#\d+|#[xX][\da-fA-F]+|[A-Za-z][A-Za-z\d]*);/;
/** A line that starts or interrupts a block, after any indentation (":" opens a table delimiter row). */
const BLOCK_START = /^[ \t]*(?:[-+=#>:]|\d{1,9}[.)](?:[ \t]|$))/;
/** What a plain paragraph's first line may start with. */
const PLAIN_START = /^[\p{L}\p{N}("']/u;

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

function isPlainBlock(lines: Line[], first: number, last: number, text: string, indentOk: boolean): boolean {
  for (let k = first; k <= last; k++) {
    const line = lines[k] as Line;
    const content = text.slice(line.start, line.end);
    if (k === first && !PLAIN_START.test(indentOk ? content.replace(/^ {1,3}/, '') : content)) return false;
    if (BLOCK_START.test(content) || INLINE_SYNTAX.test(content)) return false;
    // Trailing spaces or tabs (hard breaks, stripped whitespace): leave to the parser.
    const lastCode = content.charCodeAt(content.length - 1);
    if (lastCode === 32 || lastCode === 9) return false;
  }
  return true;
}

function plainParagraph(lines: Line[], first: number, last: number, text: string): Paragraph {
  const parts: string[] = [];
  for (let k = first; k <= last; k++) {
    const line = lines[k] as Line;
    // Lines lose their indentation, as in CommonMark.
    parts.push(text.slice(line.start, line.end).replace(/^[ \t]+/, ''));
  }
  const firstLine = lines[first] as Line;
  let indent = 0;
  while (text.charCodeAt(firstLine.start + indent) === 32) indent++;
  const start: Point = { line: first + 1, column: indent + 1, offset: firstLine.start + indent };
  const lastLine = lines[last] as Line;
  const end: Point = { line: last + 1, column: lastLine.end - lastLine.start + 1, offset: lastLine.end };
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: parts.join('\n'), position: { start, end: { ...end } } }],
    position: { start: { ...start }, end },
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
