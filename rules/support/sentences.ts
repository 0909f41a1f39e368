import type { ContractModel, Paragraph, Range, Sentence } from '../../engine/model/types.js';
import { toViewRange } from '../../engine/text/block-text.js';

export interface SentenceRef {
  paragraph: number;
  sentence: Sentence;
  text: string;
  range: Range;
}

/** Every sentence of the agreement with its paragraph index, in document order. */
export function* sentences(model: ContractModel): Generator<SentenceRef> {
  const { paragraphs } = model;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!p) continue;
    for (const s of p.sentences) yield { paragraph: i, sentence: s, text: s.text, range: s.range };
  }
}

/** Text-view range of [start, end) given as offsets into a sentence's plain text. */
export function sentenceRange(paragraph: Paragraph, sentence: Sentence, start: number, end: number): Range {
  return toViewRange(paragraph, sentence.offset + start, sentence.offset + end);
}

/** Looks up the plain text of a sentence (or heading) by its text-view range start. */
export function sentenceTextIndex(model: ContractModel): (range: Range) => string {
  const byStart = new Map<number, string>();
  for (const p of model.paragraphs) {
    byStart.set(p.range.start, p.text);
    for (const s of p.sentences) byStart.set(s.range.start, s.text);
  }
  return (range) => byStart.get(range.start) ?? '';
}
