/**
 * Number ↔ words helpers for `number-word-mismatch`: "35" → "thirty-five", written in the case
 * style of the words it replaces ("Thirty-Five", "THIRTY-FIVE", "thirty-five").
 */

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Array<[number, string]> = [
  [1_000_000_000_000, 'trillion'],
  [1_000_000_000, 'billion'],
  [1_000_000, 'million'],
  [1_000, 'thousand'],
];

function belowThousand(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) parts.push(`${ONES[hundreds]} hundred`);
  if (rest > 0 || hundreds === 0) {
    if (rest < 20) parts.push(ONES[rest] as string);
    else {
      const tens = TENS[Math.floor(rest / 10)] as string;
      const ones = rest % 10;
      parts.push(ones === 0 ? tens : `${tens}-${ONES[ones]}`);
    }
  }
  return parts.join(' ');
}

/**
 * Writes a non-negative integer in words, the way agreements do: "one hundred twenty",
 * "thirty-five", "ten thousand". Returns null for fractions, negatives and numbers of a
 * quadrillion or more.
 */
export function numberToWords(n: number): string | null {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000_000_000_000) return null;
  if (n < 1000) return belowThousand(n);
  const parts: string[] = [];
  let rest = n;
  for (const [value, name] of SCALES) {
    if (rest >= value) {
      parts.push(`${belowThousand(Math.floor(rest / value))} ${name}`);
      rest %= value;
    }
  }
  if (rest > 0) parts.push(belowThousand(rest));
  return parts.join(' ');
}

/** Writes `words` (lower case) in the case style of `model`: UPPER, Title-Case or lower. */
export function matchCase(model: string, words: string): string {
  const letters = model.replace(/[^A-Za-z]/g, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return words.toUpperCase();
  const tokens = model.split(/[\s-]+/).filter((t) => /[A-Za-z]/.test(t) && t.toLowerCase() !== 'and');
  const capitalised = tokens.filter((t) => /^[A-Z]/.test(t)).length;
  if (tokens.length > 0 && capitalised === tokens.length) {
    return words.replace(/(^|[\s-])([a-z])/g, (_whole, sep: string, c: string) => `${sep}${c.toUpperCase()}`);
  }
  if (/^[A-Z]/.test(model)) return words.charAt(0).toUpperCase() + words.slice(1);
  return words;
}

/** Writes a number with thousands separators when `withCommas` ("10000" → "10,000"). */
export function formatDigits(n: number, withCommas: boolean): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = withCommas ? (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : (whole as string);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
