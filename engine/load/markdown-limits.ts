import { LoadError } from './errors.js';

/**
 * Markdown shapes that make the parser's time explode, refused before parsing in one linear pass.
 * micromark's cost grows with the square of list nesting and of unmatched emphasis or bracket
 * openers in one paragraph (measured: 16,000 nested "- " take 92 s; 8,000 unmatched "*a_" in one
 * paragraph 5 s, 50,000 over two minutes). Real agreements stay far below these limits (the most
 * in 262 real agreements read as Markdown: 5 levels, 326 emphasis markers and 119 brackets in one
 * paragraph), so
 * whatever goes over them is not a contract a drafter wrote. The per-file time budget of the CLI
 * and the server covers what these checks cannot foresee.
 */
export const MAX_NESTING = 100;
export const MAX_EMPHASIS_RUNS_PER_PARAGRAPH = 2000;
export const MAX_BRACKETS_PER_PARAGRAPH = 5000;

export interface MarkdownShape {
  /** The deepest nesting of list items and block quotes, and the (1-based) line it is on. */
  nesting: number;
  nestingLine: number;
  /** The most runs of emphasis markers (*, _, ~) in one paragraph, and the paragraph's first line. */
  emphasisRuns: number;
  emphasisLine: number;
  /** The most opening brackets in one paragraph, and the paragraph's first line. */
  brackets: number;
  bracketsLine: number;
}

/** Throws a `too-complex` LoadError, naming what was found, when the text exceeds a limit. */
export function checkMarkdownShape(text: string, path: string): void {
  // Fewer markers in the whole text than a paragraph may hold: no need to count per paragraph.
  const inline =
    countOf(text, '*') + countOf(text, '_') + countOf(text, '~') > MAX_EMPHASIS_RUNS_PER_PARAGRAPH ||
    countOf(text, '[') > MAX_BRACKETS_PER_PARAGRAPH;
  const shape = measureMarkdownShape(text, inline);
  const n = (value: number) => value.toLocaleString('en-US');
  if (shape.nesting > MAX_NESTING)
    throw new LoadError(
      'too-complex',
      path,
      `lists or block quotes nest ${n(shape.nesting)} levels deep (line ${n(shape.nestingLine)}); ` +
        `contract-lint reads at most ${MAX_NESTING} levels`,
    );
  if (shape.emphasisRuns > MAX_EMPHASIS_RUNS_PER_PARAGRAPH)
    throw new LoadError(
      'too-complex',
      path,
      `the paragraph at line ${n(shape.emphasisLine)} has ${n(shape.emphasisRuns)} emphasis markers (*, _ or ~); ` +
        `contract-lint reads at most ${n(MAX_EMPHASIS_RUNS_PER_PARAGRAPH)} in one paragraph`,
    );
  if (shape.brackets > MAX_BRACKETS_PER_PARAGRAPH)
    throw new LoadError(
      'too-complex',
      path,
      `the paragraph at line ${n(shape.bracketsLine)} has ${n(shape.brackets)} opening brackets "["; ` +
        `contract-lint reads at most ${n(MAX_BRACKETS_PER_PARAGRAPH)} in one paragraph`,
    );
}

const TAB = 9;
const SPACE = 32;
const NEWLINE = 10;
const CR = 13;

/**
 * One pass over the lines (`countInline`: count emphasis markers and brackets too). Nesting is an upper bound of CommonMark's: open list items are a stack
 * of content columns; a line closes the items whose content column lies right of its indent, then
 * opens one item per list marker it starts with ("- - - x" opens three). Block quote markers on a
 * line add their count. Paragraphs end at blank lines.
 */
export function measureMarkdownShape(text: string, countInline = true): MarkdownShape {
  const shape: MarkdownShape = {
    nesting: 0,
    nestingLine: 0,
    emphasisRuns: 0,
    emphasisLine: 0,
    brackets: 0,
    bracketsLine: 0,
  };
  const columns: number[] = [];
  let line = 0;
  let paragraphLine = 0;
  let emphasis = 0;
  let brackets = 0;
  let i = 0;
  while (i <= text.length) {
    line++;
    let end = text.indexOf('\n', i);
    if (end === -1) end = text.length;
    // Indent, with tabs to the next multiple of four as CommonMark counts them.
    let p = i;
    let column = 0;
    while (p < end) {
      const code = text.charCodeAt(p);
      if (code === SPACE) column++;
      else if (code === TAB) column += 4 - (column % 4);
      else break;
      p++;
    }
    const blank = p >= end || (p === end - 1 && text.charCodeAt(p) === CR);
    if (blank) {
      paragraphLine = 0;
      emphasis = 0;
      brackets = 0;
    } else {
      if (paragraphLine === 0) paragraphLine = line;
      while (columns.length > 0 && (columns[columns.length - 1] as number) > column) columns.pop();
      let quotes = 0;
      for (;;) {
        const code = text.charCodeAt(p);
        if (code === 62 /* > */) {
          quotes++;
          p++;
          column++;
        } else {
          const width = listMarkerWidth(text, p, end);
          if (width === 0) break;
          p += width;
          column += width;
          columns.push(column + 1);
        }
        while (p < end && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) {
          p++;
          column++;
        }
      }
      const depth = columns.length + quotes;
      if (depth > shape.nesting) {
        shape.nesting = depth;
        shape.nestingLine = line;
      }
      let previous = -1;
      for (let k = countInline ? p : end; k < end; k++) {
        const code = text.charCodeAt(k);
        if ((code === 42 /* * */ || code === 95 /* _ */ || code === 126) /* ~ */ && code !== previous)
          emphasis++;
        else if (code === 91 /* [ */) brackets++;
        previous = code;
      }
      if (emphasis > shape.emphasisRuns) {
        shape.emphasisRuns = emphasis;
        shape.emphasisLine = paragraphLine;
      }
      if (brackets > shape.brackets) {
        shape.brackets = brackets;
        shape.bracketsLine = paragraphLine;
      }
    }
    i = end + 1;
  }
  return shape;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** The width of a list marker at `p` ("-", "*", "+", or up to nine digits and "." or ")"), else 0. */
function listMarkerWidth(text: string, p: number, end: number): number {
  const code = text.charCodeAt(p);
  let width = 0;
  if (code === 45 /* - */ || code === 42 /* * */ || code === 43 /* + */) width = 1;
  else {
    while (width < 9 && isDigit(text.charCodeAt(p + width))) width++;
    if (width === 0) return 0;
    const after = text.charCodeAt(p + width);
    if (after !== 46 /* . */ && after !== 41 /* ) */) return 0;
    width++;
  }
  if (p + width >= end) return width;
  const next = text.charCodeAt(p + width);
  return next === SPACE || next === TAB || next === NEWLINE || next === CR ? width : 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
