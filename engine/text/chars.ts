/** Character tests on UTF-16 code units, for scanners that avoid a regex per character. */

/** JavaScript's `\s` (and what `String.prototype.trim` removes). */
export function isJsSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `\s` without the line breaks \n and \r: space within one line. */
export function isLineSpace(code: number): boolean {
  return code !== 10 && code !== 13 && isJsSpace(code);
}

/**
 * True when text[start, end) has more than `max` words separated by `\s` (what
 * `text.slice(start, end).split(/\s+/).filter(Boolean)` would count), without splitting: a sticky
 * regex reads up to word max + 1. (A loop over the characters is slower: the texts come as
 * slices, joined strings and copies, and reading characters from all of them is the slow path.)
 */
export function moreWordsThan(text: string, max: number, start = 0, end = text.length): boolean {
  let words = wordLimits.get(max);
  if (!words) {
    words = new RegExp(`\\s*(?:\\S+\\s+){${max}}\\S`, 'y');
    wordLimits.set(max, words);
  }
  words.lastIndex = start;
  // The first character of word max + 1 must lie before `end`.
  return words.test(text) && words.lastIndex <= end;
}

/** `moreWordsThan`'s regexes, by `max`. */
const wordLimits = new Map<number, RegExp>();
