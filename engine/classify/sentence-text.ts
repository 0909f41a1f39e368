import type { ContractModel } from '../model/types.js';

const cache = new WeakMap<ContractModel, string[]>();

/**
 * Every sentence's text with its whitespace runs collapsed to one space (filing copies keep the
 * PDF's line breaks and double spaces), in document order: paragraph by paragraph, sentence by
 * sentence. Computed once per model for every reader of the agreement's sentences.
 */
export function collapsedSentences(model: ContractModel): readonly string[] {
  let texts = cache.get(model);
  if (!texts) {
    texts = [];
    for (const p of model.paragraphs) for (const s of p.sentences) texts.push(collapseSpaces(s.text));
    cache.set(model, texts);
  }
  return texts;
}

/**
 * Whitespace runs to one space, without a regex pass when there is nothing to collapse. The
 * runs replaced are those that are not already one space: the same text as replacing every
 * `\s+`, with a match only where something changes instead of at every word gap.
 */
export function collapseSpaces(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? text.replace(SPACE_TO_COLLAPSE, ' ') : text;
}

/**
 * `text.replace(/\s+/g, ' ')`: every whitespace run to one space. The runs replaced are only those
 * that change (see `collapseSpaces`), not every gap between two words, so a text with nothing to
 * change costs a pass of the pattern and comes back as it is, without a copy.
 */
export function spacesToOne(text: string): string {
  return text.replace(SPACE_TO_COLLAPSE, ' ');
}

/** Two or more whitespace characters, or one that is not a space. */
const SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;
