import type { Severity } from '../lint/types.js';

export type SeveritySetting = Severity | 'off';

/** A rule's setting as written: a severity, or [severity, options]. */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** The config file as written (.contractlintrc.json / .yaml / package.json "contractlint"). */
export interface ConfigFile {
  /** Stop looking in parent folders. */
  root?: boolean;
  /** Presets ("recommended", "strict", "cross-license") or relative paths of other config files. */
  extends?: string | string[];
  /** Preset selected for these files (default: chosen by the catalogue, e.g. "recommended"). */
  preset?: string;
  rules?: Record<string, RuleSetting>;
  /** Globs (gitignore syntax) of files not to lint, relative to the config file's folder. */
  ignore?: string[];
}

export interface RuleConfig {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Config files that contributed, nearest last. */
  files: string[];
  preset?: string;
  /** Explicit rule settings, merged nearest-wins (presets are applied by the catalogue). */
  rules: Record<string, Partial<RuleConfig>>;
  /** Ignore patterns, each with the folder it is relative to. */
  ignore: { base: string; pattern: string }[];
}

/** Raised for a config that cannot be used; CLI exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`invalid config ${file}: ${problem}`);
  }
}
