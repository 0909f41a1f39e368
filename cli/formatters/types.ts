import type { FileReport } from '../report.js';

export interface FormatContext {
  /** Folder paths in reports are relative to (SARIF artifact URIs, HTML titles). */
  cwd: string;
  color: boolean;
  version: string;
}

/**
 * A formatter sees each file's report as soon as it is ready, in path order, and returns text to
 * write at once (streaming formats) or keeps what it needs and writes everything at the end.
 */
export interface Formatter {
  push(report: FileReport): string;
  finish(): string;
}
