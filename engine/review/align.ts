/**
 * Aligns a paragraph's slice of the text view with the characters Word shows for it. The text
 * view adds things Word does not have (a written-out numbering label, Markdown escapes and
 * emphasis markers, table pipes, collapsed or added spaces), so the two are compared as a
 * character diff (Myers' O(ND)) over normalised characters: every view character that matches a
 * Word character maps to it; the rest are markup.
 */

/** Differences beyond which a paragraph is not aligned character by character (cost O(D²) memory). */
export const MAX_EDIT_DISTANCE = 1500;

/** For each view character, the Word character it is, or -1; undefined when alignment gave up. */
export function alignText(view: string, word: string): Int32Array | undefined {
  const a = normalise(view);
  const b = normalise(word);
  const map = new Int32Array(a.length).fill(-1);
  // Common prefix and suffix first: most paragraphs differ only at their edges.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    map[head] = head;
    head++;
  }
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    map[a.length - 1 - tail] = b.length - 1 - tail;
    tail++;
  }
  const pairs = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  if (!pairs) return undefined;
  for (const [i, j] of pairs) map[head + i] = head + j;
  return map;
}

/** Case, whitespace, quotes and dashes are compared loosely: the renderers change them. */
function normalise(text: string): string {
  // Code unit by code unit: offsets on both sides count UTF-16 units.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    if (code === 0xa0 || /\s/.test(ch)) out += ' ';
    else if ('\u2018\u2019\u201a\u201b\u2032`'.includes(ch)) out += "'";
    else if ('\u201c\u201d\u201e\u201f\u2033'.includes(ch)) out += '"';
    else if (code >= 0x2010 && code <= 0x2015) out += '-';
    else {
      const lower = ch.toLowerCase();
      out += lower.length === 1 ? lower : ch;
    }
  }
  return out;
}

/** Matched index pairs of a shortest edit script, or undefined past MAX_EDIT_DISTANCE. */
function myers(a: string, b: string): Array<[number, number]> | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)))
        x = v[offset + k + 1] as number;
      else x = (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: string, b: string, last: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d > 0; d--) {
    // trace[d] holds v for k in [-d-1, d+1] as it was before step d.
    const v = trace[d] as Int32Array;
    const at = (k: number) => v[k + d + 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    pairs.push([x, y]);
  }
  return pairs.reverse();
}
