import type { Catalog } from '../engine/config/resolve.js';
import type { Rule } from '../engine/lint/rule.js';
import { clauseRules } from './catalog-clauses.js';
import { hygieneRules } from './catalog-hygiene.js';
import { crossLicenseRules } from './cross-license/index.js';
import { buildPresets } from './presets.js';
import { suppressionRules } from './suppression-rules.js';

const coreRules: Rule<object>[] = [...clauseRules, ...hygieneRules, ...suppressionRules] as Rule<object>[];

/** Every rule, in the order the docs list them. */
export const rules: Rule<object>[] = [...coreRules, ...crossLicenseRules];

/** The catalogue the config layer and the adapters use. */
export const catalog: Catalog = {
  rules,
  presets: buildPresets(coreRules, crossLicenseRules),
  defaultPreset: 'recommended',
};

export function findRule(id: string): Rule<object> | undefined {
  return rules.find((r) => r.id === id);
}
