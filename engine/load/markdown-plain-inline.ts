import type { PhrasingContent, Text } from 'mdast';
import { classifyCharacter } from 'micromark-util-classify-character';
import type { Point } from 'unist';

/**
 * The inline side of the plain-prose fast path (markdown-plain.ts): text, emphasis and strong
 * emphasis. Agreements use `**Obligation 1.**` and `**"Licensed Patents"**` for headings and
 * defined terms, and filed agreements redact with `[***]`, which CommonMark pairs into emphasis
 * when a paragraph holds two or more — slow going for micromark (a redacted schedule takes
 * seconds), quick here. Anything else that could start inline syntax is left to the parser.
 * Checked against micromark with the rest of the fast path (test/markdown-parse.test.ts).
 */

/** One line of a paragraph: from its first character after indentation to its end. */
export interface Segment {
  /** 0-based line number. */
  line: number;
  /** Offset where the line starts in the text (before indentation). */
  lineStart: number;
  start: number;
  end: number;
}

/**
 * Characters that may start inline syntax, other than `*` and `_`: brackets only make a link with
 * a destination ("](") here, since a text with definitions never takes this path; an `&` only when
 * it forms an entity.
 */
const OTHER_INLINE_SYNTAX = /[`<|~]|\]\(|&(?:#\d+|#[xX][\da-fA-F]+|[A-Za-z][A-Za-z\d]*);/;
/**
 * A backslash this path reads: one escaping ASCII punctuation other than `*`, `_` and `\` (which
 * would change what emphasis pairs: left to the parser), or one ending a line (a hard break, when
 * another line follows). Word agreements' text views are full of them: "1\. Definitions".
 */
const PLAIN_ESCAPE = /\\(?:[!-)+-/:-@[\]^`{-~]|$)/y;
/** An escape's backslash, for the text's value: "\." is ".". */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

const ASTERISK = 42;
const UNDERSCORE = 95;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;
const WHITESPACE = 1;
/** classifyCharacter's class of Unicode punctuation (1 is whitespace, undefined anything else). */
const PUNCTUATION = 2;

/**
 * Whether a line's content (from `start`, after its indentation, to `end`) is plain for the fast
 * path: no inline syntax but emphasis, and no run of `*` or `_` at its start that could be read
 * as a list marker or a thematic break, or whose position micromark counts differently
 * (`indented`: the line has indentation before `start` and is not the block's first line).
 */
export function isPlainInline(
  text: string,
  start: number,
  end: number,
  indented = false,
  lastLine = true,
): boolean {
  const content = text.slice(start, end);
  if (OTHER_INLINE_SYNTAX.test(content)) return false;
  for (let at = content.indexOf('\\'); at >= 0; at = content.indexOf('\\', at + 2)) {
    PLAIN_ESCAPE.lastIndex = at;
    if (!PLAIN_ESCAPE.test(content) || (lastLine && at === content.length - 1)) return false;
  }
  const first = text.charCodeAt(start);
  if (first !== ASTERISK && first !== UNDERSCORE) return true;
  if (indented) return false;
  let after = start;
  while (text.charCodeAt(after) === ASTERISK || text.charCodeAt(after) === UNDERSCORE) after++;
  const next = text.charCodeAt(after);
  return after < end && next !== SPACE && next !== TAB;
}

/** A run of `*` or `_`, as micromark's attention tokenizer classifies it. */
interface Run {
  kind: 'run';
  marker: number;
  /** What is left of the run: offsets, shrinking as emphasis takes its characters. */
  start: number;
  end: number;
  open: boolean;
  close: boolean;
  /** False once the run is inside emphasis, where it can pair with nothing outside. */
  live: boolean;
}

/** Emphasis or strong emphasis: from its opening sequence's start to its closing sequence's end. */
interface Group {
  kind: 'group';
  type: 'emphasis' | 'strong';
  start: number;
  end: number;
  children: Item[];
}

type Item = Run | Group;

/** The runs of `*` and `_` in the lines, in order. */
function delimiterRuns(text: string, segments: Segment[]): Run[] {
  const runs: Run[] = [];
  // Searched in the paragraph alone: a search in the whole text would run on to the next
  // asterisk anywhere, once per paragraph.
  const from = (segments[0] as Segment).start;
  const paragraph = text.slice(from, (segments[segments.length - 1] as Segment).end);
  const nextOf = (char: string, at: number) => {
    const found = paragraph.indexOf(char, at - from);
    return found < 0 ? Number.POSITIVE_INFINITY : found + from;
  };
  let asterisk = nextOf('*', from);
  let underscore = nextOf('_', from);
  for (const segment of segments) {
    for (;;) {
      const at = Math.min(asterisk, underscore);
      if (at >= segment.end) break;
      const marker = text.charCodeAt(at);
      let end = at;
      while (end < segment.end && text.charCodeAt(end) === marker) end++;
      // A line's edges are a line ending or the paragraph's edge: whitespace either way.
      const before = at === segment.start ? WHITESPACE : classifyCharacter(text.charCodeAt(at - 1));
      const after = end === segment.end ? WHITESPACE : classifyCharacter(text.charCodeAt(end));
      const open = !after || (after === PUNCTUATION && before !== undefined);
      const close = !before || (before === PUNCTUATION && after !== undefined);
      runs.push({
        kind: 'run',
        marker,
        start: at,
        end,
        open: marker === ASTERISK ? open : open && (before !== undefined || !close),
        close: marker === ASTERISK ? close : close && (after !== undefined || !open),
        live: true,
      });
      if (marker === ASTERISK) asterisk = nextOf('*', end);
      else underscore = nextOf('_', end);
    }
  }
  return runs;
}

