import {
  ConfigError,
  type ContractModel,
  type FileResult,
  LoadError,
  type LoadErrorCode,
  type SourceFormat,
} from '../engine/index.js';
import type { LintOutcome } from './linter.js';
import type { Settings } from './settings.js';

/**
 * What crosses between the server and its lint threads: plain data only. Error classes lose
 * their fields in a structured clone, so they travel as fields and are rebuilt; the clause index
 * (functions) and the model's paragraphs (the bulk of the model, read by rules only) stay behind.
 */
export type ThreadRequest =
  | {
      type: 'lint-text';
      id: number;
      uri: string;
      text: string;
      format: SourceFormat;
      settings: Settings;
      /** Send the model for navigation too (open documents; the workspace lint needs findings only). */
      withModel: boolean;
    }
  | { type: 'lint-path'; id: number; uri: string; settings: Settings; withModel: boolean }
  | { type: 'docx-text'; id: number; path: string };

export type ThreadControl =
  | { type: 'roots'; folders: string[] }
  | { type: 'reset' }
  /** The document closed: drop its kept parse. */
  | { type: 'forget'; uri: string };

export interface WireError {
  code: LoadErrorCode;
  path: string;
  problem: string;
}

export interface WireOutcome {
  result?: Omit<FileResult, 'error' | 'clauses'> & { error?: WireError };
  skipped?: LintOutcome['skipped'];
  configError?: { file: string; problem: string };
  internalError?: string;
}

export type ThreadReply =
  /** With `withModel`, followed at once by a `model` reply: diagnostics need not wait for it. */
  | { id: number; outcome: WireOutcome }
  /** The model of lint `id`; undefined when a newer lint of the document made it moot. */
  | { id: number; model: NavigationModel | undefined }
  | {
      id: number;
      docx: { textView: string; wordParagraphs: { index: number; start: number; end: number }[] };
    }
  /** The lint was cancelled (a newer version came in) or the request failed outright. */
  | { id: number; cancelled: true }
  | { id: number; failed: string };

/**
 * The model as navigation reads it: everything but the paragraphs. The outcome itself carries a
 * light model (sections, definitions, parties: what diagnostics and code actions read), and the
 * term uses, cross-references and numbers — most of the bytes — follow in a second message.
 */
export type NavigationModel = ContractModel;

export function lightModel(model: ContractModel): ContractModel {
  return { ...model, paragraphs: [], termUses: [], crossReferences: [], numbers: [], candidateTerms: [] };
}

export function navigationModel(model: ContractModel): NavigationModel {
  return { ...model, paragraphs: [] };
}

export function outcomeToWire(outcome: LintOutcome): WireOutcome {
  const wire: WireOutcome = {};
  if (outcome.skipped) wire.skipped = outcome.skipped;
  if (outcome.configError)
    wire.configError = { file: outcome.configError.file, problem: outcome.configError.problem };
  if (outcome.internalError !== undefined)
    wire.internalError =
      outcome.internalError instanceof Error
        ? (outcome.internalError.stack ?? outcome.internalError.message)
        : String(outcome.internalError);
  if (outcome.result) {
    const { error, clauses: _clauses, model, ...rest } = outcome.result;
    wire.result = { ...rest };
    if (model) wire.result.model = lightModel(model);
    if (error) wire.result.error = { code: error.code, path: error.path, problem: error.problem };
  }
  return wire;
}

export function outcomeFromWire(wire: WireOutcome): LintOutcome {
  const outcome: LintOutcome = {};
  if (wire.skipped) outcome.skipped = wire.skipped;
  if (wire.configError)
    outcome.configError = new ConfigError(wire.configError.file, wire.configError.problem);
  if (wire.internalError !== undefined) outcome.internalError = wire.internalError;
  if (wire.result) {
    const { error, ...rest } = wire.result;
    outcome.result = { ...rest };
    if (error) outcome.result.error = new LoadError(error.code, error.path, error.problem);
  }
  return outcome;
}
