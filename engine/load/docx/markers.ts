/**
 * Paragraph markers: private-use characters carrying a Word paragraph index through mammoth and
 * the Markdown pipeline, so the final text can be mapped back to Word paragraphs. Markers sit at
 * the END of each paragraph, so the start of a line still looks like the real text and
 * remark-stringify escapes it correctly (e.g. "1\. " that would otherwise start a list).
 */

export const MARKER_OPEN = '\uE000';
export const MARKER_CLOSE = '\uE001';

export function markerFor(index: number): string {
  return `${MARKER_OPEN}${index}${MARKER_CLOSE}`;
}

/** Either marker character, raw or as a character reference (stringify may encode one next to markup). */
const MARKER = /(?:\uE000|&#x[eE]000;|&#57344;)(\d+)(?:\uE001|&#x[eE]001;|&#57345;)/g;

const LEADING_MARKER = new RegExp(`^${MARKER.source}`);

export interface StrippedText {
  text: string;
  /** Word paragraph index → offset in `text` where its marker was (the end of its content). */
  ends: Map<number, number>;
}

/**
 * Removes the markers, with the horizontal whitespace just before a marker that ends a line, and
 * the lines that held nothing but markers (empty Word paragraphs), keeping offsets exact.
 */
export function stripMarkers(marked: string): StrippedText {
  let text = '';
  const ends = new Map<number, number>();
  let last = 0;
  for (const match of marked.matchAll(MARKER)) {
    const at = match.index;
    let chunk = marked.slice(last, at);
    const after = marked.slice(at + match[0].length, at + match[0].length + 32);
    if (/^(?:[\r\n]|$)/.test(after) || LEADING_MARKER.test(after)) chunk = chunk.replace(/[ \t]+$/, '');
    text += chunk;
    const index = Number(match[1]);
    if (!ends.has(index)) ends.set(index, text.length);
    // Another paragraph continues on the same line (several Word paragraphs in one table cell):
    // keep the words apart.
    if (/^[^\s|\uE000&]/.test(after) && /\S$/.test(text)) text += ' ';
    last = at + match[0].length;
  }
  text += marked.slice(last);
  return dropEmptyLines(text, ends);
}

/**
 * An empty Word paragraph leaves a line that is blank, or only list/heading syntax, once its
 * marker is gone. Remove such lines and collapse the blank lines around them to one, remapping
 * the recorded offsets.
 */
function dropEmptyLines(text: string, ends: Map<number, number>): StrippedText {
  const lines = text.split('\n');
  // Where each line starts in `text` and in `out`, and whether it was kept as is: an offset
  // inside a kept line moves with it; one inside a dropped or blank line goes to where it was.
  const lineStarts: number[] = [];
  const outStarts: number[] = [];
  const exactLines: boolean[] = [];
  let out = '';
  let offset = 0;
  let blankRun = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const isLast = i === lines.length - 1;
    const lineWithBreak = isLast ? line : `${line}\n`;
    const syntaxOnly = /^\s*(?:#{1,6}|[-*+]|\d+[.)])?\s*$/.test(line);
    const isBlank = line.trim() === '';
    let keep = true;
    if (syntaxOnly && !isBlank) keep = false;
    if (isBlank) {
      blankRun++;
      // Leading blank lines and runs of more than one blank line carry nothing.
      if (blankRun > 1 || out.length === 0) keep = false;
    } else if (keep) blankRun = 0;
    lineStarts.push(offset);
    outStarts.push(out.length);
    exactLines.push(keep && !isBlank);
    if (keep) out += isBlank ? '\n' : lineWithBreak;
    offset += lineWithBreak.length;
  }
  const total = out.length;
  /** Where offset `at` of `text` lands in the text before its trailing whitespace is trimmed. */
  const remap = (at: number): number => {
    if (at >= text.length) return total;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    const start = outStarts[low] as number;
    return exactLines[low] ? start + (at - (lineStarts[low] as number)) : start;
  };
  out = `${out.replace(/\s+$/, '')}\n`;
  const remapped = new Map<number, number>();
  for (const [index, at] of ends) remapped.set(index, Math.min(remap(at), out.length));
  return { text: out, ends: remapped };
}
