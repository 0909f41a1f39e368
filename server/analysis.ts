import type { Diagnostic } from 'vscode-languageserver';
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
}
