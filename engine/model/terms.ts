import { toViewRange } from '../text/block-text.js';
import { isJsSpace, moreWordsThan } from '../text/chars.js';
import { TextMemo } from '../text/memo.js';
import { RangeSet } from '../text/ranges.js';
import { sentencesOf, splitSentences } from './sentences.js';
import type { Block, CandidateTerm, Definition, Range, TermUse, TermUseForm } from './types.js';

/**
 * Term uses and candidate (undefined) terms.
 *
 * Uses are found with one character trie built from all defined terms (whitespace inside a term
 * matches any whitespace run), walked once from every word start: linear in the text size times
 * the length of the longest term prefix that matches there. The longest match wins; after a term
 * the scanner accepts a plural ("s", "es"; "Party" → "Parties" is stored as its own key) and a
 * possessive ("'s", "’s", or a bare apostrophe after a plural).
 */

/**
 * A node of the term trie. Its children are kept in two small arrays rather than a Map: below the
 * first characters most nodes have one child, and the walk looks one up at every character.
 */
interface TrieNode {
  /** The children's characters (code points; a space of the key as 32), and the children. */
  codes: number[];
  children: TrieNode[];
  /** Term ending here, and whether this key is the term itself or its "-ies" plural. */
  term: string | undefined;
  form: TermUseForm;
}

function newNode(): TrieNode {
  return { codes: [], children: [], term: undefined, form: 'exact' };
}

function childOf(node: TrieNode, code: number): TrieNode | undefined {
  const codes = node.codes;
  for (let k = 0; k < codes.length; k++) if (codes[k] === code) return node.children[k];
  return undefined;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** `WORD_CHAR.test(ch)` for one UTF-16 unit, with an ASCII fast path. */
function isWordCode(code: number): boolean {
  if (code < 128) {
    return (
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
    );
  }
  return WORD_CHAR.test(String.fromCharCode(code));
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && isWordCode(ch.charCodeAt(0));
}

/** ' ', '\t', '\n', '\r' or NO-BREAK SPACE: what a space of a key matches (a run of them). */
function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

function insert(root: TrieNode, key: string, term: string, form: TermUseForm): void {
  let node = root;
  for (const ch of key.replace(/\s+/g, ' ')) {
    const code = ch.codePointAt(0) as number;
    let child = childOf(node, code);
    if (!child) {
      child = newNode();
      node.codes.push(code);
      node.children.push(child);
    }
    node = child;
  }
  if (node.term === undefined || (node.form !== 'exact' && form === 'exact')) {
    node.term = term;
    node.form = form;
  }
}

export function buildTermTrie(terms: Iterable<string>): TrieNode {
  const root = newNode();
  const list = [...new Set(terms)].filter((t) => t.length > 0);
  for (const term of list) insert(root, term, term, 'exact');
  for (const term of list) {
    if (/[^aeiouAEIOU]y$/.test(term)) insert(root, `${term.slice(0, -1)}ies`, term, 'plural');
  }
  return root;
}

interface Match {
  term: string;
  form: TermUseForm;
  end: number;
}

/** The form `suffixEnd` found last (read right after a call that did not return -1). */
let suffixForm: TermUseForm = 'exact';

/**
 * Suffix after a complete term ending at `at`: returns the end of the whole match and leaves its
 * form in `suffixForm`, or returns -1 when the term is only the prefix of a longer word. (No
 * object per try: the walk tries a suffix at every term ending along it.)
 */
function suffixEnd(text: string, at: number, baseForm: TermUseForm): number {
  const c0 = text[at];
  const c1 = text[at + 1];
  const c2 = text[at + 2];
  const apostrophe = (c: string | undefined): boolean => c === "'" || c === '’';
  if (!isWordChar(c0)) {
    if (apostrophe(c0) && c1 === 's' && !isWordChar(c2)) return found('possessive', at + 2);
    // "Parties'" — a bare apostrophe after an -ies plural.
    if (apostrophe(c0) && baseForm === 'plural' && !isWordChar(c1)) return found('possessive', at + 1);
    return found(baseForm, at);
  }
  if (baseForm !== 'exact') return -1;
  if (c0 === 's') {
    if (apostrophe(c1) && !isWordChar(c2)) return found('possessive', at + 2);
    if (!isWordChar(c1)) return found('plural', at + 1);
  }
  if (c0 === 'e' && c1 === 's' && !isWordChar(c2)) {
    if (apostrophe(c2) && !isWordChar(text[at + 3])) return found('possessive', at + 3);
    return found('plural', at + 2);
  }
  return -1;
}

function found(form: TermUseForm, end: number): number {
  suffixForm = form;
  return end;
}

/** Longest term match starting at `start`, or null. */
function matchAt(root: TrieNode, text: string, start: number): Match | null {
  let node: TrieNode | undefined = root;
  let i = start;
  let bestTerm: string | undefined;
  let bestForm: TermUseForm = 'exact';
  let bestEnd = -1;
  while (node) {
    if (node.term !== undefined && i > start) {
      const end = suffixEnd(text, i, node.form);
      if (end >= 0) {
        bestTerm = node.term;
        bestForm = suffixForm;
        bestEnd = end;
      }
    }
    if (i >= text.length) break;
    // One UTF-16 unit: a key's character beyond the BMP (two units) is never matched.
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      node = childOf(node, 32);
      i++;
      while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
    } else {
      node = childOf(node, code);
      i++;
    }
  }
  return bestTerm === undefined ? null : { term: bestTerm, form: bestForm, end: bestEnd };
}

interface PlainMatch extends Match {
  start: number;
}

