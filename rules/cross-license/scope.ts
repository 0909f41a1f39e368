import { type Grant, partyGrants } from '../../engine/classify/cross-license.js';
import type { ClauseIndex } from '../../engine/classify/types.js';
import type { ContractModel } from '../../engine/model/types.js';
import { labelledText } from './support.js';

/** Grants whose scope is their own (not grant-backs or "on the same terms" grants). */
export function scopedGrants(model: ContractModel, clauses: ClauseIndex): Grant[] {
  return partyGrants(model, clauses).filter((g) => !g.derivative && !g.grantBack);
}

/** "The licences granted in this Article are limited to the Field of Use." */
const FIELD_FOR_ALL =
  /\blicen[cs]es?\b[^.;\n]{0,120}\b(?:limited to|only (?:in|within)|within|in) the (?:[\w-]+ ){0,2}Field\b|\blicen[cs]es?\b[^.;\n]{0,120}\b(?:in|for) (?:all|any) fields?\b/i;
const TERRITORY_FOR_ALL =
  /\blicen[cs]es?\b[^.;\n]{0,120}\b(?:worldwide|world-wide|throughout the world|in the (?:[\w-]+ )?Territory|(?:limited|restricted) to [^.;\n]{0,40}\b(?:countr|territor))/i;

export function fieldForAll(model: ContractModel, clauses: ClauseIndex): boolean {
  return FIELD_FOR_ALL.test(labelledText(model, clauses, ['license-grant', 'field-of-use']));
}

export function territoryForAll(model: ContractModel, clauses: ClauseIndex): boolean {
  return TERRITORY_FOR_ALL.test(labelledText(model, clauses, ['license-grant', 'territory']));
}
