import type { Block, LoadedDocument, OffsetSegment } from '../model/types.js';
import { isLineSpace } from '../text/chars.js';
import { detached } from '../text/memo.js';
import { classifyLine, isFilingExhibitLabel, type LineClass } from './plaintext-headings.js';

/**
 * Plain-text agreements (typically converted from PDF): one block per paragraph, headings
 * recognised from their shape, page furniture dropped. The text view is the file text itself.
 *
 * Paragraphs are found line by line:
 * - a non-blank line is a paragraph;
 * - a long line holding several paragraphs separated by runs of 3+ spaces (PDF pages flattened to
 *   one line) is split where the next chunk starts like a paragraph or heading;
 * - in files hard-wrapped at a fixed width (detected per file), a line that does not end a
 *   sentence is joined with the next when that one continues it.
 * Everything is a single pass over the text plus per-line work on short lines, so it is linear.
 */
export function loadPlainText(text: string, path: string): LoadedDocument {
  return { path, format: 'text', textView: text, blocks: plainTextBlocks(text) };
}

/** Lines at least this long are candidates for splitting at runs of 3+ spaces. */
const SPLIT_MIN_LENGTH = 200;
/** A run of this many spaces separates paragraphs flattened onto one line. */
const SPLIT_RUN = 3;
/** A maximal run of SPLIT_RUN or more spaces within a line (`\s` without line breaks). */
const SPACE_RUN = new RegExp(`[^\\S\\n\\r]{${SPLIT_RUN},}`, 'g');

interface Unit {
  /** Trimmed span in the text view. */
  start: number;
  end: number;
  /** A blank line (or the start of the file) precedes this unit. */
  gapBefore: boolean;
  /** A chunk of a long line that was split (never joined with neighbours). */
  split: boolean;
  /** A running footer with a page number (set by `markRunningFooters`). */
  footer?: boolean;
  cls: LineClass;
}

/** Turns plain text into blocks. */
export function plainTextBlocks(text: string): Block[] {
  const units = scanUnits(text);
  markRunningFooters(text, units);
  demoteFilingLabel(text, units);
  markRepeatedHeaders(text, units);
  const wrap = detectWrapping(text, units);
  return buildBlocks(text, units, wrap);
}

// ---------------------------------------------------------------------------------------------
// Lines and chunks.

function scanUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let gap = true;
  let lineStart = 0;
  const length = text.length;
  while (lineStart <= length) {
    let lineEnd = lineStart;
    while (lineEnd < length) {
      const code = text.charCodeAt(lineEnd);
      if (code === 10 || code === 13) break;
      lineEnd++;
    }
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isLineSpace(text.charCodeAt(s))) s++;
    while (e > s && isLineSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) gap = true;
    else {
      if (e - s >= SPLIT_MIN_LENGTH) splitLine(text, s, e, gap, units);
      else units.push(makeUnit(text, s, e, gap, false));
      gap = false;
    }
    if (lineEnd >= length) break;
    // \r\n, \r and \n all end a line.
    lineStart =
      text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  }
  return units;
}

function makeUnit(text: string, start: number, end: number, gapBefore: boolean, split: boolean): Unit {
  return { start, end, gapBefore, split, cls: classifyLine(text.slice(start, end)) };
}

/** Splits a long trimmed line at runs of 3+ spaces where the next chunk starts a paragraph. */
function splitLine(text: string, start: number, end: number, gap: boolean, out: Unit[]): void {
  // Pieces between runs of SPLIT_RUN or more spaces: [pieceStart, pieceEnd) pairs.
  const pieces: number[] = [start];
  const line = text.slice(start, end);
  SPACE_RUN.lastIndex = 0;
  for (let m = SPACE_RUN.exec(line); m !== null; m = SPACE_RUN.exec(line)) {
    pieces.push(start + m.index, start + m.index + m[0].length);
  }
  pieces.push(end);
  const count = pieces.length / 2;
  if (count === 1) {
    out.push(makeUnit(text, start, end, gap, false));
    return;
  }
  // keep[k]: a paragraph boundary sits before piece k.
  const keep: boolean[] = new Array(count).fill(false);
  for (let k = 1; k < count; k++) {
    const pStart = pieces[2 * k] as number;
    const pEnd = pieces[2 * k + 1] as number;
    if (isBareNumber(text, pStart, pEnd)) {
      // A page number at the end of a flattened page, or before the next page's first paragraph;
      // anywhere else (tables, amounts) it stays inside the text.
      const last = k === count - 1;
      if (last || startsParagraph(text, pieces[2 * k + 2] as number, false)) {
        keep[k] = true;
        if (!last) keep[k + 1] = true;
      }
    } else if (!keep[k] && startsParagraph(text, pStart, true)) {
      keep[k] = true;
    }
  }
  let chunkStart = start;
  let first = true;
  for (let k = 1; k <= count; k++) {
    if (k < count && !keep[k]) continue;
    const chunkEnd = pieces[2 * k - 1] as number;
    out.push(makeUnit(text, chunkStart, chunkEnd, first ? gap : false, true));
    first = false;
    if (k < count) chunkStart = pieces[2 * k] as number;
  }
}

