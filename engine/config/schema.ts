import type { JsonSchema, Rule } from '../lint/rule.js';

const SEVERITIES = ['off', 'info', 'warning', 'error'];

/**
 * The JSON Schema of `.contractlintrc.*`, built from the rules' metadata so a new rule or option
 * is validated (and offered in editors) without touching the config code.
 */
export function buildConfigSchema(rules: Rule<object>[], presets: string[]): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    const severity = { enum: SEVERITIES, description: 'off, info, warning or error' };
    const options = rule.options?.schema ?? { type: 'object', additionalProperties: false, properties: {} };
    ruleProperties[rule.id] = {
      description: `${rule.description} (default: ${rule.defaultSeverity})`,
      oneOf: [
        severity,
        { type: 'array', prefixItems: [severity, options], items: false, minItems: 1, maxItems: 2 },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://contract-lint.dev/contractlintrc.schema.json',
    title: 'contract-lint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for config files in parent folders.' },
      extends: {
        description: `Presets (${presets.join(', ')}) or relative paths of .json/.yaml config files to build on.`,
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      preset: { enum: presets, description: 'The rule preset for these files.' },
      rules: {
        type: 'object',
        description: 'Rule severities ("off", "info", "warning", "error") or [severity, options].',
        propertyNames: { enum: rules.map((r) => r.id) },
        properties: ruleProperties,
      },
      ignore: {
        type: 'array',
        items: { type: 'string' },
        description: 'Files not to lint (gitignore syntax, relative to this file).',
      },
    },
  };
}
