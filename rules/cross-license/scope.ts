import type { Grant } from '../../engine/classify/grants.js';
import { profileAgreement } from '../../engine/classify/profile.js';
import { spacesToOne } from '../../engine/classify/sentence-text.js';
import type { ClauseIndex } from '../../engine/classify/types.js';
import type { ContractModel, Range } from '../../engine/model/types.js';
import { RangeSet } from '../../engine/text/ranges.js';
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

/**
 * Whether a sentence of the grant (or field / territory) clauses that is not a grant itself, nor
 * inside a definition, matches `pattern` (whitespace collapsed). Stops at the first that does.
 */
function someScopeStatement(
  model: ContractModel,
  clauses: ClauseIndex,
  type: 'field-of-use' | 'territory',
  pattern: RegExp,
): boolean {
  const grantStarts = new Set(profileAgreement(model, clauses).grants.map((g) => g.range.start));
  const inDefinition = offsetTest(model.definitions.map((d) => d.definitionRange));
  for (const [i, p] of model.paragraphs.entries()) {
    const labels = clauses.labelsOf(i);
    if (!labels.includes('license-grant') && !labels.includes(type)) continue;
    for (const s of p.sentences) {
      if (grantStarts.has(s.range.start) || inDefinition(s.range.start)) continue;
      if (pattern.test(spacesToOne(s.text))) return true;
    }
  }
  return false;
}

/** A test for "the offset lies in one of the ranges", by binary search over their union. */
function offsetTest(ranges: Range[]): (offset: number) => boolean {
  const union = new RangeSet(ranges);
  return (offset) => union.overlaps(offset, offset + 1);
}

export function fieldForAll(model: ContractModel, clauses: ClauseIndex): boolean {
  return someScopeStatement(model, clauses, 'field-of-use', FIELD_FOR_ALL);
}

export function territoryForAll(model: ContractModel, clauses: ClauseIndex): boolean {
  return someScopeStatement(model, clauses, 'territory', TERRITORY_FOR_ALL);
}