function isBareNumber(text: string, start: number, end: number): boolean {
  if (end - start > 3) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return end > start;
}

const UPPER = /\p{Lu}/u;
const BULLETS = '·•●▪◦‣§';

/** Does the text at `at` start like a paragraph or heading: capital, number, "(a)", quote, bullet? */
function startsParagraph(text: string, at: number, allowDigit: boolean): boolean {
  const char = text[at];
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  // A number starts a paragraph when it is an enumerator ("5.", "5.1", "5)"), not an amount.
  if (code >= 48 && code <= 57) return allowDigit && /^\d{1,3}(?:[.)]|\.\d)/.test(text.slice(at, at + 6));
  if (code > 127 && UPPER.test(char)) return true;
  if (BULLETS.includes(char)) return true;
  if (char === '(') return /^\([0-9A-Za-z]{1,5}\)/.test(text.slice(at, at + 8));
  if (char === '"' || char === '“') {
    const next = text[at + 1];
    return next !== undefined && UPPER.test(next);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Running headers and footers that carry the page number: "Example of Agreement 4", "Acme Corp 12".
// (The same line repeated without a number is left alone: in the corpus those are as often exhibit
// titles and table cells as running headers.)

/** A numbered header must come back this often, with this many different numbers. */
const FOOTER_MIN_COUNT = 3;
/** Occurrences typically closer than this (in units) look like a table, not page furniture. */
const MIN_MEDIAN_GAP = 4;

interface RepeatStat {
  count: number;
  last: number;
  gaps: number[];
  numbers: Set<string>;
}

function markRunningFooters(text: string, units: Unit[]): void {
  const stats = new Map<string, RepeatStat>();
  const keys: (string | undefined)[] = new Array(units.length);
  units.forEach((unit, index) => {
    if (unit.cls.kind === 'noise' || (unit.cls.kind === 'heading' && !unit.cls.weak)) return;
    if (unit.end - unit.start > 100) return;
    // The pattern ends in a digit: most lines are ruled out without running it.
    const last = text.charCodeAt(unit.end - 1);
    if (last < 48 || last > 57) return;
    const line = text.slice(unit.start, unit.end);
    const m = /^(.*?\p{L}.*?)\s+(\d{1,4})$/u.exec(line);
    if (!m) return;
    const lead = m[1] ?? '';
    let letters = 0;
    for (const char of lead) if (/\p{L}/u.test(char)) letters++;
    if (letters < 6 || /^\(?[0-9A-Za-z]{1,6}[.)]\s/.test(lead) || /[.;:,]$/.test(lead)) return;
    const key = lead.replace(/\d+/g, '#');
    keys[index] = key;
    const stat = stats.get(key);
    if (!stat) {
      stats.set(key, { count: 1, last: index, gaps: [], numbers: new Set([m[2] ?? '']) });
      return;
    }
    stat.count++;
    stat.gaps.push(index - stat.last);
    stat.last = index;
    stat.numbers.add(m[2] ?? '');
  });
  const furniture = new Set<string>();
  for (const [key, stat] of stats) {
    const often = stat.count >= FOOTER_MIN_COUNT && stat.numbers.size >= FOOTER_MIN_COUNT;
    if (often && medianGap(stat.gaps) >= MIN_MEDIAN_GAP) furniture.add(key);
  }
  if (furniture.size === 0) return;
  units.forEach((unit, index) => {
    const key = keys[index];
    if (key !== undefined && furniture.has(key)) {
      unit.cls = { kind: 'noise' };
      unit.footer = true;
    }
  });
}

/** An identical short line this often, nearly always next to page furniture, is a running header. */
const REPEAT_MIN_COUNT = 3;
/** How far (in units) from a numbered running footer an occurrence may be. */
const REPEAT_NEAR = 2;

/**
 * The same short line on every page ("Contract No. 01PB-___" above "Example of Agreement 4") is
 * page furniture when nearly every occurrence sits next to a numbered running footer. Repeated
 * lines elsewhere are kept: in the corpus they are as often exhibit titles, table cells or
 * placeholders ("None.", "[***]") as running headers, and bare numbers nearby prove nothing.
 */
function markRepeatedHeaders(text: string, units: Unit[]): void {
  const occurrences = new Map<string, number[]>();
  units.forEach((unit, index) => {
    if (unit.cls.kind === 'noise' || (unit.cls.kind === 'heading' && !unit.cls.weak)) return;
    if (unit.end - unit.start > 100) return;
    const line = text.slice(unit.start, unit.end);
    const list = occurrences.get(line);
    if (list) list.push(index);
    else occurrences.set(line, [index]);
  });
  const near = (index: number): boolean => {
    for (let j = Math.max(0, index - REPEAT_NEAR); j <= index + REPEAT_NEAR && j < units.length; j++) {
      if (j !== index && units[j]?.footer) return true;
    }
    return false;
  };
  const furniture: number[] = [];
  for (const list of occurrences.values()) {
    if (list.length < REPEAT_MIN_COUNT) continue;
    const close = list.filter(near).length;
    if (close * 4 >= list.length * 3) furniture.push(...list);
  }
  for (const index of furniture) (units[index] as Unit).cls = { kind: 'noise' };
}

function medianGap(gaps: number[]): number {
  const sorted = [...gaps].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * "Exhibit 10.31" above an EDGAR filing is a label, not the start of an exhibit; when the same
 * label comes back later it is a running page header.
 */
function demoteFilingLabel(text: string, units: Unit[]): void {
  let seen = 0;
  let label: string | undefined;
  for (const unit of units) {
    if (unit.cls.kind === 'noise') continue;
    const line = text.slice(unit.start, unit.end);
    if (unit.cls.kind === 'heading' && isFilingExhibitLabel(line)) {
      unit.cls = { kind: 'paragraph' };
      label = line;
    }
    if (++seen >= 3) break;
  }
  if (label === undefined) return;
  let first = true;
  for (const unit of units) {
    if (unit.end - unit.start !== label.length || text.slice(unit.start, unit.end) !== label) continue;
    if (first) first = false;
    else unit.cls = { kind: 'noise' };
  }
}

// ---------------------------------------------------------------------------------------------
// Hard wrapping.

interface Wrapping {
  wrapped: boolean;
  /** Typical length of a full wrapped line. */
  width: number;
}

/** "a.", "(iv)", "b)" at the start of a line: a new list item, not a continuation. */
const LOWER_ENUMERATOR = /^(?:\(?(?:[a-z]{1,2}|[ivxl]{1,6})[.)]|o)\s/;
/** Any enumerator at the start of a line. */
const ENUMERATOR = /^(?:\(?[0-9A-Za-z]{1,6}[.)]|\d{1,3}(?:\.\d{1,3})+\.?)\s/;

function endsSentence(text: string, end: number): boolean {
  let i = end - 1;
  while (i > 0 && '"”’\')]'.includes(text[i] ?? '')) i--;
  const char = text[i];
  return char === '.' || char === '?' || char === '!';
}

function startsLower(text: string, at: number): boolean {
  const char = text[at];
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code >= 97 && code <= 122) return !LOWER_ENUMERATOR.test(text.slice(at, at + 10));
  return code > 127 && /\p{Ll}/u.test(char);
}

function detectWrapping(text: string, units: Unit[]): Wrapping {
  let pairs = 0;
  const wrapLengths: number[] = [];
  let prev: Unit | undefined;
  let gap = false;
  for (const unit of units) {
    gap ||= unit.gapBefore;
    if (unit.cls.kind === 'noise') continue;
    if (prev && !gap && !prev.split && !unit.split) {
      pairs++;
      if (prev.cls.kind === 'paragraph' && !endsSentence(text, prev.end) && startsLower(text, unit.start)) {
        wrapLengths.push(prev.end - prev.start);
      }
    }
    prev = unit;
    gap = false;
  }
  const wrapped = wrapLengths.length >= 3 && wrapLengths.length * 10 >= pairs;
  if (!wrapped) return { wrapped: false, width: 0 };
  wrapLengths.sort((a, b) => a - b);
  const width = wrapLengths[Math.floor(wrapLengths.length * 0.75)] ?? 0;
  return { wrapped: true, width };
}

/** In a wrapped file, may `unit` continue the paragraph whose last line is `prev`? */
function continues(text: string, prev: Unit, unit: Unit, wrap: Wrapping): boolean {
  if (prev.split || unit.split || endsSentence(text, prev.end)) return false;
  if (unit.cls.kind === 'heading' && !unit.cls.weak) return false;
  if (startsLower(text, unit.start)) return true;
  // A full-width line that stops mid-sentence runs on even when the next line starts with a capital
  // ("… generated by the" / "BPA Wind Turbines …"), unless the next line opens a list item.
  const last = text[prev.end - 1];
  if (last === ':' || last === ';') return false;
  if (prev.end - prev.start < wrap.width * 0.8) return false;
  const head = text.slice(unit.start, unit.start + 12);
  return !ENUMERATOR.test(head) && !BULLETS.includes(head[0] ?? '') && !/^(?:WHEREAS|NOW,)/.test(head);
}

/**
 * A paragraph cut by a page break (a page number, a footer, blank lines) resumes with a lower-case
 * word on the next page: "… prior to the effective date of such" / "-3-" / "updated price lists."
 */
function resumes(text: string, prev: Unit, unit: Unit): boolean {
  if (unit.cls.kind === 'heading' && !unit.cls.weak) return false;
  const last = text[prev.end - 1];
  if (last === ':' || last === ';' || endsSentence(text, prev.end)) return false;
  return startsLower(text, unit.start);
}

// ---------------------------------------------------------------------------------------------
// Blocks.

function buildBlocks(text: string, units: Unit[], wrap: Wrapping): Block[] {
  const blocks: Block[] = [];
  let group: Unit[] = [];
  const flush = (): void => {
    if (group.length > 0) blocks.push(paragraphBlock(text, group));
    group = [];
  };
  let gap = false;
  for (const unit of units) {
    gap ||= unit.gapBefore;
    if (unit.cls.kind === 'noise') continue;
    let cls = unit.cls;
    // A full-width line in capitals is a wrapped shouted sentence, not a heading.
    if (wrap.wrapped && cls.kind === 'heading' && cls.weak && unit.end - unit.start >= wrap.width * 0.8) {
      cls = { kind: 'paragraph' };
    }
    const last = group[group.length - 1];
    if (last && ((wrap.wrapped && !gap && continues(text, last, unit, wrap)) || resumes(text, last, unit))) {
      group.push(unit);
    } else if (cls.kind === 'heading') {
      flush();
      blocks.push({
        kind: 'heading',
        text: detached(text.slice(unit.start, unit.end)),
        range: { start: unit.start, end: unit.end },
        segments: [{ plain: 0, view: unit.start, length: unit.end - unit.start }],
        strong: [],
        headingDepth: cls.depth,
      });
    } else {
      flush();
      group.push(unit);
    }
    gap = false;
  }
  flush();
  return blocks;
}

function paragraphBlock(text: string, lines: Unit[]): Block {
  const segments: OffsetSegment[] = [];
  let plain = '';
  for (const line of lines) {
    if (plain.length > 0) plain += ' ';
    segments.push({ plain: plain.length, view: line.start, length: line.end - line.start });
    plain += text.slice(line.start, line.end);
  }
  const first = lines[0] as Unit;
  const last = lines[lines.length - 1] as Unit;
  return {
    kind: 'paragraph',
    // Blocks outlive their document version in the editor's memos: hold the paragraph, not the file.
    text: detached(plain),
    range: { start: first.start, end: last.end },
    segments,
    strong: [],
  };
}
