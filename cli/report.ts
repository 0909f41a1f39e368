import type { ChecklistItem, LoadErrorCode, Severity } from '../engine/index.js';

/** One finding as the reports need it: plain data, safe to send between threads. */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  wordParagraph?: number;
  /** Word only: the clause number holding the finding ("7.2"). */
  section?: string;
  /** The words flagged, and a little context, for the HTML report. */
  excerpt: string;
  related?: { message: string; line: number; column: number }[];
  fixable: boolean;
}

/** One file's result: everything the formatters print, nothing more (no model, no text). */
export interface FileReport {
  path: string;
  format?: 'markdown' | 'text' | 'docx';
  findings: ReportFinding[];
  error?: { code: LoadErrorCode | 'internal'; message: string };
  ruleErrors?: { ruleId: string; message: string }[];
  checklist?: ChecklistItem[];
  words?: number;
  bytes?: number;
  suppressed?: number;
}

export function counts(report: FileReport) {
  let errors = report.error ? 1 : 0;
  let warnings = 0;
  let infos = 0;
  for (const f of report.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
