import { TextMemo } from '../text/memo.js';
import type { Block, Range } from './types.js';

/**
 * Sentence splitting for one block's plain text.
 *
 * A boundary is a run of `.`, `!` or `?` (optionally followed by closing quotes or brackets) that is
 * followed by whitespace and then something that can start a sentence (an upper-case letter, a
 * digit, an opening quote or bracket). A full stop is *not* a boundary when the word it ends is an
 * abbreviation ("No.", "Sec.", "e.g.", "U.S."), an initial ("J. Smith"), a company suffix followed
 * by more of the name or by something other than a new sentence ("Acme Inc. (“Acme”)"), or a
 * leading enumerator ("12.", "1.1.", "IV.", "a.") that opens a clause.
 */

/** Abbreviations that never end a sentence (compared lower-case, without the final dot). */
const NEVER_FINAL = new Set([
  'no',
  'nos',
  'sec',
  'secs',
  'art',
  'arts',
  'para',
  'paras',
  'sched',
  'exh',
  'ex',
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'hon',
  'st',
  'vs',
  'v',
  'e.g',
  'i.e',
  'cf',
  'viz',
  'approx',
  'et al',
  'al',
  'u.s',
  'u.s.a',
  'u.k',
  'e.u',
  'fig',
  'ref',
  'pp',
  'p',
  'ch',
  'subsec',
  'cl',
  'seq',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Company suffixes and the like: they end a sentence only when followed by an upper-case word that
 * is not itself another suffix ("Acme Co. Ltd."), and never before "(" or a quote.
 */
const SUFFIXES = new Set([
  'inc',
  'ltd',
  'corp',
  'co',
  'l.l.c',
  'llc',
  'l.p',
  'lp',
  'llp',
  'l.l.p',
  'plc',
  'n.a',
  'n.v',
  'b.v',
  's.a',
  'a.g',
  'ag',
  'gmbh',
  's.a.r.l',
  'pty',
  'bhd',
  'etc',
  'jr',
  'sr',
]);

const SUFFIX_WORD =
  /^(?:Inc|Ltd|Limited|Corp|Corporation|Co|LLC|L\.L\.C|LP|L\.P|LLP|PLC|plc|N\.A|N\.V|B\.V|S\.A|AG|GmbH|Pty|Bhd)\b/;

/** Words that refer to a numbered item: "Exhibit A." at a sentence end is a boundary, not an initial. */
const REF_WORD =
  /(?:Section|Article|Exhibit|Schedule|Annex|Appendix|Attachment|Clause|Paragraph|Part|Item|Class|Series|Tier|Phase|Option|Plan|Form)\s*$/i;

const CANDIDATE = /[.!?]+["'”’)\]]*(?=\s)|[.!?]+["'”’)\]]*$/g;
const ENUMERATOR = /^(?:\d+(?:\.\d+)*|[ivxlcdm]+|[IVXLCDM]+|[A-Za-z])$/;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x2028;
}

interface BlockSentences {
  ranges: Range[];
  texts: string[];
}

const byBlock = new WeakMap<Block, BlockSentences>();
/**
 * Across versions of an edited document, by the block's text: the string an unchanged block keeps
 * between versions. Its sentences are then the same strings too, which the memos keyed by sentence
 * compare by pointer rather than character by character.
 */
const byText = new TextMemo<BlockSentences>({ keepKeys: true });

function blockSentences(block: Block): BlockSentences {
  let sentences = byBlock.get(block);
  if (!sentences) {
    const text = block.text;
    sentences = byText.get(text, () => {
      const ranges = splitSentences(text);
      return { ranges, texts: ranges.map((r) => text.slice(r.start, r.end)) };
    });
    byBlock.set(block, sentences);
  }
  return sentences;
}

/**
 * `splitSentences(block.text)`, split once per block: the paragraphs of the model, the definitions
 * and the candidate terms all read a block's sentences.
 */
export function sentencesOf(block: Block): Range[] {
  return blockSentences(block).ranges;
}

/** The text of each of `sentencesOf(block)`. */
export function sentenceTextsOf(block: Block): string[] {
  return blockSentences(block).texts;
}

/** Returns the plain-text ranges of the sentences in `text`, trimmed of surrounding whitespace. */
export function splitSentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const end = m.index + m[0].length;
    if (isBoundary(text, m.index, m[0], end)) {
      push(text, start, end, out);
      start = end;
    }
  }
  push(text, start, text.length, out);
  return out;
}

function push(text: string, start: number, end: number, out: Range[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

function isBoundary(text: string, at: number, mark: string, end: number): boolean {
  // What follows: skip whitespace, look at the next character.
  let next = end;
  while (next < text.length && isSpace(text.charCodeAt(next))) next++;
  if (next >= text.length) return true;
  const nextChar = text[next] as string;
  const startsSentence = /[\p{Lu}\d"'“‘([]/u.test(nextChar);
  if (!startsSentence) return false;
  if (mark[0] !== '.') return true;
  if (mark.length > 1 && mark[1] !== '.') return true; // `."` `.)` — the quote/bracket closed: a real end.
  // The word the full stop ends: back to whitespace or an opening bracket/quote.
  let wordStart = at;
  while (wordStart > 0) {
    const ch = text.charCodeAt(wordStart - 1);
    if (isSpace(ch) || ch === 40 /* ( */ || ch === 34 || ch === 0x201c) break;
    wordStart--;
  }
  const word = text.slice(wordStart, at);
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  if (lower === 'al' || (lower === 'et' && text.startsWith(' al', at + 1))) return false;
  // "et al." — the word before is "et".
  if (lower === 'al' && /\bet\s+$/.test(text.slice(Math.max(0, wordStart - 4), wordStart))) return false;
  // Dotted abbreviations such as "U.S.A" or "N.A" (single letters separated by dots).
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  if (SUFFIXES.has(lower)) {
    if (!/\p{Lu}/u.test(nextChar)) return false;
    if (SUFFIX_WORD.test(text.slice(next, next + 12))) return false;
    return true;
  }
  if (ENUMERATOR.test(word)) {
    // A single capital letter after "Exhibit"/"Section" is a reference, not an initial.
    const before = text.slice(Math.max(0, wordStart - 12), wordStart);
    if (REF_WORD.test(before)) return true;
    // A leading enumerator ("12.3 ...", "1.1. ...", "(a) ..."): at the start of the text, or after
    // a colon/semicolon/sentence end, it opens the clause rather than ending anything.
    let p = wordStart - 1;
    while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
    if (p < 0 || /[.:;!?]/.test(text[p] as string)) return false;
    // An initial: a single upper-case letter ("J. Smith").
    if (/^\p{Lu}$/u.test(word)) return false;
    return true;
  }
  return true;
}
