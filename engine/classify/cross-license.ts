import type { ContractModel } from '../model/types.js';
import { type Grant, readGrants } from './grants.js';
import { profileAgreement } from './profile.js';
import { spacesToOne } from './sentence-text.js';
import type { ClauseIndex } from './types.js';

/**
 * Cross-license questions, answered from the grant reader (`grants.ts`) and the agreement profile
 * (`profile.ts`): the licence grants of an agreement, whether it is a cross-license, and whether
 * it makes an exclusive commitment.
 */

export type { Grant } from './grants.js';

/** Present grants and covenants not to sue, in document order (not promises to grant, not denials). */
export function grantsOf(model: ContractModel, _clauses?: ClauseIndex): Grant[] {
  return readGrants(model).filter((g) => g.kind === 'grant' || g.kind === 'covenant');
}

/** A cross-license: the title or recitals say so, or licences run both ways between the sides. */
export function isCrossLicense(model: ContractModel, clauses: ClauseIndex): boolean {
  return profileAgreement(model, clauses).crossLicence;
}

/** A present grant of the agreement is exclusive (or partially exclusive). */
export function grantsExclusively(model: ContractModel, clauses?: ClauseIndex): boolean {
  return grantsOf(model, clauses).some((g) => g.exclusivity === 'exclusive' || g.exclusivity === 'partial');
}

/** Exclusivity evidence that is not about remedies, ownership, recitals or third parties' licences. */
const NOT_A_COMMITMENT =
  /^\s*(?:WHEREAS|Whereas)\b|\bexclusive of\b|\b(?:sole and )?exclusive (?:property|remed\w*|owner\w*|right, title)\b|\bmay have\b[^.;]{0,80}\bexclusive licen|\breserves? the right to grant\b[^.;]{0,80}\bexclusive\b|\[\s*\]\s*(?:Yes|No)\b/i;
const COMMITMENT_WORDS =
  /\bexclusive(?:ly)?\b|\bsole\b|\bsolely\b|\bonly\b|\brequirements\b|\bnot\b[^.;]{0,60}\b(?:appoint|compet|grant|sell|license)/i;

/**
 * An exclusive commitment (CUAD "Exclusivity" sense): the classifier's evidence without
 * exclusive-of-remedies, ownership, recital and third-party sentences, a heading only when the text
 * under it says so, or an exclusive grant.
 */
export function hasExclusivity(model: ContractModel, clauses: ClauseIndex): boolean {
  for (const h of clauses.hits('exclusivity')) {
    const paragraph = model.paragraphs[h.paragraph];
    if (!paragraph) continue;
    if (h.source === 'heading') {
      const body = spacesToOne(paragraph.text);
      if (COMMITMENT_WORDS.test(body.replace(/\bexclusivity\b/gi, '')) && !NOT_A_COMMITMENT.test(body))
        return true;
      continue;
    }
    const s = paragraph.sentences.find((x) => x.range.start === h.range.start);
    if (s && !NOT_A_COMMITMENT.test(spacesToOne(s.text))) return true;
  }
  return grantsExclusively(model, clauses);
}
