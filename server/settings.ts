import type { Connection } from 'vscode-languageserver';
import type { RuleSetting } from '../engine/index.js';

/** The `contractLint` settings section (workspace/configuration). */
export interface Settings {
  /** Lint at all. */
  enable: boolean;
  /** Preset used when no config file names one (undefined: the config's or the catalogue's default). */
  preset?: string;
  /** Lint while typing (debounced) or only when the document is saved. */
  run: 'onType' | 'onSave';
  /** Only lint files for which a .contractlintrc.* (or package.json "contractlint") is found. */
  requireConfig: boolean;
  /** Rule severity overrides: { "vague-deadline": "off", "undefined-term": "error" }. */
  rules: Record<string, RuleSetting>;
  /** Lint unopened agreements of the workspace folders in the background. */
  workspaceLint: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  requireConfig: false,
  rules: {},
  workspaceLint: true,
};

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Reads whatever the client sent, keeping only well-formed values (a bad value falls back to the default). */
export function normaliseSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (typeof r.preset === 'string' && r.preset !== '') s.preset = r.preset;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.requireConfig === 'boolean') s.requireConfig = r.requireConfig;
  if (typeof r.workspaceLint === 'boolean') s.workspaceLint = r.workspaceLint;
  const rules = r.rules ?? r.severityOverrides ?? r.severity;
  if (rules && typeof rules === 'object') {
    for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) s.rules[id] = value as RuleSetting;
    }
  }
  return s;
}

/**
 * Settings per scope URI, fetched with workspace/configuration when the client supports it
 * (otherwise from didChangeConfiguration pushes or initializationOptions).
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private global: Settings;
  canPull = false;

  constructor(
    private readonly connection: Connection,
    initial: unknown,
  ) {
    this.global = normaliseSettings(initial);
  }

  /** A didChangeConfiguration push: settings for everyone (and forget what was pulled). */
  update(pushed: unknown): void {
    this.cache.clear();
    if (pushed && typeof pushed === 'object' && 'contractLint' in pushed) {
      this.global = normaliseSettings((pushed as { contractLint: unknown }).contractLint);
    }
  }

  get(scopeUri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.global);
    let cached = this.cache.get(scopeUri);
    if (!cached) {
      cached = this.connection.workspace.getConfiguration({ scopeUri, section: 'contractLint' }).then(
        (value) => (value == null ? this.global : normaliseSettings(value)),
        () => this.global,
      );
      this.cache.set(scopeUri, cached);
    }
    return cached;
  }
}
