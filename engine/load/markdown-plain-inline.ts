import type { PhrasingContent, Strong, Text } from 'mdast';
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
const OTHER_INLINE_SYNTAX = /[_`<>\\|~]|\]\(|&(?:#\d+|#[xX][\da-fA-F]+|[A-Za-z][A-Za-z\d]*);/;

/** What may follow a closing `**` so that it closes and cannot open (right-flanking only). */
const AFTER_CLOSER = /[ .,;:!?)'"’”\]]/;

const ASTERISK = 42;
const SPACE = 32;

/**
 * Whether a line is plain for the fast path: no inline syntax except simple strong pairs.
 * `mayOpenAtStart`: a `**` may open at the line's start (the first line of a paragraph or heading;
 * on a continuation line the line ending before it would belong to the text).
 * `literalAsterisks`: the paragraph has a single run of asterisks (see isLoneAsteriskRun).
 */
export function isPlainInline(
  text: string,
  start: number,
  end: number,
  mayOpenAtStart: boolean,
  literalAsterisks = false,
): boolean {
  const content = text.slice(start, end);
  if (OTHER_INLINE_SYNTAX.test(content)) return false;
  return literalAsterisks || strongPairs(text, start, end, mayOpenAtStart) !== undefined;
}

/**
 * Whether the asterisks of a paragraph's text form one run, not at a line's start: emphasis needs
 * an opening and a closing run, so a lone run — "[***]", a redaction in a filed agreement — is
 * literal text (and no list marker or thematic break, which need a line's start).
 */
export function isLoneAsteriskRun(paragraph: string): boolean {
  const first = paragraph.indexOf('*');
  if (first < 0) return false;
  let end = first;
  while (paragraph.charCodeAt(end) === ASTERISK) end++;
  if (paragraph.indexOf('*', end) >= 0) return false;
  const lineStart = paragraph.lastIndexOf('\n', first - 1) + 1;
  return paragraph.slice(lineStart, first).trim() !== '';
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
