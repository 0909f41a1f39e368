import type { PhrasingContent, Strong, Text } from 'mdast';
import { classifyCharacter } from 'micromark-util-classify-character';
import type { Point } from 'unist';

/**
 * The inline side of the plain-prose fast path (markdown-plain.ts): text, and strong emphasis
 * written the simplest way — `**Obligation 1.**`, `**"Licensed Patents"**` — which agreements use
 * for headings and defined terms. Anything else that could start inline syntax is left to the
 * parser. Checked against micromark with the rest of the fast path (test/markdown-parse.test.ts).
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
 * Characters that may start inline syntax, other than `*`: brackets only make a link with a
 * destination ("](") here, since a text with definitions never takes this path; an `&` only when it
 * forms an entity.
 */
const OTHER_INLINE_SYNTAX = /[`<\\|~]|\]\(|&(?:#\d+|#[xX][\da-fA-F]+|[A-Za-z][A-Za-z\d]*);/;

/** What may follow a closing `**` so that it closes and cannot open (right-flanking only). */
const AFTER_CLOSER = /[ .,;:!?)'"’”\]]/;

const ASTERISK = 42;
const UNDERSCORE = 95;
const SPACE = 32;
/** classifyCharacter's class of Unicode punctuation (1 is whitespace, undefined anything else). */
const PUNCTUATION = 2;

/**
 * Whether a line is plain for the fast path: no inline syntax except simple strong pairs and
 * literal asterisks or underscores. `mayOpenAtStart`: a `**` may open at the line's start (the
 * first line of a paragraph or heading; on a continuation line the line ending before it would
 * belong to the text). `literal`: which delimiters cannot form emphasis in the whole paragraph
 * (see literalDelimiters).
 */
export function isPlainInline(
  text: string,
  start: number,
  end: number,
  mayOpenAtStart: boolean,
  literal: LiteralDelimiters = NONE_LITERAL,
): boolean {
  const content = text.slice(start, end);
  if (OTHER_INLINE_SYNTAX.test(content)) return false;
  if (!literal.underscore && content.includes('_')) return false;
  return literal.asterisk || strongPairs(text, start, end, mayOpenAtStart) !== undefined;
}

/** Whether each emphasis delimiter of a paragraph is sure to stay literal text. */
export interface LiteralDelimiters {
  asterisk: boolean;
  underscore: boolean;
}

const NONE_LITERAL: LiteralDelimiters = { asterisk: false, underscore: false };

/**
 * Which delimiters of a paragraph's text are literal: emphasis needs a run of `*` (or `_`) that
 * can open before a run of the same character that can close, and a run's ability to open or
 * close depends only on the characters on either side of it (CommonMark's flanking rules, here
 * exactly as micromark's attention tokenizer applies them). With no such pair every run is text —
 * "[***]" redactions, "By: ______" signature blanks, "NAME_OF_PARTY". A run at a line's start
 * could be a list marker or a thematic break instead, so it leaves the paragraph to the parser.
 */
export function literalDelimiters(paragraph: string): LiteralDelimiters {
  return {
    asterisk: cannotEmphasise(paragraph, ASTERISK),
    underscore: cannotEmphasise(paragraph, UNDERSCORE),
  };
}

function cannotEmphasise(paragraph: string, marker: number): boolean {
  const char = String.fromCharCode(marker);
  let runStart = paragraph.indexOf(char);
  let opener = false;
  while (runStart >= 0) {
    let runEnd = runStart;
    while (paragraph.charCodeAt(runEnd) === marker) runEnd++;
    if (startsLine(paragraph, runStart)) return false;
    const before = classifyCharacter(runStart > 0 ? paragraph.charCodeAt(runStart - 1) : null);
    const after = classifyCharacter(runEnd < paragraph.length ? paragraph.charCodeAt(runEnd) : null);
    const leftFlanking = !after || (after === PUNCTUATION && before !== undefined);
    const rightFlanking = !before || (before === PUNCTUATION && after !== undefined);
    const opens =
      marker === ASTERISK ? leftFlanking : leftFlanking && (before !== undefined || !rightFlanking);
    const closes =
      marker === ASTERISK ? rightFlanking : rightFlanking && (after !== undefined || !leftFlanking);
    if (closes && opener) return false;
    opener ||= opens;
    runStart = paragraph.indexOf(char, runEnd);
  }
  return true;
}

/** Whether only spaces or tabs stand between the line's start and `at`. */
function startsLine(paragraph: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const code = paragraph.charCodeAt(k);
    if (code === 10) return true;
    if (code !== SPACE && code !== 9) return false;
  }
  return true;
}

/**
 * The `**…**` pairs of a line as [start, end) offsets, or undefined when an asterisk is used any
 * other way. A pair opens after a space (or at the line's start) before a non-space, closes after
 * a non-space before a space, punctuation or the end, holds no asterisk and stays on the line:
 * then CommonMark's flanking rules make it strong emphasis and nothing else.
 */
export function strongPairs(
  text: string,
  start: number,
  end: number,
  mayOpenAtStart: boolean,
): [number, number][] | undefined {
  const pairs: [number, number][] = [];
  let open = text.indexOf('*', start);
  while (open >= 0 && open < end) {
    if (text.charCodeAt(open + 1) !== ASTERISK) return undefined;
    const opensHere = open === start ? mayOpenAtStart : text.charCodeAt(open - 1) === SPACE;
    const first = text.charCodeAt(open + 2);
    if (!opensHere || open + 2 >= end || first === ASTERISK || isWhitespace(first)) return undefined;
    const close = text.indexOf('*', open + 2);
    if (close < 0 || close + 1 >= end || text.charCodeAt(close + 1) !== ASTERISK) return undefined;
    if (isWhitespace(text.charCodeAt(close - 1))) return undefined;
    if (close + 2 < end && !AFTER_CLOSER.test(text.charAt(close + 2))) return undefined;
    pairs.push([open, close + 2]);
    open = text.indexOf('*', close + 2);
  }
  return pairs;
}

function isWhitespace(code: number): boolean {
  return code === SPACE || code === 9 || code === 10;
}

/**
 * The phrasing content of plain lines: text nodes (lines joined by a newline, without their
 * indentation) around strong nodes, with micromark's positions.
 */
export function plainPhrasing(text: string, segments: Segment[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let value = '';
  let from: Point | undefined;
  const pointAt = (segment: Segment, offset: number): Point => ({
    line: segment.line + 1,
    column: offset - segment.lineStart + 1,
    offset,
  });
  const flushText = (to: Point) => {
    if (from) nodes.push(textNode(value, from, to));
    value = '';
    from = undefined;
  };
  let previous: Segment | undefined;
  for (const [index, segment] of segments.entries()) {
    if (previous) {
      // The line ending belongs to the text; it starts there when a pair ended the line before.
      if (!from) from = pointAt(previous, previous.end);
      value += '\n';
    }
    let at = segment.start;
    for (const [open, close] of strongPairs(text, segment.start, segment.end, index === 0) ?? []) {
      if (open > at) {
        from ??= pointAt(segment, at);
        value += text.slice(at, open);
      }
      flushText(pointAt(segment, open));
      const inner = textNode(
        text.slice(open + 2, close - 2),
        pointAt(segment, open + 2),
        pointAt(segment, close - 2),
      );
      const strong: Strong = {
        type: 'strong',
        children: [inner],
        position: { start: pointAt(segment, open), end: pointAt(segment, close) },
      };
      nodes.push(strong);
      at = close;
    }
    if (segment.end > at) {
      from ??= pointAt(segment, at);
      value += text.slice(at, segment.end);
    }
    previous = segment;
  }
  if (previous) flushText(pointAt(previous, previous.end));
  return nodes;
}

function textNode(value: string, start: Point, end: Point): Text {
  return { type: 'text', value, position: { start, end } };
}