/** All longest, non-overlapping term matches in a text, left to right. */
export function scanTerms(root: TrieNode, text: string): PlainMatch[] {
  const out: PlainMatch[] = [];
  const starts = termStarts(root);
  let i = 0;
  while (i < text.length) {
    starts.lastIndex = i;
    if (!starts.test(text)) break;
    const at = starts.lastIndex - 1;
    if (at === 0 || !isWordCode(text.charCodeAt(at - 1))) {
      const m = matchAt(root, text, at);
      if (m) {
        out.push({ term: m.term, form: m.form, end: m.end, start: at });
        i = m.end;
        continue;
      }
    }
    i = at + 1;
  }
  return out;
}

const termStartsCache = new WeakMap<TrieNode, RegExp>();

/** `\uXXXX` for one UTF-16 unit, for a regex without the `u` flag. */
function unitEscape(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
}

/**
 * A regex for the UTF-16 units where a key of the trie can start: the first unit of a key,
 * followed by its second (a space of the key by any of `isSpaceCode`). The regex engine skips to
 * the next such place far faster than a loop over the characters, and the second unit spares
 * the walk most capitals ("As", "Any" where only "Agreement" is a term).
 */
function termStarts(root: TrieNode): RegExp {
  let starts = termStartsCache.get(root);
  if (!starts) {
    // Keys are code points; the walk reads one UTF-16 unit at a time, so only one-unit keys can match.
    const branches: string[] = [];
    root.children.forEach((node, k) => {
      const first = root.codes[k] as number;
      if (first > 0xffff) return;
      // A one-character term needs no second unit.
      if (node.term !== undefined) {
        branches.push(unitEscape(first));
        return;
      }
      const seconds = node.codes.filter((code) => code <= 0xffff);
      if (seconds.length === 0) return;
      const units = seconds.flatMap((code) => (code === 32 ? [32, 9, 10, 13, 0xa0] : [code]));
      branches.push(`${unitEscape(first)}(?=[${units.map(unitEscape).join('')}])`);
    });
    // Without the `u` flag the units are single UTF-16 units; `[^\s\S]` matches nothing.
    starts = new RegExp(branches.length > 0 ? branches.join('|') : '[^\\s\\S]', 'g');
    termStartsCache.set(root, starts);
  }
  return starts;
}

/**
 * Analyses that depend on the defined terms and one block's text: the term scan (shared by
 * `findTermUses` and `findCandidateTerms`) and the candidate-term work of a block. They are kept
 * while the set of terms stays the same — across the lints of an edited document, where an edit
 * rarely changes a definition — and dropped when it changes.
 */
interface TermScope {
  key: string;
  root: TrieNode;
  /** This lint's scans, by block: `findTermUses` and `findCandidateTerms` read the same blocks. */
  scanned: WeakMap<Block, PlainMatch[]>;
  matches: TextMemo<PlainMatch[]>;
  candidates: TextMemo<BlockCandidates>;
}

let termScope: TermScope | undefined;

function termScopeFor(definitions: Definition[]): TermScope {
  const key = definitions.map((d) => d.term).join('\u0000');
  if (termScope?.key !== key) {
    termScope = {
      key,
      root: buildTermTrie(definitions.map((d) => d.term)),
      scanned: new WeakMap(),
      matches: new TextMemo({ keepKeys: true }),
      candidates: new TextMemo({ keepKeys: true }),
    };
  }
  return termScope;
}

