import type { ContractModel } from '../model/types.js';

const TITLE =
  /\b(?:agreement|contract|licen[cs]e|terms(?: of (?:service|use))?|addendum|amendment|deed|lease|memorandum of understanding|statement of work|order form|NDA|SAFE|policy)\b/i;
const RECITALS = /^(?:recitals|background|whereas\b|witnesseth)/i;
const THIS_AGREEMENT = /\bthis\b[^.]{0,80}\b(?:agreement|contract)\b/i;
const BETWEEN = /\b(?:by and between|between)\b[^.]{3,300}\band\b/i;

/**
 * Whether a document reads like an agreement: an agreement-like title, a preamble naming the
 * parties, recitals, or a run of "X means …" definitions. The editor lints other Markdown (a
 * README, meeting notes) only when a config file asks for it, so a drafter's notes are not told
 * they lack a termination clause.
 */
export function looksLikeAgreement(model: ContractModel): boolean {
  if (model.title && TITLE.test(model.title)) return true;
  if (model.parties.length > 0) return true;
  const early = model.paragraphs.slice(0, 15);
  // A short title line ("TECHNOLOGY LICENSE AGREEMENT") or "This … Agreement is made…".
  if (early.some((p) => (p.kind === 'heading' || p.text.split(/\s+/).length <= 14) && TITLE.test(p.text)))
    return true;
  if (early.some((p) => THIS_AGREEMENT.test(p.text))) return true;
  if (
    early.some(
      (p) => BETWEEN.test(p.text) && /\bagree|\bcorporation|\bcompany|\bLLC\b|\bInc\b|\bLtd\b/i.test(p.text),
    )
  )
    return true;
  if (model.paragraphs.some((p) => RECITALS.test(p.text.trim()))) return true;
  return model.definitions.filter((d) => d.style === 'means' || d.style === 'shall-mean').length >= 3;
}
