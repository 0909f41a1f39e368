import type { Preset } from '../engine/config/resolve.js';
import type { Rule } from '../engine/lint/rule.js';

/**
 * recommended: every rule at its default severity.
 * strict: every rule on, and what recommended reports as info becomes a warning.
 */
export function buildPresets(rules: Rule<object>[]): Record<string, Preset> {
  const recommended: Preset = {
    description: 'Every core rule at its default severity.',
    rules: Object.fromEntries(rules.map((r) => [r.id, r.defaultSeverity])),
  };
  const strict: Preset = {
    description: 'Every core rule on; informational findings are raised to warnings.',
    rules: Object.fromEntries(
      rules.map((r) => [r.id, r.defaultSeverity === 'info' ? 'warning' : r.defaultSeverity]),
    ),
  };
  return { recommended, strict };
}