function termScanner(definitions: Definition[]): (block: Block) => PlainMatch[] {
  const { root, scanned, matches } = termScopeFor(definitions);
  return (block) => {
    let found = scanned.get(block);
    if (!found) {
      found = matches.get(block.text, () => scanTerms(root, block.text));
      scanned.set(block, found);
    }
    return found;
  };
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

export function findTermUses(blocks: Block[], definitions: Definition[]): TermUse[] {
  if (definitions.length === 0) return [];
  const scan = termScanner(definitions);
  const termRanges = new RangeSet(definitions.map((d) => d.range));
  const ownRanges = new Map<string, Range[]>();
  for (const d of definitions) {
    const list = ownRanges.get(d.term) ?? [];
    list.push(d.definitionRange);
    ownRanges.set(d.term, list);
  }
  const out: TermUse[] = [];
  for (const block of blocks) {
    for (const m of scan(block)) {
      const range = toViewRange(block, m.start, m.end);
      if (termRanges.overlaps(range.start, range.end)) continue;
      const own = ownRanges.get(m.term);
      if (own?.some((r) => overlaps(r, range))) continue;
      out.push({ term: m.term, range, form: m.form });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Candidate terms
// ---------------------------------------------------------------------------------------------

/**
 * Terms the operative clauses of a licence are built on: one undefined use already leaves an
 * obligation without its object ("keep the Confidential Information secret").
 */
export const KEY_TERMS =
  /^(?:Confidential Information|Proprietary Information|Licensed (?:Patents?|Products?|Technology|Software|Know-How|Marks|Trademarks|Content|Materials|IP|Intellectual Property|Territory|Field(?: of Use)?)|Net (?:Sales|Revenues?|Receipts)|Gross (?:Sales|Revenues?)|Field of Use|Improvements?|Know-How|Patent Rights)$/;

/**
 * Heuristics (all deliberately conservative — the `undefined-term` rule needs ≤ 1 false positive
 * per 10,000 words):
 *
 * 1. Only paragraph and list-item blocks; headings and table cells (cover-page labels) are skipped,
 *    and so are heading-like paragraphs (no sentence punctuation, ≤ 12 words, mostly capitalised),
 *    signature/notice lines ("By:", "Name:", "Attention:") and address-like blocks.
 * 2. Words are grouped into runs of Title-case words (joined by "of", "&", "for", "and" is NOT a
 *    joiner). ALL-CAPS words, words with digits, defined-term uses, quoted text and
 *    cross-reference words ("Section", "Exhibit" …) and the identifiers after them break runs.
 * 3. The first word of a sentence, of a clause after a list marker "(a)"/"1." or a colon, and
 *    leading function words ("The", "Each", "If", …) are dropped from a run.
 * 4. A run is dropped when it contains a stop word (months, days, states, countries, courts,
 *    statutes and institutions — "Act", "Code", "Court", "Commission" …, company suffixes
 *    "Inc", "LLC", "Corporation" …, place words "Street", "Suite" …), when all its words appear
 *    capitalised in the preamble (party names, places), or when it matches a definition (also as
 *    plural/possessive).
 * 5. Multi-word runs (2–5 words) are candidates when the phrase occurs at least twice mid-sentence
 *    in the document (recurrence suggests a term of art rather than a one-off proper name) and at
 *    least once right after a determiner ("the Purchase Price", "any Development Plan") — defined
 *    terms are used that way, while headings, names and places mostly are not.
 * 6. Single words are candidates only if they occur mid-sentence capitalised at least 3 times (twice
 *    after a determiner: "the Debtor"), are
 *    never written in lower case in the document, end in a term-like suffix (-ee, -or, -er, -ment,
 *    -tion, -ity, -ance, -ence, -ory, -ies, -ucts, -ices …) and are not stop words.
 *
 * Every occurrence of an accepted phrase (mid-sentence) is returned; the rule deduplicates.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

const STATES =
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey Mexico York Carolina Dakota Ohio Oklahoma Oregon Pennsylvania Rhode Island Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Columbia Ontario Quebec Alberta British England Wales Scotland Ireland Kingdom Canada China Japan Germany France India Israel Netherlands Switzerland Singapore Hong Kong Korea Taiwan Australia Brazil Italy Spain Sweden Europe European America American Americas Asia Africa Pacific Atlantic Cayman Bermuda Luxembourg Belgium Denmark Norway Finland Austria Russia Mexico Chinese Japanese German French English Latin Greek Roman Christian Jewish Muslim Internet Web Google Microsoft Apple Amazon Windows Linux Android iOS';

/** Words that make a phrase a proper name, statute, institution, place or company. */
const STOP_WORDS = new Set(
  [
    ...MONTHS,
    ...STATES.split(' '),
    'I',
    'United',
    'States',
    'State',
    'Federal',
    'Republic',
    'Commonwealth',
    'County',
    'City',
    'Province',
    'District',
    'Court',
    'Courts',
    'Judge',
    'Justice',
    'Supreme',
    'Circuit',
    'Chancery',
    'Bankruptcy',
    'Act',
    'Acts',
    'Code',
    'Rule',
    'Rules',
    'Regulation',
    'Regulations',
    'Statute',
    'Statutes',
    'Title',
    'Article',
    'Articles',
    'Section',
    'Sections',
    'Clause',
    'Clauses',
    'Paragraph',
    'Paragraphs',
    'Schedule',
    'Schedules',
    'Exhibit',
    'Exhibits',
    'Annex',
    'Appendix',
    'Appendices',
    'Attachment',
    'Attachments',
    'Addendum',
    'Part',
    'Item',
    'Page',
    'Commission',
    'Administration',
    'Agency',
    'Association',
    'Authority',
    'Bureau',
    'Board',
    'Council',
    'Department',
    'Office',
    'Institute',
    'Institution',
    'University',
    'College',
    'School',
    'Foundation',
    'Society',
    'Organization',
    'Organisation',
    'Chamber',
    'Bank',
    'Trust',
    'Fund',
    'Exchange',
    'Nasdaq',
    'Securities',
    'Revenue',
    'Internal',
    'Treasury',
    'Government',
    'Congress',
    'Parliament',
    'Union',
    'Nations',
    'Inc',
    'Incorporated',
    'LLC',
    'Ltd',
    'Limited',
    'Corp',
    'Corporation',
    'Company',
    'Co',
    'Holdings',
    'Group',
    'Partners',
    'Partnership',
    'LP',
    'LLP',
    'PLC',
    'GmbH',
    'AG',
    'Street',
    'St',
    'Avenue',
    'Ave',
    'Road',
    'Rd',
    'Drive',
    'Boulevard',
    'Blvd',
    'Suite',
    'Floor',
    'Building',
    'Plaza',
    'Center',
    'Centre',
    'Park',
    'Way',
    'Lane',
    'Highway',
    'Box',
    'Mr',
    'Mrs',
    'Ms',
    'Dr',
    'Sir',
    'Esq',
    'Attention',
    'Attn',
    'Tel',
    'Fax',
    'Email',
    'Telephone',
    'Facsimile',
    'Phone',
    'Name',
    'By',
    'Its',
    'Date',
    'Dated',
    'Signature',
    'Signed',
    'Witness',
    'Chief',
    'Executive',
    'Officer',
    'President',
    'Vice',
    'Director',
    'Secretary',
    'Manager',
    'General',
    'Counsel',
    'Eastern',
    'Western',
    'Pacific',
    'Central',
    'Mountain',
    'Standard',
    'Time',
    'Daylight',
    'GMT',
    'UTC',
    'Dollars',
    'Dollar',
    'Euro',
    'Euros',
    'Pounds',
    'Sterling',
    'Yen',
    'Renminbi',
    'Christmas',
    'Thanksgiving',
    'Year',
    'Day',
    'New',
    'North',
    'South',
    'East',
    'West',
    'Northern',
    'Southern',
    'Los',
    'San',
    'Santa',
    'Las',
    'Fort',
    'Mount',
    'Lake',
    'River',
    'Island',
    'Islands',
    'Cayman',
    'Virgin',
    'Road',
    'Uniform',
    'Commercial',
    'Convention',
    'Treaty',
    'Directive',
    'Protection',
    'Privacy',
    'Law',
    'Laws',
    'Arbitration',
    'Mediation',
    'Tribunal',
    'Arbitrator',
    'Arbitrators',
    'Chapter',
    'Form',
    'Forms',
    'Order',
    'Orders',
    'Register',
    'Registry',
    'Patent',
    'Trademark',
    'Copyright',
    'Creative',
    'Commons',
    'GNU',
    'Open',
    'Source',
    ...'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Hundred Thousand Million Billion'.split(
      ' ',
    ),
  ].map((w) => w.toLowerCase()),
);

/** Function words dropped from the start of a run (and never a single-word candidate). */
const LEADING = new Set(
  'The This That These Those Each Any All Such Either Neither No Every Its Our Your Their His Her A An In If Upon For By On At To Of As Unless Until Except Notwithstanding Subject Without With From When Where Whereas While Following Prior After Before During Under Pursuant Nothing Both Other Neither Nor And Or But Then Thereafter Hereunder Herein Also Only Within Between Among Including Provided However Accordingly Furthermore Moreover Further Therefore Thus Whether Although Though Because Since Once Not Do Does Did Is Are Was Were Be Been Shall Will May Must Can Could Should Would We Us You He She It They Them There Here What Which Who Whom Whose How Why Yes Okay Please Note Upon Per Via'
    .split(' ')
    .map((w) => w.toLowerCase()),
);

const DETERMINERS = new Set(
  'the such any each all a an no either neither this that these those its their his her our your every other applicable relevant same said'.split(
    ' ',
  ),
);

const JOINERS = new Set(['of', 'for', '&', 'and/or']);

const REF_WORDS =
  /^(?:Sections?|Articles?|Clauses?|Paragraphs?|Subsections?|Schedules?|Exhibits?|Annex(?:es)?|Appendix|Appendices|Attachments?|Parts?|Items?|Rules?|Chapters?|Titles?|Forms?|Pages?)$/;

const TERM_SUFFIX =
  /(?:ee|ees|or|ors|er|ers|ment|ments|tion|tions|sion|sions|ity|ities|ance|ances|ence|ences|ory|ories|ies|ucts|uct|ices|ice|ness|ship|ships|ure|ures|ate|ates|ial|ials|ist|ists|ant|ants|ent|ents|ive|ives|age|ages|ing|ings)$/;

const ENUMERATOR = /^(?:\p{N}+(?:\.\p{N}+)*\.?|[a-zA-Z]\.?|[ivxlcdm]+\.?|[IVXLCDM]+\.?)$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `[\p{L}\p{N}]` for one code point, with an ASCII fast path. */
function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** True when this word opens a sentence or clause. */
  initial: boolean;
  /** True when this word follows a leading enumerator ("1.52 Work Product …", "(a) Term …"). */
  lead?: boolean;
}

function isTitleWord(w: string): boolean {
  const c0 = w.charCodeAt(0);
  // Fast path: a word starting with an ASCII character other than A–Z is not title-case.
  if (c0 < 128 && !(c0 >= 65 && c0 <= 90)) return false;
  if (isAscii(w)) return isAsciiTitleWord(w);
  if (!/^\p{Lu}/u.test(w)) return false;
  if (/\p{N}/u.test(w)) return false;
  // ALL-CAPS (two or more capitals and no lower case) breaks runs.
  if (!/\p{Ll}/u.test(w)) return false;
  return true;
}

/** `isTitleWord` for an ASCII word starting with A–Z: no digit, and some lower-case letter. */
function isAsciiTitleWord(w: string): boolean {
  let lower = false;
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
    if (c >= 97 && c <= 122) lower = true;
  }
  return lower;
}

/** Drops a trailing possessive or full stop: `w.replace(/(?:['’]s?|\.)$/u, '')`. */
function stripPossessive(w: string): string {
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019 || last === 46) return w.slice(0, -1);
  if (last === 115 && n >= 2) {
    const prev = w.charCodeAt(n - 2);
    if (prev === 39 || prev === 0x2019) return w.slice(0, -2);
  }
  return w;
}

function headingLike(text: string): boolean {
  if (moreWordsThan(text, 12)) return false;
  const words = text.trim().split(/\s+/);
  if (words.length > 12) return false;
  if (/[.;:!?]["”)]*\s+\p{L}/u.test(text.trim().slice(0, -1))) return false;
  const caps = words.filter((w) => /^[\p{Lu}\p{N}(]/u.test(w)).length;
  return caps >= words.length * 0.6;
}

const SIGNATURE =
  /(?:^|\s)(?:By|Name|Title|Its|Attention|Attn|Address|Tel|Telephone|Fax|Facsimile|E-?mail|Date|Dated|Signature|Print Name)\s*:/;
const ADDRESS =
  /\b\d{1,6}\s+\p{Lu}[\p{L}.]*\s+(?:\p{Lu}[\p{L}.]*\s+)?(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Boulevard|Blvd\.|Suite|Lane|Way|Plaza|Parkway)\b|\b\d{5}(?:-\d{4})?\b/u;

const QUOTED = /"[^"\n]{0,200}"|“[^”\n]{0,200}”/g;
const AS_DEFINED_HINT = /as\s+(?:such\s+term\s+is\s+|each\s+is\s+|is\s+)?(?:defined|described|set\s+forth)/;

/**
 * The next UTF-16 unit of a class in one text, for queries at ascending offsets: the regex engine
 * finds it much faster than a loop over the characters, and a found place is kept while the
 * queries have not passed it, so no part of the text is searched twice. `unitClass` is a global
 * regex matching exactly one unit (so `test` tells where, without a match array).
 */
class NextUnit {
  private found = -1;
  private searchedFrom = Number.POSITIVE_INFINITY;

  constructor(
    private readonly text: string,
    private readonly unitClass: RegExp,
  ) {}

  /** Offset of the first unit of the class at or after `from` (the text's length when none). */
  at(from: number): number {
    if (from < this.searchedFrom || from > this.found) {
      this.unitClass.lastIndex = from;
      this.found = this.unitClass.test(this.text) ? this.unitClass.lastIndex - 1 : this.text.length;
      this.searchedFrom = from;
    }
    return this.found;
  }
}

/** A capital A–Z or any non-ASCII unit: what a title-case word starts with. */
const CAPITAL_OR_OTHER = /[A-Z\u0080-\uffff]/g;
const DIGIT = /[0-9]/g;

/**
 * Units that can matter to a run: the first unit of a title-case or reference word (A–Z, any
 * non-ASCII), the clause openers ":" ";" (and the dashes, non-ASCII) and the brackets of a list
 * marker "(a)". Words between them that hold none ("shall not be liable to the") only end a run.
 */
const RUN_MARK = /[A-Z:;()\u0080-\uffff]/g;

/** `RUN_MARK` for one UTF-16 unit. */
function isRunMark(code: number): boolean {
  return (
    code >= 128 || (code >= 65 && code <= 90) || code === 58 || code === 59 || code === 40 || code === 41
  );
}

/**
 * Whether text[from, end) has a capital A–Z, or any non-ASCII character, outside the blocked
 * ranges. A title-case word starts with one, so a sentence without one after its first character
 * gives `collectRuns` nothing to find: a run needs an unblocked title-case word that is not the
 * sentence's first token (that one alone is dropped as sentence-initial).
 */
function hasFreeCapital(capitals: NextUnit, from: number, end: number, blocked: RangeSet): boolean {
  for (let i = capitals.at(from); i < end; i = capitals.at(i + 1))
    if (!blocked.overlaps(i, i + 1)) return true;
  return false;
}

/** Whether text[start, end) contains an ASCII digit (`\d`, also under the `u` flag). */
function hasDigit(digits: NextUnit, start: number, end: number): boolean {
  return digits.at(start) < end;
}

interface PlainOccurrence {
  text: string;
  /** Preceded by a determiner ("the", "such", "any" …): the way defined terms are used. */
  determined: boolean;
  start: number;
  end: number;
}

/**
 * Capitalised words of the parties clause: the first non-heading blocks up to the one naming the
 * parties ("between"/"among"/"by and between"), and in that block the sentences up to and including
 * the one that names them. Party names and their places ("San Jose, California") come from here.
 */
function preambleWords(blocks: Block[]): Set<string> {
  const words = new Set<string>();
  let seen = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    const text = block.text;
    const stop =
      /\b(?:RECITALS|WHEREAS|Whereas|W I T N E S S|BACKGROUND|NOW,? THEREFORE|Now,? [Tt]herefore)\b/.exec(
        text,
      );
    let region = stop ? text.slice(0, stop.index) : text.slice(0, 3000);
    const between = /\b(?:between|among|BETWEEN|AMONG)\b/.exec(region);
    if (between) {
      const sentence = splitSentences(region).find((r) => r.end > between.index);
      if (sentence) region = region.slice(0, sentence.end);
    }
    for (const m of region.matchAll(/\p{Lu}[\p{L}'’.&-]*/gu)) words.add(stripPossessive(m[0]).toLowerCase());
    seen++;
    if (stop || between || seen >= 3) break;
  }
  return words;
}

/** What one paragraph contributes to the candidate terms; depends on its text and the terms. */
interface BlockCandidates {
  occurrences: PlainOccurrence[];
  /** Title-case runs right after a leading enumerator: clause headings and unquoted definitions. */
  leads: string[];
  /** Phrases the block says are "as defined" elsewhere. */
  definedElsewhere: string[];
}

function blockCandidates(text: string, sentences: Range[], termMatches: PlainMatch[]): BlockCandidates {
  const found: BlockCandidates = { occurrences: [], leads: [], definedElsewhere: [] };
  // A signature or notice line needs a colon: most blocks skip the regex.
  if (headingLike(text) || (text.includes(':') && SIGNATURE.test(text))) return found;
  // Blocked-out regions: term uses (each match is its own range) and quoted text.
  let blocked: Range[] = termMatches;
  // Most blocks have no quotes: skip the regex (and its matchAll clone) for them.
  if (text.includes('"') || text.includes('“')) {
    blocked = [...termMatches];
    for (const m of text.matchAll(QUOTED)) blocked.push({ start: m.index, end: m.index + m[0].length });
  }
  const blockedSet = new RangeSet(blocked);
  const leads = new Set<string>();
  const definedElsewhere = new Set<string>();
  // A sentence can only say "as defined" when its block does (the test below without its `\b`).
  const mayDefineElsewhere = AS_DEFINED_HINT.test(text);
  const capitals = new NextUnit(text, CAPITAL_OR_OTHER);
  const digits = new NextUnit(text, DIGIT);
  const marks = new NextUnit(text, RUN_MARK);
  // Sentences are tested in place; a sentence is sliced only when a cheap check cannot decide.
  for (const sentence of sentences) {
    const { start, end } = sentence;
    // Half the sentences have no capital but in term uses, quotes and their first word: no run.
    const mayHoldRun = hasFreeCapital(capitals, start + 1, end, blockedSet);
    if (!mayHoldRun && !mayDefineElsewhere) continue;
    // ADDRESS needs a digit; HEADING-like needs ≤ 12 words.
    if (end - start < 400 && hasDigit(digits, start, end) && ADDRESS.test(text.slice(start, end))) continue;
    if (!moreWordsThan(text, 12, start, end) && headingLike(text.slice(start, end))) continue;
    if (mayHoldRun) collectRuns(text, sentence, blockedSet, marks, found.occurrences, leads);
    // "Work Product (as defined in …)": defined elsewhere.
    if (mayDefineElsewhere) {
      const sText = text.slice(start, end);
      if (/\bas\s+(?:such\s+term\s+is\s+|each\s+is\s+|is\s+)?(?:defined|described|set\s+forth)/.test(sText)) {
        for (const m of sText.matchAll(AS_DEFINED)) definedElsewhere.add(m[1] as string);
      }
    }
  }
  found.leads = [...leads];
  found.definedElsewhere = [...definedElsewhere];
  return found;
}

/** Every use of one capitalised phrase, in document order. */
interface PhraseUses {
  /** The block of each occurrence (`blocks[k]` holds `occurrences[k]`). */
  blocks: Block[];
  occurrences: PlainOccurrence[];
  /** How many occurrences follow a determiner. */
  determined: number;
}

export function findCandidateTerms(blocks: Block[], definitions: Definition[]): CandidateTerm[] {
  const scan = termScanner(definitions);
  const byText = new Map<string, PhraseUses>();
  /** Title-case runs right after a leading enumerator: clause headings and unquoted definitions. */
  const leads = new Set<string>();
  const definedElsewhere = new Set<string>();

  const { candidates } = termScopeFor(definitions);
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'tableCell') continue;
    const found = candidates.get(block.text, () =>
      blockCandidates(block.text, sentencesOf(block), definitions.length > 0 ? scan(block) : []),
    );
    for (const occ of found.occurrences) {
      let uses = byText.get(occ.text);
      if (!uses) {
        uses = { blocks: [], occurrences: [], determined: 0 };
        byText.set(occ.text, uses);
      }
      uses.blocks.push(block);
      uses.occurrences.push(occ);
      if (occ.determined) uses.determined++;
    }
    for (const lead of found.leads) leads.add(lead);
    for (const term of found.definedElsewhere) definedElsewhere.add(term);
  }

  const defined = new Set(definitions.map((d) => d.term));
  const definedLower = new Set(definitions.map((d) => d.term.toLowerCase()));
  const preamble = preambleWords(blocks);
  const leadSet = leadParts(leads);
  // Phrases that pass every test, in `byText` order; single words still wait for the lower-case
  // test, which is done afterwards in one search for just those words.
  const accepted: [string, PhraseUses][] = [];
  const pendingLower = new Set<string>();
  for (const [phrase, uses] of byText) {
    // The recurrence test first: it is the cheapest, and most phrases occur once.
    if (!recursLikeATerm(phrase, uses)) continue;
    if (defined.has(phrase) || definedLower.has(phrase.toLowerCase())) continue;
    if (phrase.split(' ').every((w) => preamble.has(w.toLowerCase()))) continue;
    if (isDefinedVariant(phrase, defined)) continue;
    if (definedElsewhere.has(phrase) || leadSet.has(phrase)) continue;
    if (!phrase.includes(' ') && !KEY_TERMS.test(phrase)) pendingLower.add(phrase.toLowerCase());
    accepted.push([phrase, uses]);
  }
  // Single words written in lower case anywhere in the document are not candidates.
  const lowerWords = pendingLower.size > 0 ? collectLowerWords(blocks, pendingLower) : undefined;
  const out: CandidateTerm[] = [];
  for (const [phrase, uses] of accepted) {
    if (lowerWords && !phrase.includes(' ') && lowerWords.has(phrase.toLowerCase())) continue;
    uses.occurrences.forEach((occ, k) => {
      out.push({ text: phrase, range: toViewRange(uses.blocks[k] as Block, occ.start, occ.end) });
    });
  }
  out.sort((a, b) => a.range.start - b.range.start);
  return out;
}

/**
 * Whether a phrase is used the way defined terms are. The terms a licence is built on count from
 * their first use after a determiner ("the Confidential Information"); other phrases need two uses,
 * one of them determined; single words three uses, two determined, and the shape of a term.
 */
function recursLikeATerm(phrase: string, uses: PhraseUses): boolean {
  const count = uses.occurrences.length;
  if (KEY_TERMS.test(phrase)) return uses.determined >= 1;
  if (phrase.includes(' ')) return count >= 2 && uses.determined >= 1;
  return count >= 3 && uses.determined >= 2 && phrase.length >= 5 && TERM_SUFFIX.test(phrase);
}

/**
 * Those of `wanted` that some block writes as a lower-case word: a whole match of
 * `(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}-]*` in its text. Few words are wanted (none in most documents),
 * so each is looked for with `indexOf`, and only until it is found.
 */
function collectLowerWords(blocks: Block[], wanted: Set<string>): Set<string> {
  const words = new Set<string>();
  for (const word of wanted) {
    if (LOWER_WORD.test(word) && blocks.some((block) => writesLowerWord(block.text, word))) words.add(word);
  }
  return words;
}

const LOWER_WORD = /^\p{Ll}[\p{Ll}-]*$/u;
const LOWER_OR_HYPHEN = /^[\p{Ll}-]$/u;
const LOWER = /^\p{Ll}$/u;

/** Is `word` (a `LOWER_WORD`) one of the matches of the lower-case word pattern in `text`? */
function writesLowerWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (end < text.length && LOWER_OR_HYPHEN.test(codePointStringAt(text, end))) continue;
    if (isLetterOrDigit(codePointBefore(text, at))) continue;
    if (continuesEarlierWord(text, at)) continue;
    return true;
  }
  return false;
}

/**
 * Whether a match of the lower-case word pattern that starts before `at` runs on to it through a
 * hyphen ("well-known" holds no match at "known"): some lower-case letter of the `[\p{Ll}-]` run
 * before `at` has no letter or digit before it.
 */
function continuesEarlierWord(text: string, at: number): boolean {
  let j = at;
  while (j > 0) {
    const cp = codePointBefore(text, j);
    const ch = String.fromCodePoint(cp);
    if (!LOWER_OR_HYPHEN.test(ch)) return false;
    j -= ch.length;
    if (LOWER.test(ch) && !isLetterOrDigit(codePointBefore(text, j))) return true;
  }
  return false;
}

/** The code point ending just before `at` (-1 at the start of the text). */
function codePointBefore(text: string, at: number): number {
  if (at <= 0) return -1;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

function codePointStringAt(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at) as number);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** Every word prefix and suffix of the lead phrases ("Work Product Ownership" → "Work", "Work Product", …). */
function leadParts(leads: Set<string>): Set<string> {
  const parts = new Set<string>();
  for (const lead of leads) {
    const words = lead.split(' ');
    for (let i = 1; i <= words.length; i++) {
      parts.add(words.slice(0, i).join(' '));
      parts.add(words.slice(words.length - i).join(' '));
    }
  }
  return parts;
}

const AS_DEFINED =
  /(\p{Lu}[\p{L}-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}-]*){0,4})['’]?s?\s*[(,]\s*(?:as\s+(?:such\s+term\s+is\s+|each\s+is\s+|is\s+)?defined|as\s+described|as\s+set\s+forth|each\s+as\s+defined)/gu;

function isDefinedVariant(phrase: string, defined: Set<string>): boolean {
  const variants = [
    phrase.replace(/(?:es|s)$/, ''),
    phrase.replace(/s$/, ''),
    phrase.replace(/ies$/, 'y'),
    `${phrase}s`,
    `${phrase}es`,
  ];
  return variants.some((v) => v !== phrase && defined.has(v));
}

/**
 * Token buffers reused across `collectRuns` calls: a sentence's tokens as offsets and flags, so the
 * many lower-case words (which can never be part of a run) cost no string or object allocation.
 * Token text is sliced only where a decision needs it.
 */
let tokStarts = new Int32Array(256);
let tokEnds = new Int32Array(256);
let tokFlags = new Uint8Array(256);
const INITIAL = 1;
const LEAD = 2;
const LEAD_NUMBER = /^\p{N}+(?:\.\p{N}+)*\.?$/u;

function growTokens(): void {
  const size = tokStarts.length * 2;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const flags = new Uint8Array(size);
  starts.set(tokStarts);
  ends.set(tokEnds);
  flags.set(tokFlags);
  tokStarts = starts;
  tokEnds = ends;
  tokFlags = flags;
}

/** True for a one-unit token equal to `code`. */
function isCharToken(i: number, code: number, text: string): boolean {
  const s = tokStarts[i] as number;
  return (tokEnds[i] as number) - s === 1 && text.charCodeAt(s) === code;
}

function tokenText(text: string, i: number): string {
  return text.slice(tokStarts[i], tokEnds[i]);
}

/** The end of the token starting at `at`: TOKEN is `[\p{L}\p{N}][\p{L}\p{N}'’.&-]*|\S`. */
function tokenEnd(text: string, at: number): number {
  const textLength = text.length;
  const cp = text.codePointAt(at) as number;
  let end = at + (cp > 0xffff ? 2 : 1);
  if (!isLetterOrDigit(cp)) return end;
  while (end < textLength) {
    const u = text.charCodeAt(end);
    // ASCII fast path; other units go through the code-point test as before.
    if (u < 128) {
      if (
        (u >= 97 && u <= 122) ||
        (u >= 65 && u <= 90) ||
        (u >= 48 && u <= 57) ||
        u === 39 ||
        u === 46 ||
        u === 38 ||
        u === 45
      )
        end++;
      else break;
      continue;
    }
    const c = text.codePointAt(end) as number;
    if (c === 0x2019 || isLetterOrDigit(c)) end += c > 0xffff ? 2 : 1;
    else break;
  }
  return end;
}

function recordToken(text: string, n: number, start: number, end: number, initial: boolean): void {
  if (n === tokStarts.length) growTokens();
  tokStarts[n] = start;
  tokEnds[n] = end;
  let flags = initial ? INITIAL : 0;
  if (initial && n > 0) {
    // lead: the previous token is a number ("1.52") or a closing bracket ("(a)").
    const prevTok = tokenText(text, n - 1);
    if (LEAD_NUMBER.test(prevTok) || prevTok === ')') flags |= LEAD;
  }
  tokFlags[n] = flags;
}

/**
 * Reads a sentence's tokens into the token buffers and returns how many. After a token without a
 * `RUN_MARK` unit first, once past any clause opening, the words up to the next chunk (a run of
 * non-whitespace) holding such a unit are passed over but for the last: none can be or join a run
 * or open a clause, so the token read ends any run as they would, and the last is the word before
 * a run that may start in the chunk ("the" in "the Licensed Product"). A chunk is read whole from
 * its start, so its tokens are those a scan from the sentence start would find.
 */
function tokenize(text: string, sentence: Range, marks: NextUnit): number {
  let n = 0;
  let initial = true;
  const textLength = text.length;
  let at = sentence.start;
  for (;;) {
    while (at < textLength && isJsSpace(text.charCodeAt(at))) at++;
    if (at >= textLength || at >= sentence.end) break;
    const tokStart = at;
    at = tokenEnd(text, at);
    recordToken(text, n, tokStart, at, initial);
    n++;
    const len = at - tokStart;
    const c0 = text.charCodeAt(tokStart);
    if (len === 1 && (c0 === 58 /* : */ || c0 === 59 /* ; */ || c0 === 0x2014 || c0 === 0x2013))
      initial = true;
    else if (
      len === 1 &&
      c0 === 41 /* ) */ &&
      n >= 3 &&
      isCharToken(n - 3, 40 /* ( */, text) &&
      ENUMERATOR.test(tokenText(text, n - 2))
    ) {
      initial = true; // after a list marker "(a)", "(ii)", "(3)"
    } else if (
      initial &&
      ((len === 1 && (c0 === 40 || c0 === 41 || c0 === 46)) || ENUMERATOR.test(text.slice(tokStart, at)))
    ) {
      // still in the leading enumerator ("1.1", "(a)", "IV.")
    } else initial = false;
    if (initial || isRunMark(c0)) continue;
    // Mid-clause after a word that ends any run: go to the chunk holding the next mark.
    const mark = marks.at(at);
    if (mark >= textLength) break;
    let chunk = mark;
    while (chunk > at && !isJsSpace(text.charCodeAt(chunk - 1))) chunk--;
    if (chunk >= sentence.end) break;
    let lastEnd = chunk;
    while (lastEnd > at && isJsSpace(text.charCodeAt(lastEnd - 1))) lastEnd--;
    if (lastEnd > at) {
      // Words were passed over: keep the last, the word before the chunk.
      let lastStart = lastEnd;
      while (lastStart > at && !isJsSpace(text.charCodeAt(lastStart - 1))) lastStart--;
      for (let end = tokenEnd(text, lastStart); end < lastEnd; end = tokenEnd(text, end)) lastStart = end;
      recordToken(text, n, lastStart, lastEnd, false);
      n++;
    }
    at = chunk;
  }
  return n;
}

function collectRuns(
  text: string,
  sentence: Range,
  blocked: RangeSet,
  marks: NextUnit,
  out: PlainOccurrence[],
  leads: Set<string>,
): void {
  const n = tokenize(text, sentence, marks);

  let run: Token[] = [];
  let before: string | undefined;
  const flush = (): void => {
    // An empty run emits nothing: skip the call and keep the (empty) array.
    if (run.length === 0) return;
    emitRun(run, before, out, leads);
    run = [];
  };
  for (let i = 0; i < n; i++) {
    const start = tokStarts[i] as number;
    const end = tokEnds[i] as number;
    if (blocked.overlapsAscending(start, end)) {
      flush();
      continue;
    }
    // stripPossessive by offsets: drop a trailing "'", "’", "." or "'s"/"’s".
    let wordEnd = end;
    const last = text.charCodeAt(end - 1);
    if (last === 39 || last === 0x2019 || last === 46) wordEnd = end - 1;
    else if (last === 115 && end - start >= 2) {
      const prev = text.charCodeAt(end - 2);
      if (prev === 39 || prev === 0x2019) wordEnd = end - 2;
    }
    const c0 = text.charCodeAt(start);
    // Fast path: an empty word or one starting with an ASCII character other than A–Z is neither a
    // reference word nor title-case (see `isTitleWord`).
    if (wordEnd > start && !(c0 < 128 && !(c0 >= 65 && c0 <= 90))) {
      const word = text.slice(start, wordEnd);
      // Reference words start with an ASCII capital; skip the regex for everything else.
      if (c0 >= 65 && c0 <= 90 && REF_WORDS.test(word)) {
        flush();
        // Skip the identifier after a reference word.
        if (i + 1 < n) i++;
        continue;
      }
      if (isTitleWord(word)) {
        if (run.length === 0) before = i > 0 ? tokenText(text, i - 1) : undefined;
        const flags = tokFlags[i] as number;
        run.push({
          text: word,
          start,
          end: start + word.length,
          initial: (flags & INITIAL) !== 0,
          lead: (flags & LEAD) !== 0,
        });
        // A possessive ends the phrase ("Licensee's Products" → "Licensee").
        if (wordEnd !== end) flush();
        continue;
      }
    }
    if (run.length > 0) {
      const tok = text.slice(start, end);
      if (JOINERS.has(tok) && isTitleWord(i + 1 < n ? tokenText(text, i + 1) : '')) {
        const flags = tokFlags[i] as number;
        run.push({ text: tok, start, end, initial: (flags & INITIAL) !== 0, lead: (flags & LEAD) !== 0 });
        continue;
      }
    }
    flush();
  }
  flush();
}

function emitRun(run: Token[], before: string | undefined, out: PlainOccurrence[], leads: Set<string>): void {
  if (run[0]?.lead) leads.add(run.map((t) => t.text).join(' '));
  let s = 0;
  let e = run.length;
  let prev = before;
  // Drop sentence/clause-initial words and leading function words.
  while (s < e) {
    const t = run[s] as Token;
    if (t.initial || LEADING.has(t.text.toLowerCase()) || JOINERS.has(t.text)) {
      prev = t.text;
      s++;
    } else break;
  }
  while (e > s && JOINERS.has((run[e - 1] as Token).text)) e--;
  // The phrase is run[s, e).
  if (e <= s || e - s > 5) return;
  for (let k = s; k < e; k++) {
    if (STOP_WORDS.has(withoutFullStop((run[k] as Token).text.toLowerCase()))) return;
  }
  const first = run[s] as Token;
  if (e - s === 1 && LEADING.has(first.text.toLowerCase())) return;
  // One word, as most phrases are, needs no new string; join makes a flat one (a key of maps).
  const phrase = e - s === 1 ? first.text : phraseOf(run, s, e);
  const determined = prev !== undefined && DETERMINERS.has(prev.toLowerCase());
  out.push({ text: phrase, determined, start: first.start, end: (run[e - 1] as Token).end });
}

function phraseOf(run: Token[], s: number, e: number): string {
  const words: string[] = [];
  for (let k = s; k < e; k++) words.push((run[k] as Token).text);
  return words.join(' ');
}

function withoutFullStop(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}
