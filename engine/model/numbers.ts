import { toViewRange } from '../text/block-text.js';
import { TextMemo } from '../text/memo.js';
import type { Block, DualNumber } from './types.js';

/**
 * Numbers written twice: "thirty (30) days", "five percent (5%)", "Thirty-Five (35)",
 * "one hundred and twenty (120)", "ten thousand dollars ($10,000)", "five (5%) percent".
 */

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE: Record<string, number> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

// Longer words first so "seventeen" is not read as "seven".
const NUM_WORD = [...Object.keys(SMALL), 'hundred', ...Object.keys(SCALE)]
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * words  := NUM ((-| |" and ") NUM)*  — "and" is not a number word, so the separators are
 *           unambiguous and the match is linear.
 * unit   := percent | per cent | dollars | U.S. dollars (optional)
 * digits := "(" [$] digits [,digits]* [.digits] [%] ")"
 */
// The leading `(?<![\p{L}\p{N}])` is checked by hand (`afterWordChar`): with a lookbehind first,
// the regex runs it at every position, which roughly doubles its cost.
const DUAL = new RegExp(
  `((?:${NUM_WORD})(?:(?:-|[ \\t]+(?:and[ \\t]+)?)(?:${NUM_WORD}))*)(?![\\p{L}])` +
    `((?:[ \\t]+(?:percent|per[ \\t]cent|(?:U\\.S\\.[ \\t]+|US[ \\t]+|United[ \\t]+States[ \\t]+)?dollars))?)` +
    `[ \\t]*\\([ \\t]*((?:US)?\\$?[ \\t]?\\d[\\d,]*(?:\\.\\d+)?[ \\t]?%?)[ \\t]*\\)`,
  'giu',
);

/** Parses "one hundred and twenty", "Thirty-Five", "ten thousand" → number, or null. */
export function parseNumberWords(words: string): number | null {
  const parts = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((p) => p !== '' && p !== 'and');
  if (parts.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const p of parts) {
    const small = SMALL[p];
    if (small !== undefined) {
      current += small;
      seen = true;
    } else if (p === 'hundred') {
      current = (seen ? current : 1) * 100;
      seen = true;
    } else {
      const scale = SCALE[p];
      if (scale === undefined) return null;
      total += (seen ? current : 1) * scale;
      current = 0;
      seen = true;
    }
  }
  return total + current;
}

function parseDigits(digits: string): number | null {
  const cleaned = digits.replace(/US|\$|,|%|\s/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** What DUAL needs after its words: "(" and a digit. Most blocks have none, so DUAL is skipped. */
const DIGITS_IN_BRACKETS = /\([ \t]*(?:US)?\$?[ \t]?\d/i;
const LETTER_OR_DIGIT_END = /[\p{L}\p{N}]$/u;

/** `(?<=[\p{L}\p{N}])` at `at`: the code point before `at` is a letter or digit. */
export function afterWordChar(text: string, at: number): boolean {
  if (at === 0) return false;
  const u = text.charCodeAt(at - 1);
  if (u < 128) return (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122);
  return LETTER_OR_DIGIT_END.test(text.slice(Math.max(0, at - 2), at));
}

export function findDualNumbers(blocks: Block[]): DualNumber[] {
  const out: DualNumber[] = [];
  for (const block of blocks) {
    const text = block.text;
    if (!text.includes('(') || !DIGITS_IN_BRACKETS.test(text)) continue;
    for (const { start, end, ...dual } of plainNumbers.get(text, () => dualNumbersIn(text))) {
      out.push({ ...dual, range: toViewRange(block, start, end) });
    }
  }
  return out;
}

/** A number written twice, found in a block's plain text (offsets into that text). */
type PlainDualNumber = Omit<DualNumber, 'range'> & { start: number; end: number };

/** Numbers by block text: the same paragraph, edited elsewhere in the document, is not re-read. */
const plainNumbers = new TextMemo<PlainDualNumber[]>({ keepKeys: true });

function dualNumbersIn(text: string): PlainDualNumber[] {
  const out: PlainDualNumber[] = [];
  DUAL.lastIndex = 0;
  for (let m = DUAL.exec(text); m !== null; m = DUAL.exec(text)) {
    // The lookbehind failed here: retry from the next position, as the regex itself would.
    if (afterWordChar(text, m.index)) {
      DUAL.lastIndex = m.index + 1;
      continue;
    }
    const numberWords = m[1] as string;
    const unitWords = (m[2] as string).trim();
    const digits = (m[3] as string).trim();
    const words = unitWords ? `${numberWords} ${unitWords}` : numberWords;
    const end = m.index + m[0].length;
    const percentWord = /^(?:percent|per\s+cent)$/i.test(unitWords);
    let percent = percentWord || digits.endsWith('%');
    // "five (5) percent": the unit after the brackets.
    const trailing = /^[ \t]+(?:percent|per[ \t]cent)\b/i.exec(text.slice(end, end + 12));
    if (trailing && !percentWord) percent = true;
    const dual: PlainDualNumber = {
      words,
      digits,
      wordValue: parseNumberWords(numberWords),
      digitValue: parseDigits(digits),
      start: m.index,
      end,
    };
    if (percent) dual.unit = 'percent';
    out.push(dual);
  }
  return out;
}
