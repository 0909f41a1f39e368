import type { Rule } from '../engine/lint/rule.js';
import { paragraphSource } from '../engine/model/paragraph-source.js';
import type { Range } from '../engine/model/types.js';
import { isJsSpace } from '../engine/text/chars.js';
import { TextMemo } from '../engine/text/memo.js';
import { RangeSet } from '../engine/text/ranges.js';
import { escapeRegExp } from '../engine/text/regexp.js';

export interface InconsistentTermCaseOptions {
  /** Also check single-word terms (off by default: "party", "agreement" are ordinary English). */
  singleWords: boolean;
  /** Terms never checked (exact spelling of the definition). */
  ignore: string[];
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

function overlapsAny(ranges: Range[], start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && r.start < end);
}

const TERM_CHAR = /[\p{L}\p{N}_-]/u;

/** `[A-Za-z0-9_-]`: the ASCII part of `[\p{L}\p{N}_-]`. */
function isAsciiTermCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 45
  );
}

function isTermCode(code: number): boolean {
  if (code < 128) return isAsciiTermCode(code);
  return TERM_CHAR.test(String.fromCodePoint(code));
}

/**
 * `(?<![\p{L}\p{N}_-])` at `at` in text[lo, …), checked by hand: a lookbehind at the start of the
 * pattern would stop the regex engine from skipping quickly to where a term can begin.
 */
function termCharBefore(text: string, at: number, lo: number): boolean {
  if (at <= lo) return false;
  let code = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff && at - 2 >= lo) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) code = (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  }
  return isTermCode(code);
}

/** `[\p{L}\p{N}_-]` matches the code point at `at` in text[…, hi) (false at the end). */
function termCharAt(text: string, at: number, hi: number): boolean {
  if (at >= hi) return false;
  let code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < hi) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return isTermCode(code);
}

