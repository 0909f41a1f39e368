import type { Grant } from '../../engine/classify/grants.js';
import { profileAgreement } from '../../engine/classify/profile.js';
import type { ClauseIndex } from '../../engine/classify/types.js';
import type { ContractModel } from '../../engine/model/types.js';
import { exclusiveGrants } from '../support/profile.js';

/**
 * Exclusive grants whose scope is their own (not grant-backs or "on the same terms" grants). Field
 * and territory are judged on these: a silent non-exclusive licence costs the licensor nothing
 * it has not kept, while a silent exclusive one may shut it out of every field and country.
 */
export function scopedExclusiveGrants(model: ContractModel, clauses: ClauseIndex): Grant[] {
  return exclusiveGrants(profileAgreement(model, clauses)).filter((g) => !g.derivative);
}

/** "The licences granted in this Article are limited to the Field of Use." */
const FIELD_FOR_ALL =
  /\blicen[cs]es?\b[^.;\n]{0,120}\b(?:limited to|only (?:in|within)|within|in) the (?:[\w-]+ ){0,2}Field\b|\blicen[cs]es?\b[^.;\n]{0,120}\b(?:in|for) (?:all|any) fields?\b/i;
const TERRITORY_FOR_ALL =
  /\blicen[cs]es?\b[^.;\n]{0,120}\b(?:worldwide|world-wide|throughout the world|in the (?:[\w-]+ )?Territory|(?:limited|restricted) to [^.;\n]{0,40}\b(?:countr|territor))/i;

/** Sentences of the grant (and field / territory) clauses that are not grants themselves. */
function scopeStatements(
  model: ContractModel,
  clauses: ClauseIndex,
  type: 'field-of-use' | 'territory',
): string[] {
  const grantStarts = new Set(profileAgreement(model, clauses).grants.map((g) => g.range.start));
  const definitions = model.definitions.map((d) => d.definitionRange);
  const out: string[] = [];
  model.paragraphs.forEach((p, i) => {
    const labels = clauses.labelsOf(i);
    if (!labels.includes('license-grant') && !labels.includes(type)) return;
    for (const s of p.sentences) {
      if (grantStarts.has(s.range.start)) continue;
      if (definitions.some((d) => d.start <= s.range.start && s.range.start < d.end)) continue;
      out.push(s.text.replace(/\s+/g, ' '));
    }
  });
  return out;
}

export function fieldForAll(model: ContractModel, clauses: ClauseIndex): boolean {
  return scopeStatements(model, clauses, 'field-of-use').some((s) => FIELD_FOR_ALL.test(s));
}

export function territoryForAll(model: ContractModel, clauses: ClauseIndex): boolean {
  return scopeStatements(model, clauses, 'territory').some((s) => TERRITORY_FOR_ALL.test(s));
}
