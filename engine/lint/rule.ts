import type { AgreementProfile } from '../classify/profile.js';
import type { ClauseIndex } from '../classify/types.js';
import type { ContractModel, Range } from '../model/types.js';
import type { Fix, RelatedLocation, Severity } from './types.js';

export type RuleCategory =
  | 'coverage'
  | 'termination'
  | 'audit'
  | 'improvements'
  | 'definitions'
  | 'cross-references'
  | 'consistency'
  | 'timing'
  | 'cross-license';

/** A JSON Schema fragment (draft 2020-12) for a rule's options. */
export type JsonSchema = Record<string, unknown>;

export interface RuleExample {
  /** Markdown text of a small agreement or clause. */
  text: string;
  /** Invalid examples: how many findings of this rule the text must produce (default 1). */
  findings?: number;
  /** Valid examples: how many information notes (not defects) the text still gets (default 0). */
  info?: number;
  /** Options for this example (merged over the defaults). */
  options?: Record<string, unknown>;
  note?: string;
}

/** What a rule reports; the engine fills in the rule id and the configured severity. */
export interface RuleReport {
  messageId: string;
  data?: Record<string, string | number>;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Carried to adapters (e.g. the editor's code actions). */
  extra?: Record<string, unknown>;
  /** Overrides the configured severity for this finding (e.g. error when money flows). */
  severity?: Severity;
}

export interface RuleContext<O> {
  model: ContractModel;
  textView: string;
  options: O;
  /** The severity the rule runs at (from config); rules may lower it per finding. */
  severity: Severity;
  /** Clause labels shared by all rules (computed once per document). */
  clauses: ClauseIndex;
  /** What kind of agreement this is, its grants, money and ending (computed on first use, once per document). */
  readonly profile: AgreementProfile;
  report(report: RuleReport): void;
}

/**
 * A rule is plain data plus one function. Its metadata drives the docs, the config schema, the
 * SARIF rules table and the editor, so there is one source of truth.
 */
export interface Rule<O extends object = Record<string, unknown>> {
  /** Stable kebab-case id, shown by the CLI, SARIF and the editor. */
  id: string;
  description: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** 'edit': offers text edits (replace/insert); 'template': offers a clause template. */
  fixable?: 'edit' | 'template';
  /** Message templates with {placeholders}, by message id. */
  messages: Record<string, string>;
  /** JSON Schema of the options object, and the defaults. */
  options?: { schema: JsonSchema; defaults: O };
  /** Markdown examples that double as tests (remark-lint style). */
  examples: { invalid: RuleExample[]; valid: RuleExample[] };
  /** A longer rationale for the docs page (Markdown). */
  rationale: string;
  /**
   * For rules that only make sense for some agreements (the cross-license pack): when a preset
   * turns the rule on automatically, it runs only where this returns true. A rule the user turns
   * on explicitly always runs.
   */
  appliesTo?(document: { model: ContractModel; clauses: ClauseIndex }): boolean;
  check(context: RuleContext<O>): void;
}

/** Fills `{name}` placeholders in a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** The URL of a rule's documentation page (the docs live in the repository). */
export const DOCS_BASE_URL = 'https://github.com/contract-lint/contract-lint/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