/** Offsets of HTML tags, link destinations and inline code in a paragraph's view (not prose). */
function markupRanges(view: string, base: number): Range[] {
  const out: Range[] = [];
  for (const m of view.matchAll(/<[^>\n]*>|\]\([^)\s]*\)|`[^`\n]*`|https?:\/\/\S+/g)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/**
 * The spelling the defined term would have in place of `found` ("licensed patents" →
 * "Licensed Patents", "licensed patent's" → "Licensed Patent's"), keeping the suffix.
 */
function recase(term: string, found: string): string {
  const words = term.split(/\s+/);
  const foundWords = found.split(/\s+/);
  return foundWords
    .map((w, i) => {
      const t = words[i];
      if (t === undefined) return w;
      return t + w.slice(t.length);
    })
    .join(' ');
}

interface TermMatch {
  index: number;
  end: number;
}

/** Finds the next term match in text[lo, hi) at or after `from`; offsets are into `text`. */
type TermMatcher = (text: string, from: number, lo: number, hi: number) => TermMatch | null;

/**
 * The terms (longest first) as one case-insensitive pattern, run on each paragraph:
 * `(?<![\p{L}\p{N}_-])(?:t1|t2|…)(?:e?s)?(?:['’]s?)?(?![\p{L}\p{N}_-])` with flags `giu`, where
 * whitespace inside a term matches any whitespace run. Compiling that regex costs more than running
 * it (hundreds of terms, case-insensitive Unicode), so ASCII terms are matched with a trie that
 * follows the regex's semantics exactly; other terms fall back to the regex.
 */
function termMatcher(terms: string[]): TermMatcher {
  const ascii = terms.filter(isPlainAscii);
  const other = terms.filter((t) => !isPlainAscii(t));
  if (other.length === 0) return trieMatcher(ascii);
  if (ascii.length === 0) return regexMatcher(other);
  // One soft hyphen or accented term must not send every term through the regex: an alternation
  // of thousands of terms costs time per character of text, which made a 4 MB agreement take 48 s.
  // The few other terms get the regex; the earliest match wins, the longer one at the same place.
  // Each side's next match is kept while it lies ahead, so neither rescans text it has read.
  const ahead = (matcher: TermMatcher): TermMatcher => {
    let last: { text: string; lo: number; hi: number; from: number; match: TermMatch | null } | undefined;
    return (text, from, lo, hi) => {
      if (
        last &&
        last.text === text &&
        last.lo === lo &&
        last.hi === hi &&
        last.from <= from &&
        (last.match === null || last.match.index >= from)
      )
        return last.match;
      const match = matcher(text, from, lo, hi);
      last = { text, lo, hi, from, match };
      return match;
    };
  };
  const trie = ahead(trieMatcher(ascii));
  const regex = ahead(regexMatcher(other));
  return (text, from, lo, hi) => {
    const a = trie(text, from, lo, hi);
    const b = regex(text, from, lo, hi);
    if (!a) return b;
    if (!b) return a;
    if (a.index !== b.index) return a.index < b.index ? a : b;
    return b.end > a.end ? b : a;
  };
}

/** ASCII only, not starting or ending with whitespace (or a control character). */
function isPlainAscii(term: string): boolean {
  if (term.length === 0) return false;
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) > 127) return false;
  const first = term.charCodeAt(0);
  const last = term.charCodeAt(term.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

function regexMatcher(terms: string[]): TermMatcher {
  const body = terms.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s+')).join('|');
  // The lookbehind is checked by `termCharBefore`, so the engine can skip quickly to a term's start.
  const re = new RegExp(`(?:${body})(?:e?s)?(?:['’]s?)?(?![\\p{L}\\p{N}_-])`, 'giu');
  let view = '';
  let viewText = '';
  let viewLo = -1;
  let viewHi = -1;
  return (text, from, lo, hi) => {
    if (text !== viewText || lo !== viewLo || hi !== viewHi) {
      view = text.slice(lo, hi);
      viewText = text;
      viewLo = lo;
      viewHi = hi;
    }
    re.lastIndex = from - lo;
    for (let m = re.exec(view); m !== null; m = re.exec(view)) {
      if (!termCharBefore(view, m.index, 0)) return { index: lo + m.index, end: lo + m.index + m[0].length };
      // Not at a word start: try again one character (code point) later, as the lookbehind would.
      re.lastIndex = m.index + ((view.codePointAt(m.index) as number) > 0xffff ? 2 : 1);
    }
    return null;
  };
}

/**
 * A node of the term trie. Its children are kept in two small arrays rather than a Map: below the
 * first characters most nodes have one child, and the walk looks one up at every character.
 */
interface TrieNode {
  /** The (folded) character codes of the children, and the children in the same order. */
  codes: number[];
  children: TrieNode[];
  /** Indices (in the terms' alternation order) of the terms ending here. */
  ids: number[];
}

const SPACE = 32;

function newNode(): TrieNode {
  return { codes: [], children: [], ids: [] };
}

function childOf(node: TrieNode, code: number): TrieNode | undefined {
  const codes = node.codes;
  for (let k = 0; k < codes.length; k++) if (codes[k] === code) return node.children[k];
  return undefined;
}

/**
 * A text character as it compares, case-insensitively (`iu`: simple case folding), with an ASCII
 * term character; -1 when it equals none. Only KELVIN SIGN and LATIN SMALL LETTER LONG S fold to
 * ASCII from outside it. (NaN, past the end, gives -1.)
 */
function foldToAscii(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  if (code === 0x212a) return 107; // K → k
  if (code === 0x17f) return 115; // ſ → s
  return -1;
}

function isE(code: number): boolean {
  return code === 101 || code === 69;
}

function isS(code: number): boolean {
  return code === 115 || code === 83 || code === 0x17f;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/**
 * End of the match when a term ends at `q`: the suffix `(?:e?s)?(?:['’]s?)?` tried in the order the
 * regex backtracks through it, then the lookahead; -1 when no choice passes the lookahead.
 */
function suffixEnd(text: string, q: number, hi: number): number {
  const c0 = q < hi ? text.charCodeAt(q) : Number.NaN;
  const c1 = q + 1 < hi ? text.charCodeAt(q + 1) : Number.NaN;
  if (isE(c0) && isS(c1)) {
    const end = possessiveEnd(text, q + 2, hi);
    if (end >= 0) return end;
  }
  if (isS(c0)) {
    const end = possessiveEnd(text, q + 1, hi);
    if (end >= 0) return end;
  }
  return possessiveEnd(text, q, hi);
}

/** `(?:['’]s?)?(?![\p{L}\p{N}_-])` at `r`, in backtracking order; -1 when nothing passes. */
function possessiveEnd(text: string, r: number, hi: number): number {
  if (r < hi && isApostrophe(text.charCodeAt(r))) {
    if (r + 1 < hi && isS(text.charCodeAt(r + 1)) && !termCharAt(text, r + 2, hi)) return r + 2;
    if (!termCharAt(text, r + 1, hi)) return r + 1;
  }
  return termCharAt(text, r, hi) ? -1 : r;
}

/**
 * The matcher for one set of terms and what it found in each paragraph (start, end pairs relative
 * to the paragraph), kept while the terms stay the same: across the lints of an edited
 * document, only the edited paragraph is scanned again.
 */
interface MatchScope {
  key: string;
  match: TermMatcher;
  matches: TextMemo<number[]>;
}

let matchScope: MatchScope | undefined;

function matchScopeFor(terms: string[]): MatchScope {
  const key = terms.join('\u0000');
  if (matchScope?.key !== key) matchScope = { key, match: termMatcher(terms), matches: new TextMemo() };
  return matchScope;
}

/**
 * The matches in text[lo, hi) as (start, end) pairs relative to `lo`. The matcher reads the text
 * in place: V8 reads each character of a slice through its parent, which would cost the scan a
 * good part of its time.
 */
function matchesIn(match: TermMatcher, text: string, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let m = match(text, lo, lo, hi); m !== null; m = match(text, m.end, lo, hi))
    out.push(m.index - lo, m.end - lo);
  return out;
}

function trieMatcher(terms: string[]): TermMatcher {
  const root = newNode();
  terms.forEach((term, id) => {
    let node = root;
    const key = term.replace(/\s+/g, ' ').toLowerCase();
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = childOf(node, code);
      if (!child) {
        child = newNode();
        node.codes.push(code);
        node.children.push(child);
      }
      node = child;
    }
    node.ids.push(id);
  });
  // Terms ending along the current walk (term id, end offset), reused between positions.
  const hitIds: number[] = [];
  const hitEnds: number[] = [];
  /** The match starting at `p`, if any. */
  const matchAtPosition = (text: string, p: number, lo: number, hi: number): TermMatch | null => {
    if (termCharBefore(text, p, lo)) return null;
    let count = 0;
    let node: TrieNode | undefined = root;
    let i = p;
    while (node) {
      if (node.ids.length > 0 && i > p) {
        for (const id of node.ids) {
          // Insertion sort by id: the regex tries the alternatives in this order.
          let k = count++;
          while (k > 0 && (hitIds[k - 1] as number) > id) {
            hitIds[k] = hitIds[k - 1] as number;
            hitEnds[k] = hitEnds[k - 1] as number;
            k--;
          }
          hitIds[k] = id;
          hitEnds[k] = i;
        }
      }
      if (i >= hi) break;
      const c = text.charCodeAt(i);
      if (isJsSpace(c)) {
        node = childOf(node, SPACE);
        i++;
        while (i < hi && isJsSpace(text.charCodeAt(i))) i++;
      } else {
        const folded = foldToAscii(c);
        node = folded < 0 ? undefined : childOf(node, folded);
        i++;
      }
    }
    for (let k = 0; k < count; k++) {
      const end = suffixEnd(text, hitEnds[k] as number, hi);
      if (end >= 0) return { index: p, end };
    }
    return null;
  };
  const wordStarts = wordStartFinder(root);
  return (text, from, lo, hi) => {
    // The finder sees a start only after another character: the first place is tried here.
    if (from < hi) {
      const match = matchAtPosition(text, from, lo, hi);
      if (match) return match;
    }
    for (let p = wordStarts.after(text, from); p < hi; p = wordStarts.after(text, p)) {
      const match = matchAtPosition(text, p, lo, hi);
      if (match) return match;
    }
    return null;
  };
}

/** Every UTF-16 unit that folds to the ASCII character `code` (see `foldToAscii`), as regex escapes. */
function unitsFoldingTo(code: number): string {
  const units = [code];
  if (code >= 97 && code <= 122) units.push(code - 32);
  if (code === 107) units.push(0x212a);
  if (code === 115) units.push(0x17f);
  return units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
}

/**
 * The places, each after a character other than `[A-Za-z0-9_-]` (where the lookbehind can pass),
 * where the text begins as some key of the trie does for its first `PREFIX_DEPTH` characters. A
 * loop over the characters that walked the trie at every word start spent most of the scan on
 * words that begin like a term ("in", "of", "the"); the regex engine passes over them far
 * faster. The place found last is kept while the queries have not passed it, so no part of a
 * text is searched twice when its paragraphs are scanned in order.
 */
class WordStartFinder {
  private text = '';
  private found = -1;
  private searchedFrom = Number.POSITIVE_INFINITY;

  constructor(private readonly pattern: RegExp) {}

  /** The first possible start after `from` (the text's length when none). */
  after(text: string, from: number): number {
    if (text !== this.text || from < this.searchedFrom || from >= this.found) {
      this.pattern.lastIndex = from;
      this.found = this.pattern.test(text) ? this.pattern.lastIndex - 1 : text.length;
      this.searchedFrom = from;
      this.text = text;
    }
    return this.found;
  }
}

function wordStartFinder(root: TrieNode): WordStartFinder {
  const firsts = root.children.map((child, k) => {
    const rest = keyPrefixPattern(child, PREFIX_DEPTH - 1);
    return `[${unitsFoldingTo(root.codes[k] as number)}]${rest === '' ? '' : `(?=${rest})`}`;
  });
  // Without the `u` flag each class matches one UTF-16 unit; `[^\\s\\S]` matches nothing.
  const starts = firsts.length > 0 ? `(?:${firsts.join('|')})` : '[^\\s\\S]';
  return new WordStartFinder(new RegExp(`[^A-Za-z0-9_\\-]${starts}`, 'g'));
}

/**
 * Characters of a key the finder compares. Each document's terms make a new regex, compiled once
 * per document: on the CUAD contracts 3 costs least in all, 4 and more compile for longer than
 * the walks they spare.
 */
const PREFIX_DEPTH = 3;

/**
 * What must follow to go on from `node` towards a key, for `depth` more characters ('' for
 * anything: a key ends at `node`, or the depth is reached), as the walk reads the text: folded,
 * and a space of the key as a run of whitespace.
 */
function keyPrefixPattern(node: TrieNode, depth: number): string {
  if (depth === 0 || node.ids.length > 0) return '';
  const alternatives = node.children.map((child, k) => {
    const code = node.codes[k] as number;
    const unit = code === SPACE ? '\\s+' : `[${unitsFoldingTo(code)}]`;
    return unit + keyPrefixPattern(child, depth - 1);
  });
  return alternatives.length === 1 ? (alternatives[0] as string) : `(?:${alternatives.join('|')})`;
}

export const inconsistentTermCase: Rule<InconsistentTermCaseOptions> = {
  id: 'inconsistent-term-case',
  description:
    'A defined term written with different capitalisation ("licensed patents" when "Licensed Patents" is defined).',
  category: 'definitions',
  defaultSeverity: 'warning',
  fixable: 'edit',
  messages: {
    case: '"{found}" differs in capitalisation from the defined term "{term}": write "{replacement}" if the defined meaning is intended, or reword to avoid the clash.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        singleWords: {
          type: 'boolean',
          description:
            'Also check single-word defined terms ("licensee" for "Licensee"). Off by default: most are ordinary words.',
        },
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description: 'Defined terms never checked (exact spelling).',
        },
      },
    },
    defaults: { singleWords: false, ignore: [] },
  },
  rationale: [
    'A capitalised defined term carries its definition; the same words in lower case arguably do not. When an agreement',
    'defines "Licensed Patents" and later says "the licensed patents", a reader cannot tell whether the narrower defined',
    'meaning applies or the ordinary one, and the difference can decide what is licensed. Write the defined term exactly',
    'as defined where its meaning is intended; where the ordinary meaning is intended, reword so the two are not confused.',
    'Only multi-word terms are checked by default, because single words such as "party" or "agreement" are ordinary English;',
    "uses inside the term's own definition are ignored. The fix (not applied automatically) restores the defined capitalisation.",
  ].join(' '),
  examples: {
    invalid: [
      {
        text: '"Licensed Patents" means the patents listed in Schedule 1.\n\nThe Licensor grants a licence under the Licensed Patents. The Licensee shall mark products with the licensed patents.\n',
      },
    ],
    valid: [
      {
        text: '"Licensed Patents" means the patents listed in Schedule 1.\n\nThe Licensor grants a licence under the Licensed Patents. Each Party owns its other patents.\n',
      },
      {
        text: '"Confidential Information" means all confidential information disclosed by a Party.\n\nThe Recipient shall protect Confidential Information.\n',
        note: "Lower-case words inside the term's own definition are not reported.",
      },
    ],
  },
  check({ model, textView, options, report }) {
    const ignore = new Set(options.ignore ?? []);
    const definedTerms = new Set(model.definitions.map((d) => d.term));
    const definedLower = new Map<string, string>();
    for (const d of model.definitions) {
      if (!ignore.has(d.term)) definedLower.set(d.term.toLowerCase(), d.term);
    }
    const terms = [...definedLower.values()].filter((t) => {
      if (!/\p{Lu}/u.test(t)) return false;
      const words = t.split(/\s+/);
      if (words.length < 2 && !options.singleWords) return false;
      return true;
    });
    if (terms.length === 0) return;
    // Longest terms first so "Licensed Patent Rights" wins over "Licensed Patent".
    terms.sort((a, b) => b.length - a.length);
    const scope = matchScopeFor(terms);
    const ownDefinition = new Map<string, Range[]>();
    for (const d of model.definitions) {
      const list = ownDefinition.get(d.term.toLowerCase()) ?? [];
      list.push(d.definitionRange, d.range);
      ownDefinition.set(d.term.toLowerCase(), list);
    }
    const termRanges = new RangeSet(model.definitions.map((d) => d.range));
    const useRanges = new RangeSet(model.termUses.map((u) => u.range));
    for (const paragraph of model.paragraphs) {
      if (paragraph.kind === 'heading') continue;
      const base = paragraph.range.start;
      const limit = Math.min(paragraph.range.end, textView.length);
      let markup: Range[] | undefined;
      const source = paragraphSource(paragraph, textView);
      const matches = scope.matches.get(
        source.text,
        () => matchesIn(scope.match, textView, base, limit),
        source.kept,
      );
      for (let k = 0; k < matches.length; k += 2) {
        const m = { index: base + (matches[k] as number), end: base + (matches[k + 1] as number) };
        const found = textView.slice(m.index, m.end);
        // A defined spelling, as most matches are: nothing to report (the test below, sooner).
        if (definedTerms.has(found)) continue;
        const stem = found.replace(/(?:e?s)?(?:['’]s?)?$/u, '');
        const term =
          definedLower.get(norm(found)) ??
          definedLower.get(norm(found.replace(/['’]s?$/u, ''))) ??
          definedLower.get(norm(stem));
        if (term === undefined) continue;
        const foundWords = found.split(/\s+/);
        const termWords = term.split(/\s+/);
        // Exactly the defined spelling (or another defined term's spelling): nothing to report.
        if (foundWords.every((w, i) => termWords[i] === undefined || w.startsWith(termWords[i] as string)))
          continue;
        if (definedTerms.has(stem.replace(/\s+/g, ' '))) continue;
        // Only forms that read as the term in lower case: every differing word is the lower-case form of the term's word.
        const lowered = foundWords.every((w, i) => {
          const t = termWords[i];
          if (t === undefined) return true;
          return w.startsWith(t) || w.startsWith(t.toLowerCase());
        });
        if (!lowered) continue;
        const start = m.index;
        const end = m.end;
        if (overlapsAny(ownDefinition.get(term.toLowerCase()) ?? [], start, end)) continue;
        if (termRanges.overlaps(start, end) || useRanges.overlaps(start, end)) continue;
        markup ??= markupRanges(textView.slice(base, limit), base);
        if (overlapsAny(markup, start, end)) continue;
        // A sentence-initial capital on the first word only ("Licensed patents are…") still differs; a fully
        // capitalised heading-like run ("LICENSED PATENTS") is emphasis, not a different term.
        if (found === found.toUpperCase()) continue;
        const replacement = recase(term, found);
        report({
          messageId: 'case',
          data: { found: found.replace(/\s+/g, ' '), term, replacement: replacement.replace(/\s+/g, ' ') },
          range: { start, end },
          fixes: [
            {
              label: `Write "${replacement.replace(/\s+/g, ' ')}"`,
              edits: [{ range: { start, end }, newText: replacement }],
              safe: false,
            },
          ],
          extra: { term },
        });
      }
    }
  },
};
