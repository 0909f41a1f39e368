import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Ajv2020 as Ajv2020Class, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Rule } from '../lint/rule.js';
import { closest } from '../text/suggest.js';
import { type FoundConfig, findConfigFiles, readConfigData } from './discover.js';
import { buildConfigSchema } from './schema.js';
import {
  ConfigError,
  type ConfigFile,
  type ResolvedConfig,
  type RuleConfig,
  type RuleSetting,
  type SeveritySetting,
} from './types.js';

export interface Preset {
  description: string;
  /** Rule severities of the preset; rules not named are off. */
  rules: Record<string, SeveritySetting>;
  /** Rules the preset runs only on agreements they apply to (see `Rule.appliesTo`). */
  gated?: string[];
}

/** What the config layer needs to know of the rule catalogue. */
export interface Catalog {
  rules: Rule<object>[];
  presets: Record<string, Preset>;
  defaultPreset: string;
}

export interface EffectiveRule {
  rule: Rule<object>;
  severity: Exclude<SeveritySetting, 'off'>;
  options: Record<string, unknown>;
  /** Turned on by the preset for the agreements it applies to only. */
  gated?: boolean;
}

/**
 * Finds, validates and merges the config for each linted file. Folders are cached, so a batch
 * of thousands of files reads each config file once.
 */
export class ConfigResolver {
  /** Compiled on first use: most folders have no config file, and compiling costs ~100 ms. */
  private validator: ValidateFunction | undefined;
  private readonly folderCache = new Map<string, FoundConfig | null>();
  private readonly resolvedCache = new Map<string, ResolvedConfig>();
  private readonly validated = new Set<string>();

  constructor(
    readonly catalog: Catalog,
    /** A config given on the command line (--config): used instead of discovery. */
    private readonly explicitConfigPath?: string,
  ) {}

  private get validate(): ValidateFunction {
    if (!this.validator) {
      const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as {
        Ajv2020: typeof Ajv2020Class;
      };
      const ajv = new Ajv2020({ allErrors: false, strict: false, verbose: true });
      this.validator = ajv.compile(buildConfigSchema(this.catalog.rules, Object.keys(this.catalog.presets)));
    }
    return this.validator;
  }

  /** The merged config for a file (not yet applied to the presets and defaults). */
  forFile(filePath: string): ResolvedConfig {
    const dir = dirname(resolve(filePath));
    const cached = this.resolvedCache.get(dir);
    if (cached) return cached;
    const chain = this.explicitConfigPath
      ? [
          {
            path: resolve(this.explicitConfigPath),
            config: readConfigData(resolve(this.explicitConfigPath)) as ConfigFile,
          },
        ]
      : findConfigFiles(dir, this.folderCache);
    const resolved: ResolvedConfig = { files: [], rules: {}, ignore: [] };
    // Farthest first, so nearer files override.
    for (const found of [...chain].reverse()) this.apply(found, resolved, new Set());
    this.resolvedCache.set(dir, resolved);
    return resolved;
  }

  /** The rules to run for a file, with severities and options. */
  effectiveRules(
    config: ResolvedConfig,
    overrides: { preset?: string; rules?: Record<string, RuleSetting> } = {},
  ): EffectiveRule[] {
    const presetName = overrides.preset ?? config.preset ?? this.catalog.defaultPreset;
    const preset = this.catalog.presets[presetName];
    if (!preset)
      throw new ConfigError(
        '(command line)',
        `unknown preset "${presetName}" (allowed: ${Object.keys(this.catalog.presets).join(', ')})`,
      );
    const explicit: Record<string, Partial<RuleConfig>> = { ...config.rules };
    for (const [id, setting] of Object.entries(overrides.rules ?? {})) {
      explicit[id] = { ...explicit[id], ...normaliseSetting(setting) };
    }
    const out: EffectiveRule[] = [];
    for (const rule of this.catalog.rules) {
      const setting = explicit[rule.id];
      const severity = setting?.severity ?? preset.rules[rule.id] ?? 'off';
      if (severity === 'off') continue;
      const defaults = (rule.options?.defaults ?? {}) as Record<string, unknown>;
      const effective: EffectiveRule = {
        rule,
        severity,
        options: { ...defaults, ...(setting?.options ?? {}) },
      };
      if (setting?.severity === undefined && preset.gated?.includes(rule.id)) effective.gated = true;
      out.push(effective);
    }
    return out;
  }

