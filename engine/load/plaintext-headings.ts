/**
 * Line classification for plain-text agreements: is a (trimmed) line a heading, page furniture
 * (page numbers, filing footers, rules) or ordinary text? Every regex here runs on a short line
 * only (callers check the length first), so none of them can blow up on a huge paragraph.
 */

/** Lines longer than this are never headings. */
const MAX_HEADING_LENGTH = 120;
/** Lines longer than this are never noise. */
const MAX_NOISE_LENGTH = 400;

export type LineClass =
  | { kind: 'noise' }
  | { kind: 'paragraph' }
  /** `weak`: recognised only because it is in capitals (a wrapped capitals sentence can look alike). */
  | { kind: 'heading'; depth: number; weak: boolean };

const NOISE: LineClass = { kind: 'noise' };
const PARAGRAPH: LineClass = { kind: 'paragraph' };

/** Classifies one trimmed, non-empty line (or chunk of a long line). */
export function classifyLine(line: string): LineClass {
  if (line.length <= MAX_NOISE_LENGTH && isNoise(line)) return NOISE;
  if (line.length > MAX_HEADING_LENGTH) return PARAGRAPH;
  const depth = strongHeadingDepth(line);
  if (depth !== undefined) return { kind: 'heading', depth, weak: false };
  if (isCapitalsHeading(line)) return { kind: 'heading', depth: 1, weak: true };
  return PARAGRAPH;
}

// ---------------------------------------------------------------------------------------------
// Noise: page numbers, filing footers, rules, confidentiality legends.

/** "-1-", "- 2 -", "Page 3", "Page -3-", "Page 3 of 20", "PAGE 3 OF 20". */
const PAGE_NUMBER = /^(?:-\s*\d{1,4}\s*-|(?:page|pg\.?)\s*-?\s*\d{1,4}\s*-?(?:\s+of\s+\d{1,4})?)$/i;
/** A bare small number (or lower-case roman page number) alone on a line. */
const BARE_NUMBER = /^(?:\d{1,3}|[ivx]{1,5})$/;
/** Superscript ordinal suffixes that PDF conversion left on a line of their own ("th"). */
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;
/** "… Page 3 of 20" at the end of a short running header or footer. */
const TRAILING_PAGE_OF = /\bpage\s+\d{1,4}\s+of\s+\d{1,4}$/i;
/** EDGAR: "Source: COMPANY, 10-K, 3/1/2010". */
const EDGAR_SOURCE = /^Source:\s.*,\s*\d{1,2}\/\d{1,2}\/\d{2,4}$/;
/** Rules made of dashes, underscores, equals signs, asterisks (optionally spaced). */
const RULE = /^[-_=*~\s]+$/;
/** Leading redaction marker before a legend: "***", "[***]", "{*****}", "[*]", "*". */
const LEADING_MARKER = /^[[{(]?\s*\*+\s*[\]})]?\s*/;
/** Legends about confidential treatment / omitted material, as the whole line. */
const CONFIDENTIAL_LEGEND =
  /^(?:confidential treatment|confidential material|confidential information has been omitted|confidential portions?\b)/i;
const OMITTED_LEGEND = /^(?:text\s+)?omitted pursuant to a (?:request for )?confidential treatment/i;

/** Stamps repeated on every page: "CONFIDENTIAL", "EXECUTION COPY", "Execution Version". */
const STAMP = /^(?:confidential|execution (?:copy|version))$/i;
/** "IBM Confidential", "Google Confidential", "Strictly Confidential" stamped on each page. */
const CONFIDENTIAL_STAMP = /^[A-Z][A-Za-z&/-]*(?: [A-Za-z&/-]+){0,3} Confidential$/;

/** True for page furniture that is not part of the agreement's text. */
export function isNoise(line: string): boolean {
  if (STAMP.test(line) || CONFIDENTIAL_STAMP.test(line)) return true;
  if (PAGE_NUMBER.test(line) || BARE_NUMBER.test(line) || ORDINAL_SUFFIX.test(line)) return true;
  if (line.length >= 3 && RULE.test(line) && /[-_=*~]{3}|[-_=*~]\s[-_=*~]\s[-_=*~]/.test(line)) return true;
  if (line.length <= 160 && TRAILING_PAGE_OF.test(line)) return true;
  if (EDGAR_SOURCE.test(line)) return true;
  const marker = LEADING_MARKER.exec(line);
  const rest = marker ? line.slice(marker[0].length) : line;
  if (CONFIDENTIAL_LEGEND.test(rest)) return true;
  if (marker?.[0].includes('*') && OMITTED_LEGEND.test(rest)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Headings.

const ARTICLE = /^(?:ARTICLE|Article)\s+([IVXLC]{1,7}|\d{1,3}|[A-Z])\b\.?(?:(?:\s*[-–—:]\s*|\s+)(.*))?$/;
const SECTION = /^(?:SECTION|Section|Sec\.)\s+(\d{1,3}(?:\.\d{1,3})*)\.?(?:(?:\s*[-–—:]\s*|\s+)(.*))?$/;
const ATTACHMENT =
  /^(?:EXHIBIT|Exhibit|SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment|ADDENDUM|Addendum)\s+["“]?([A-Z0-9]{1,4}(?:[.-][A-Z0-9]{1,3}){0,3})["”]?\.?(?:(?:\s*[-–—:]\s*|\s+)(.*))?$/;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3}){0,4})(\.?)(?:\s+|(?<=\.)(?=\p{Lu}))(.+)$/u;
