import type { ContractModel, Range } from '../../engine/model/types.js';

/**
 * Where to put a finding about something missing from the whole agreement: the title when
 * there is one (the first heading), otherwise the first paragraph. Kept short so an editor
 * underlines a few words, not the whole document.
 */
export function documentAnchor(model: ContractModel): Range {
  const first = model.paragraphs.find((p) => p.kind === 'heading') ?? model.paragraphs[0];
  if (!first) return { start: 0, end: 0 };
  const sentence = first.sentences[0]?.range ?? first.range;
  return { start: sentence.start, end: Math.min(sentence.end, sentence.start + 120) };
}

/** Anchor near a related section when there is one (e.g. the termination section for its effects). */
export function sectionAnchor(model: ContractModel, sectionId: string | undefined): Range | undefined {
  if (!sectionId) return undefined;
  const stack = [...model.sections];
  while (stack.length) {
    const s = stack.shift();
    if (!s) break;
    if (s.id === sectionId) return s.headingRange;
    stack.unshift(...s.children);
  }
  return undefined;
}