  private apply(found: FoundConfig, into: ResolvedConfig, seen: Set<string>): void {
    if (seen.has(found.path)) throw new ConfigError(found.path, 'extends itself (a cycle of "extends")');
    seen.add(found.path);
    this.check(found);
    const config = found.config;
    const base = dirname(found.path);
    for (const entry of toArray(config.extends)) {
      if (this.catalog.presets[entry]) {
        into.preset = entry;
        continue;
      }
      if (!/\.(json|ya?ml)$/i.test(entry)) {
        throw new ConfigError(
          found.path,
          `extends: "${entry}" is neither a preset (${Object.keys(this.catalog.presets).join(', ')}) nor a .json/.yaml file`,
        );
      }
      const path = resolve(base, entry);
      this.apply({ path, config: readConfigData(path) as ConfigFile }, into, seen);
    }
    if (config.preset !== undefined) into.preset = config.preset;
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      into.rules[id] = normaliseSetting(setting);
    }
    for (const pattern of config.ignore ?? []) into.ignore.push({ base, pattern });
    into.files.push(found.path);
  }

  private check(found: FoundConfig): void {
    if (this.validated.has(found.path)) return;
    const validate = this.validate;
    if (!validate(found.config)) {
      throw new ConfigError(found.path, describeSchemaError(mostSpecific(validate.errors), found.config));
    }
    this.validated.add(found.path);
  }
}

function normaliseSetting(setting: RuleSetting): Partial<RuleConfig> {
  if (typeof setting === 'string') return { severity: setting };
  const [severity, options] = setting;
  return options ? { severity, options } : { severity };
}

function toArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The error that says most: the one deepest in the config ("rules.undefined-term.1.minUse"),
 * not the first branch of a oneOf ("must be one of off, info, warning, error").
 */
function mostSpecific(errors: ErrorObject[] | null | undefined): ErrorObject | undefined {
  if (!errors?.length) return undefined;
  const depth = (e: ErrorObject) =>
    e.instancePath.split('/').length + (e.keyword === 'additionalProperties' ? 1 : 0);
  return [...errors].sort((a, b) => depth(b) - depth(a))[0];
}

/** Turns the first schema error into "rules.vague-coverage: must be one of off, info, warning, error". */
export function describeSchemaError(error: ErrorObject | undefined, data: unknown): string {
  if (!error) return 'does not match the config schema';
  if (error.propertyName !== undefined) {
    // propertyNames failed: a rule id that does not exist.
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues?.map(String);
    return `${error.instancePath.slice(1).replace(/\//g, '.')}: ${unknownRule(error.propertyName, allowed)}`;
  }
  const key = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  const where = key === '' ? 'the top level' : key;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = allowedKeys(error);
      const near = allowed ? closest(extra, allowed.split(', ')) : undefined;
      return `${key === '' ? '' : `${key}.`}${extra}: unknown key${near ? ` (did you mean "${near}"?)` : allowed ? ` (allowed: ${allowed})` : ''}`;
    }
    case 'enum':
      return `${where}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')} (got ${JSON.stringify(valueAt(data, error.instancePath))})`;
    case 'propertyNames':
      return `${where}: unknown rule "${(error.params as { propertyName: string }).propertyName}"`;
    default:
      return `${where}: ${error.message ?? 'is not allowed'}`;
  }
}

/** `unknown rule "vague-coverag" (did you mean "vague-coverage"?)`, or the known rules when nothing is close. */
export function unknownRule(name: string, known: readonly string[] | undefined): string {
  const near = known ? closest(name, known) : undefined;
  if (near) return `unknown rule "${name}" (did you mean "${near}"?)`;
  return `unknown rule "${name}"${known ? ` (known rules: ${known.join(', ')})` : ''}`;
}

function allowedKeys(error: ErrorObject): string | undefined {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return schema?.properties ? Object.keys(schema.properties).join(', ') : undefined;
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of pointer.split('/').slice(1)) {
    value = (value as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}
