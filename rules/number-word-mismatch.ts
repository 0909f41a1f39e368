import type { Rule } from '../engine/lint/rule.js';
import type { Fix } from '../engine/lint/types.js';
import type { DualNumber, Range } from '../engine/model/types.js';
import { formatDigits, matchCase, numberToWords } from './number-words.js';

const UNIT_WORDS =
  /[ \t]+(?:percent|per[ \t]+cent|(?:U\.S\.[ \t]+|US[ \t]+|United[ \t]+States[ \t]+)?dollars)$/i;

interface Parts {
  /** The number words only ("thirty", "Five"), without a unit. */
  words: Range;
  /** The number inside the brackets, without "$", "US" or "%". */
  digits: Range;
}

/** Locates the words and the bracketed digits of a dual number in the text view. */
function locate(textView: string, dual: DualNumber): Parts | null {
  const slice = textView.slice(dual.range.start, dual.range.end);
  const open = slice.lastIndexOf('(');
  if (open <= 0) return null;
  const before = slice.slice(0, open).replace(/\s+$/, '');
  const wordsText = before.replace(UNIT_WORDS, '');
  if (wordsText.trim() === '') return null;
  const inside = /\d[\d,]*(?:\.\d+)?/.exec(slice.slice(open));
  if (!inside) return null;
  const digitsStart = dual.range.start + open + inside.index;
  return {
    words: { start: dual.range.start, end: dual.range.start + wordsText.length },
    digits: { start: digitsStart, end: digitsStart + inside[0].length },
  };
}

export const numberWordMismatch: Rule = {
  id: 'number-word-mismatch',
  description: 'A number written in words and digits whose two values disagree, such as "thirty (60) days".',
  category: 'consistency',
  defaultSeverity: 'error',
  fixable: 'edit',
  messages: {
    mismatch:
      '"{written}" says {wordValue} in words but {digitValue} in digits: decide which is meant and make both say the same number.',
  },
  rationale: [
    'Agreements write important numbers twice, in words and in digits, so that a typing slip in one is caught by the other.',
    'When the two disagree ("thirty (60) days") the safeguard has failed: each party can point to the version that favours it, and',
    'courts apply different tie-break rules (many prefer the words, some read the whole agreement to find the intent).',
    'Either reading may be the intended one, so both fixes are offered and neither is applied automatically.',
  ].join(' '),
  examples: {
    invalid: [
      { text: 'The Licensee shall pay each invoice within thirty (60) days of receipt.\n' },
      {
        text: 'The royalty is five percent (6%) of Net Sales, payable within forty-five (54) days.\n',
        findings: 2,
      },
    ],
    valid: [
      { text: 'The Licensee shall pay each invoice within thirty (30) days of receipt.\n' },
      { text: 'The royalty is one hundred twenty thousand dollars ($120,000) per year.\n' },
    ],
  },
  check({ model, textView, report }) {
    for (const dual of model.numbers) {
      if (dual.wordValue === null || dual.digitValue === null || dual.wordValue === dual.digitValue) continue;
      const parts = locate(textView, dual);
      const fixes: Fix[] = [];
      if (parts) {
        const oldWords = textView.slice(parts.words.start, parts.words.end);
        const digitWords = numberToWords(dual.digitValue);
        if (digitWords !== null) {
          const newText = matchCase(oldWords, digitWords);
          fixes.push({
            label: `Write the words as "${newText}" (${dual.digitValue})`,
            edits: [{ range: parts.words, newText }],
            safe: false,
          });
        }
        const oldDigits = textView.slice(parts.digits.start, parts.digits.end);
        const newDigits = formatDigits(
          dual.wordValue,
          oldDigits.includes(',') || (dual.wordValue >= 10_000 && /^\$/.test(dual.digits)),
        );
        fixes.push({
          label: `Write the digits as "${newDigits}" (${dual.words})`,
          edits: [{ range: parts.digits, newText: newDigits }],
          safe: false,
        });
      }
      report({
        messageId: 'mismatch',
        data: {
          written: textView.slice(dual.range.start, dual.range.end).replace(/\s+/g, ' '),
          wordValue: dual.wordValue,
          digitValue: dual.digitValue,
        },
        range: dual.range,
        fixes,
      });
    }
  },
};