const ROMAN = /^([IVXLC]{1,7})[.)]\s+(.+)$/;

/** Heading depth for headings recognised by their label or number; undefined otherwise. */
export function strongHeadingDepth(line: string): number | undefined {
  let m = ARTICLE.exec(line);
  if (m) return titleOrEmpty(m[2]) ? 1 : undefined;
  m = SECTION.exec(line);
  if (m) return titleOrEmpty(m[2]) ? componentCount(m[1]) : undefined;
  m = ATTACHMENT.exec(line);
  if (m) return titleOrEmpty(m[2]) ? 1 : undefined;
  m = NUMBERED.exec(line);
  if (m) {
    const count = componentCount(m[1]);
    // "5 Term" is too ambiguous (quantities, addresses); a top-level number needs its dot.
    if (count === 1 && m[2] !== '.') return undefined;
    return isTitleLike(m[3] ?? '') ? count : undefined;
  }
  m = ROMAN.exec(line);
  if (m) return isTitleLike(m[2] ?? '') ? 1 : undefined;
  return undefined;
}

/** EDGAR exhibit labels ("Exhibit 10.31") that sit above the agreement rather than start an exhibit. */
export function isFilingExhibitLabel(line: string): boolean {
  return /^(?:EXHIBIT|Exhibit)\s+\d{1,3}\.[\dA-Za-z().]{1,12}(?:\s|$)/.test(line);
}

function componentCount(number: string | undefined): number {
  if (!number) return 1;
  let count = 1;
  for (let i = 0; i < number.length; i++) if (number.charCodeAt(i) === 46) count++;
  return count;
}

function titleOrEmpty(rest: string | undefined): boolean {
  const text = (rest ?? '').trim();
  return text === '' || isTitleLike(text);
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'under',
  'upon',
  'with',
  'without',
  'per',
  'vs',
  'vs.',
  'etc.',
  'its',
  'their',
  'this',
  'that',
]);

/** A sentence ends inside the text and more text follows. */
const SENTENCE_BREAK = /[.!?]["”’)]?\s+\S/;

/** "Term and Termination", "TERM; SURVIVAL", "Term." — a title with no sentence body. */
export function isTitleLike(text: string): boolean {
  const title = text.trim();
  if (title.length === 0 || title.length > 100) return false;
  if (SENTENCE_BREAK.test(title) || /[$%]/.test(title)) return false;
  const last = title[title.length - 1];
  if (last === ',' || last === ';') return false;
  const words = title.split(/\s+/);
  if (words.length > 14) return false;
  let capitalised = 0;
  for (const word of words) {
    const bare = word.replace(/^[("“‘'[]+/, '');
    const first = bare[0];
    if (first === undefined || !/\p{L}/u.test(first)) continue;
    if (/\p{Lu}/u.test(first)) capitalised++;
    else if (!SMALL_WORDS.has(bare.toLowerCase().replace(/[,;:]$/, ''))) return false;
  }
  return capitalised > 0;
}

const CONNECTORS = new Set(['and', 'by', 'between', 'among', 'or', 'of', 'the', 'to', '-', '–', '—', '&']);

/** A leading enumerator ("A.", "IV.", "(a)", "5.1") before a capitals title. */
const LEADING_ENUMERATOR = /^\(?[0-9A-Z]{1,6}(?:\.\d{1,3})*[.)]?\s+/;

/** "DEFINITIONS", "ARTICLE IV - LICENSE GRANT", "EXHIBIT A": short lines in capitals. */
export function isCapitalsHeading(line: string): boolean {
  if (line.length > 80) return false;
  if (/\p{Ll}/u.test(line)) return false;
  const first = line[0] ?? '';
  if (/\d/.test(first)) return false;
  const last = line[line.length - 1];
  if (last === ',' || last === ';' || last === ':') return false;
  let letters = 0;
  for (const char of line) if (/\p{L}/u.test(char)) letters++;
  if (letters < 3) return false;
  const body = line.replace(LEADING_ENUMERATOR, '');
  if (SENTENCE_BREAK.test(body)) return false;
  if (/[@$%]|https?:|www\./i.test(line)) return false;
  const words = body.split(/\s+/);
  if (words.length > 12 || (last === '.' && words.length > 2)) return false;
  // "AND", "BY AND BETWEEN" on a title page join party names; they title nothing.
  return words.some((word) => !CONNECTORS.has(word.toLowerCase()));
}
