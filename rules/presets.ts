import type { Preset } from '../engine/config/resolve.js';
import type { Rule } from '../engine/lint/rule.js';

/**
 * recommended (the default): every rule at its default severity; the cross-license pack runs on
 * the agreements it applies to (each pack rule's `appliesTo`: cross-licenses, or any licence).
 * strict: the same, with informational findings raised to warnings.
 * cross-license: the pack runs on every agreement, whatever it looks like.
 */
export function buildPresets(coreRules: Rule<object>[], packRules: Rule<object>[]): Record<string, Preset> {
  const severities = (rules: Rule<object>[], raise: boolean) =>
    Object.fromEntries(
      rules.map((r) => [r.id, raise && r.defaultSeverity === 'info' ? 'warning' : r.defaultSeverity]),
    );
  const packIds = packRules.map((r) => r.id);
  return {
    recommended: {
      description:
        'Every rule at its default severity; the cross-license checks run on cross-licenses and licences.',
      rules: { ...severities(coreRules, false), ...severities(packRules, false) },
      gated: packIds,
    },
    strict: {
      description: 'As recommended, with informational findings raised to warnings.',
      rules: { ...severities(coreRules, true), ...severities(packRules, true) },
      gated: packIds,
    },
    'cross-license': {
      description: 'Every rule, the cross-license checks on every agreement.',
      rules: { ...severities(coreRules, false), ...severities(packRules, false) },
    },
  };
}
