import type { Catalog } from '../engine/config/resolve.js';
import type { Rule } from '../engine/lint/rule.js';
import { clauseRules } from './catalog-clauses.js';
import { hygieneRules } from './catalog-hygiene.js';
import { buildPresets } from './presets.js';
import { suppressionRules } from './suppression-rules.js';

/** Every rule, in the order the docs list them. */
export const rules: Rule<object>[] = [...clauseRules, ...hygieneRules, ...suppressionRules] as Rule<object>[];

/** The catalogue the config layer and the adapters use. */
export const catalog: Catalog = {
  rules,
  presets: buildPresets(rules),
  defaultPreset: 'recommended',
};

export function findRule(id: string): Rule<object> | undefined {
  return rules.find((r) => r.id === id);
}
