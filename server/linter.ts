import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  ConfigResolver,
  type EffectiveRule,
  type FileResult,
  formatOf,
  IgnoreRules,
  type IncrementalMarkdown,
  isLoadError,
  LintCancelled,
  type LintControl,
  LoadError,
  type LoadedDocument,
  lintDocument,
  loadFile,
  loadText,
  looksLikeAgreement,
  type ResolvedConfig,
  type SourceFormat,
} from '../engine/index.js';
import { catalog } from '../rules/index.js';
import type { Settings } from './settings.js';

/** Why a document was not linted (no diagnostics, no error). */
export type SkipReason = 'disabled' | 'no-config' | 'ignored' | 'unsupported' | 'not-an-agreement';

export interface LintOutcome {
  result?: FileResult;
  skipped?: SkipReason;
  /** The config could not be used: reported as one diagnostic at the top of the document. */
  configError?: ConfigError;
  /** An exception from the engine (logged by the server). */
  internalError?: unknown;
}

/** Path of a file: URI, or undefined for untitled and other schemes. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The format of a document: by extension, else by the editor's language id. */
export function formatOfDocument(uri: string, languageId?: string): SourceFormat | undefined {
  const path = pathOf(uri) ?? decodeURIComponent(uri.replace(/[?#].*$/, ''));
  const byExtension = formatOf(path);
  if (byExtension) return byExtension;
  if (languageId === 'markdown') return 'markdown';
  return undefined;
}

/**
 * The engine, configured: config discovery (reset when a config file changes), ignore rules and
 * the editor's settings. Thin by design — everything about agreements lives in the engine.
 */
export class Linter {
  private resolver = new ConfigResolver(catalog);
  readonly ignore = new IgnoreRules();

  /** Forget cached config files (one changed on disk). */
  reset(): void {
    this.resolver = new ConfigResolver(catalog);
    this.ignore.reset();
  }

  /**
   * Lints an editor buffer (Markdown or plain text). `markdown` is the document's parse kept
   * between edits, so a keystroke re-parses one paragraph, not the agreement.
   */
  lintText(
    uri: string,
    text: string,
    format: SourceFormat,
    settings: Settings,
    markdown?: IncrementalMarkdown,
    control: LintControl = {},
  ): LintOutcome {
    if (format === 'docx') return { skipped: 'unsupported' };
    return this.run(uri, settings, (path) => loadText(text, path, format, markdown), control);
  }

  /** Lints a file from disk (workspace lint, Word documents). */
  async lintPath(uri: string, settings: Settings, control: LintControl = {}): Promise<LintOutcome> {
    const path = pathOf(uri);
    if (!path || !formatOf(path)) return { skipped: 'unsupported' };
    let doc: LoadedDocument;
    const pre = this.precheck(uri, settings);
    if (pre) return pre;
    try {
      doc = await loadFile(path);
    } catch (error) {
      return { result: { path, findings: [], error: asLoadError(error, path) } };
    }
    return this.run(uri, settings, () => doc, control);
  }

  private hasConfig(path: string): boolean {
    try {
      return this.resolver.forFile(path).files.length > 0;
    } catch {
      return true;
    }
  }

  private precheck(uri: string, settings: Settings): LintOutcome | undefined {
    if (!settings.enable) return { skipped: 'disabled' };
    const path = pathOf(uri);
    if (!path) return settings.requireConfig ? { skipped: 'no-config' } : undefined;
    try {
      const config = this.resolver.forFile(path);
      if (settings.requireConfig && config.files.length === 0) return { skipped: 'no-config' };
      if (this.ignore.isIgnored(path, config)) return { skipped: 'ignored' };
    } catch (error) {
      if (error instanceof ConfigError) return { configError: error };
      throw error;
    }
    return undefined;
  }

  private run(
    uri: string,
    settings: Settings,
    load: (path: string) => LoadedDocument,
    control: LintControl,
  ): LintOutcome {
    const pre = this.precheck(uri, settings);
    if (pre) return pre;
    const path = pathOf(uri) ?? uri;
    let rules: ReturnType<ConfigResolver['effectiveRules']>;
    try {
      const config = pathOf(uri) ? this.resolver.forFile(path) : { files: [], rules: {}, ignore: [] };
      rules = editorRules(this.resolver, config, settings);
    } catch (error) {
      if (error instanceof ConfigError) return { configError: error };
      throw error;
    }
    let doc: LoadedDocument;
    try {
      doc = load(path);
    } catch (error) {
      return { result: { path, findings: [], error: asLoadError(error, path) } };
    }
    try {
      const result = lintDocument(doc, rules, control);
      // Without a config file, only documents that read like agreements are linted: a README or
      // meeting notes in the same workspace get no findings.
      if (!this.hasConfig(path) && result.model && !looksLikeAgreement(result.model))
        return { skipped: 'not-an-agreement' };
      return { result };
    } catch (error) {
      if (error instanceof LintCancelled) throw error;
      // A bug in the engine: one diagnostic for the document, the details in the log.
      return { result: { path, findings: [], error: asLoadError(error, path) }, internalError: error };
    }
  }
}

/**
 * The rules for a document in the editor: the folder's config, then the editor's settings. The
 * editor's preset applies where no config file chooses one (the folder's config wins), and rule
 * overrides naming unknown rules are ignored. Throws `ConfigError`.
 */
export function editorRules(
  resolver: ConfigResolver,
  config: ResolvedConfig,
  settings: Settings,
): EffectiveRule[] {
  const preset =
    config.preset === undefined && settings.preset && catalog.presets[settings.preset]
      ? settings.preset
      : undefined;
  const known: Settings['rules'] = {};
  for (const [id, value] of Object.entries(settings.rules))
    if (catalog.rules.some((r) => r.id === id)) known[id] = value;
  return resolver.effectiveRules(config, { rules: known, ...(preset ? { preset } : {}) });
}

function asLoadError(error: unknown, path: string): LoadError {
  if (isLoadError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LoadError('conversion-failed', path, `internal error while reading: ${message}`);
}
