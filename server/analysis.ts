import type { Diagnostic } from 'vscode-languageserver';
import type { ThreadLint } from './lint-threads.js';
import type { LintOutcome } from './linter.js';
import type { Positions } from './positions.js';

/** One lint of one document version: what the diagnostics and all language features read. */
export interface Analysis {
  uri: string;
  /** The editor's version of an open document; undefined for a file read from disk. */
  version: number | undefined;
  positions: Positions;
  outcome: LintOutcome;
  diagnostics: Diagnostic[];
  /**
   * Resolves when the full model has arrived from the lint thread (it follows the findings, so
   * diagnostics go out first). Until then the outcome holds a light model: sections, definitions
   * and parties, but no term uses, cross-references or numbers.
   */
  complete?: Promise<void>;
}

/** The analysis once its full model is in (for navigation and code actions). */
export async function completed(analysis: Analysis | undefined): Promise<Analysis | undefined> {
  if (analysis?.complete) await analysis.complete;
  return analysis;
}

/** An analysis of a lint thread's result. */
export function analysisOf(
  uri: string,
  version: number | undefined,
  positions: Positions,
  lint: ThreadLint,
  diagnostics: Diagnostic[],
): Analysis {
  const analysis: Analysis = { uri, version, positions, outcome: lint.outcome, diagnostics };
  if (lint.model)
    analysis.complete = lint.model.then((model) => {
      if (model && analysis.outcome.result) analysis.outcome.result.model = model;
    });
  return analysis;
}
