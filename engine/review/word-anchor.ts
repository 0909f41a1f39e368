import type { Element } from '@xmldom/xmldom';
import type { Range, WordParagraphSpan } from '../model/types.js';
import { alignText } from './align.js';
import { type ParagraphText, paragraphText } from './word-text.js';

/** A place between two characters of a Word paragraph's text (see word-text.ts). */
export interface WordPoint {
  /** 1-based Word body paragraph, as in LoadedDocument.wordParagraphs. */
  paragraph: number;
  offset: number;
}

/**
 * Where a text-view range lies in Word. `words`: on the characters the range covers, and `exact`
 * when their letters and digits are the same as the range's. `paragraph`: the range could not be
 * matched to characters (an empty range, a written-out number label, a paragraph too different to
 * align), so it covers the whole paragraph it falls in.
 */
export interface WordAnchor {
  start: WordPoint;
  end: WordPoint;
  kind: 'words' | 'paragraph';
  exact: boolean;
}

interface Aligned {
  span: WordParagraphSpan;
  word: ParagraphText;
  /** View offset (relative to span.start) → Word offset, or undefined when alignment gave up. */
  map: Int32Array | undefined;
}

/** Maps text-view ranges of one loaded Word document to places in its body paragraphs. */
export class WordAnchors {
  private readonly aligned = new Map<number, Aligned>();
  /** Spans with text, in text-view order. */
  private readonly live: WordParagraphSpan[];

  constructor(
    private readonly textView: string,
    spans: WordParagraphSpan[],
    private readonly paragraphs: Element[],
  ) {
    this.live = spans
      .filter((s) => s.range.end > s.range.start && paragraphs[s.index - 1] !== undefined)
      .sort((a, b) => a.range.start - b.range.start || a.index - b.index);
  }

  /** The Word characters of one paragraph as they are now (callers re-read after edits). */
  text(index: number): ParagraphText {
    return paragraphText(this.paragraphs[index - 1] as Element);
  }

  anchor(range: Range): WordAnchor | undefined {
    const s = range.start;
    const e = Math.max(range.end, s);
    const overlapping = this.live.filter((span) => span.range.start < e && span.range.end > s);
    if (s === e || overlapping.length === 0) return this.paragraphAnchor(s);
    let start: WordPoint | undefined;
    let end: WordPoint | undefined;
    for (const span of overlapping) {
      const from = Math.max(s, span.range.start) - span.range.start;
      const to = Math.min(e, span.range.end) - span.range.start;
      const { map, word } = this.align(span);
      if (!map) {
        start ??= { paragraph: span.index, offset: 0 };
        end = { paragraph: span.index, offset: word.text.length };
        continue;
      }
      for (let i = from; i < to && !start; i++) {
        const j = map[i] as number;
        if (j >= 0) start = { paragraph: span.index, offset: j };
      }
      for (let i = to - 1; i >= from; i--) {
        const j = map[i] as number;
        if (j >= 0) {
          end = { paragraph: span.index, offset: j + 1 };
          break;
        }
      }
    }
    if (!start || !end) return this.paragraphAnchor(s);
    return { start, end, kind: 'words', exact: this.sameLetters({ start: s, end: e }, start, end) };
  }

  /** The Word text between two points, paragraphs joined by a newline. */
  wordsBetween(start: WordPoint, end: WordPoint): string {
    let out = '';
    for (let p = start.paragraph; p <= end.paragraph; p++) {
      const text = this.align(this.spanOf(p)).word.text;
      const from = p === start.paragraph ? start.offset : 0;
      const to = p === end.paragraph ? end.offset : text.length;
      out += (p === start.paragraph ? '' : '\n') + text.slice(from, to);
    }
    return out;
  }

  /**
   * Exact when the letters and digits of the range are those of the Word text between the two
   * points. A written-out numbering label at the start of a paragraph (the view characters before
   * its first one matched to Word) is Word's automatic number, not text a comment can cover.
   */
  private sameLetters(range: Range, start: WordPoint, end: WordPoint): boolean {
    let view = '';
    for (const span of this.live) {
      if (span.range.end <= range.start || span.range.start >= range.end) continue;
      const { map } = this.align(span);
      const from = Math.max(range.start, span.range.start);
      const to = Math.min(range.end, span.range.end);
      let label = span.range.start;
      if (map) {
        const first = map.findIndex((j) => j >= 0);
        label = span.range.start + (first < 0 ? map.length : first);
      }
      view += this.textView.slice(Math.max(from, label), to);
    }
    return lettersOf(view) === lettersOf(this.wordsBetween(start, end));
  }

  /** Empty or unmatched ranges: the paragraph holding the offset, or the next one with text. */
  private paragraphAnchor(offset: number): WordAnchor | undefined {
    const span =
      this.live.find((s) => s.range.start <= offset && offset < s.range.end) ??
      this.live.find((s) => s.range.start >= offset) ??
      this.live[this.live.length - 1];
    if (!span) return undefined;
    const length = this.align(span).word.text.length;
    return {
      start: { paragraph: span.index, offset: 0 },
      end: { paragraph: span.index, offset: length },
      kind: 'paragraph',
      exact: false,
    };
  }

  private spanOf(index: number): WordParagraphSpan {
    const span = this.live.find((s) => s.index === index);
    return span ?? { index, range: { start: 0, end: 0 } };
  }

  private align(span: WordParagraphSpan): Aligned {
    const cached = this.aligned.get(span.index);
    if (cached) return cached;
    const word = this.text(span.index);
    const view = this.textView.slice(span.range.start, span.range.end);
    const aligned = { span, word, map: alignText(view, word.text) };
    this.aligned.set(span.index, aligned);
    return aligned;
  }
}

/** Letters and digits only, case-folded: what must match for an anchor to count as exact. */
export function lettersOf(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}