/**
 * Pairs the runs into emphasis as micromark's resolveAllAttention does: each closing run, left to
 * right, takes the nearest open run of its marker before it (CommonMark's rule of three on the
 * runs' remaining lengths), two characters from each when both have two, else one; what lies
 * between becomes the emphasis' content, and a closing run with characters left is tried again.
 */
function pairRuns(items: Item[]): Item[] {
  for (let index = 0; index < items.length; index++) {
    const closer = items[index] as Item;
    if (closer.kind !== 'run' || !closer.live || !closer.close) continue;
    for (let open = index - 1; open >= 0; open--) {
      const opener = items[open] as Item;
      if (opener.kind !== 'run' || !opener.live || !opener.open || opener.marker !== closer.marker) continue;
      const openLength = opener.end - opener.start;
      const closeLength = closer.end - closer.start;
      if ((opener.close || closer.open) && closeLength % 3 !== 0 && (openLength + closeLength) % 3 === 0) {
        continue;
      }
      const use = openLength > 1 && closeLength > 1 ? 2 : 1;
      const inside = pairRuns(items.slice(open + 1, index));
      for (const item of inside) if (item.kind === 'run') item.live = false;
      opener.end -= use;
      closer.start += use;
      const group: Group = {
        kind: 'group',
        type: use > 1 ? 'strong' : 'emphasis',
        start: opener.end,
        end: closer.start,
        children: inside,
      };
      const replacement: Item[] = [];
      if (opener.end > opener.start) replacement.push(opener);
      replacement.push(group);
      const closerLeft = closer.end > closer.start;
      if (closerLeft) replacement.push(closer);
      items.splice(open, index - open + 1, ...replacement);
      index = open + replacement.length - (closerLeft ? 2 : 1);
      break;
    }
  }
  return items;
}

/**
 * The phrasing content of plain lines, with micromark's positions: text (lines joined by a line
 * ending, without their indentation) around emphasis and strong emphasis. Runs that pair with
 * nothing are text.
 */
export function plainPhrasing(text: string, segments: Segment[]): PhrasingContent[] {
  const first = segments[0] as Segment;
  const last = segments[segments.length - 1] as Segment;
  return phrasing(text, segments, pairRuns(delimiterRuns(text, segments)), first.start, last.end);
}

function phrasing(
  text: string,
  segments: Segment[],
  items: Item[],
  from: number,
  to: number,
): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let cursor = from;
  for (const item of items) {
    if (item.kind !== 'group') continue;
    if (item.start > cursor) nodes.push(...textAndBreaks(text, segments, cursor, item.start));
    const use = item.type === 'strong' ? 2 : 1;
    const children = phrasing(text, segments, item.children, item.start + use, item.end - use);
    const position = { start: pointAt(segments, item.start), end: pointAt(segments, item.end) };
    nodes.push(
      item.type === 'strong'
        ? { type: 'strong', children, position }
        : { type: 'emphasis', children, position },
    );
    cursor = item.end;
  }
  if (to > cursor) nodes.push(...textAndBreaks(text, segments, cursor, to));
  return nodes;
}

/**
 * The text from `from` to `to`, with a break node for each line that ends in a backslash: from
 * the backslash to the next line's start (the text after it starts past the indentation).
 */
function textAndBreaks(text: string, segments: Segment[], from: number, to: number): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let cursor = from;
  for (const [index, segment] of segments.entries()) {
    const next = segments[index + 1];
    const backslash = segment.end - 1;
    if (!next || backslash < cursor || next.lineStart > to || text.charCodeAt(backslash) !== BACKSLASH)
      continue;
    const before = textNode(text, segments, cursor, backslash);
    if (before) nodes.push(before);
    nodes.push({
      type: 'break',
      position: { start: pointOf(segment, backslash), end: pointOf(next, next.lineStart) },
    });
    cursor = next.lineStart;
  }
  const after = textNode(text, segments, cursor, to);
  if (after) nodes.push(after);
  return nodes;
}

/**
 * The text from `from` to `to`: each line's content, a line ending between lines; undefined when
 * the range holds no text (only indentation).
 */
function textNode(text: string, segments: Segment[], from: number, to: number): Text | undefined {
  let value = '';
  let start: Point | undefined;
  let previous: Segment | undefined;
  /** The line the text ends at the start of, when it ends with a line ending. */
  let endsAtLineOf: Segment | undefined;
  for (const segment of segments) {
    if (previous && from <= previous.end && to >= segment.start) {
      start ??= pointOf(previous, previous.end);
      value += '\n';
      endsAtLineOf = segment;
    }
    const low = Math.max(from, segment.start);
    const high = Math.min(to, segment.end);
    if (low < high) {
      start ??= pointOf(segment, low);
      const piece = text.slice(low, high);
      value += piece.includes('\\') ? piece.replace(ESCAPE, '$1') : piece;
      endsAtLineOf = undefined;
    }
    previous = segment;
  }
  if (!start) return undefined;
  // A line's indentation is no text: a text ending with a line ending ends at the next line's start.
  const end = endsAtLineOf ? pointOf(endsAtLineOf, endsAtLineOf.lineStart) : pointAt(segments, to);
  return { type: 'text', value, position: { start, end } };
}

/** The point of an offset inside a line's content or at its end. */
function pointAt(segments: Segment[], offset: number): Point {
  for (const segment of segments) if (offset <= segment.end) return pointOf(segment, offset);
  return pointOf(segments[segments.length - 1] as Segment, offset);
}

function pointOf(segment: Segment, offset: number): Point {
  return { line: segment.line + 1, column: offset - segment.lineStart + 1, offset };
}
