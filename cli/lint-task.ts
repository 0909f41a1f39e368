import type { EffectiveRule } from '../engine/config/resolve.js';
import { type FileResult, lintDocument } from '../engine/lint/lint.js';
import { type StepGuard, unguarded } from '../engine/load/budget.js';
import { isLoadError, LoadError } from '../engine/load/errors.js';
import { formatOf, loadBytes, loadFile } from '../engine/load/index.js';
import type { LoadedDocument } from '../engine/model/types.js';
import { isJsSpace } from '../engine/text/chars.js';
import { catalog } from '../rules/index.js';
import type { FileReport, ReportFinding } from './report.js';

/** Rule settings as they cross a thread boundary (rules themselves are functions). */
export interface RuleSetting {
  id: string;
  severity: EffectiveRule['severity'];
  options: Record<string, unknown>;
  /** Run only on the agreements the rule applies to (see Rule.appliesTo). */
  gated?: boolean;
}

export interface LintTask {
  path: string;
  rules: RuleSetting[];
  /** For --stdin: the bytes to lint instead of reading `path`. */
  bytes?: Uint8Array;
  /** Count the agreement's words into the report (for accuracy per 10,000 words; no formatter prints it). */
  countWords?: boolean;
}

const EXCERPT_CONTEXT = 60;

/**
 * Loads, lints and reduces one file to its report. Never throws for a bad file. `guard` runs the
 * steps whose time can explode (see StepGuard); a LoadError from it (a deadline) is the file's error.
 */
export async function runLintTask(task: LintTask, guard: StepGuard = unguarded): Promise<FileReport> {
  const rules = task.rules.flatMap((s) => {
    const rule = catalog.rules.find((r) => r.id === s.id);
    return rule
      ? [{ rule, severity: s.severity, options: s.options, ...(s.gated ? { gated: true } : {}) }]
      : [];
  });
  let doc: LoadedDocument;
  try {
    if (task.bytes) {
      const format = formatOf(task.path) ?? 'markdown';
      doc = await loadBytes(task.bytes, task.path, format, guard);
    } else {
      doc = await loadFile(task.path, guard);
    }
  } catch (error) {
    const loadError = isLoadError(error)
      ? error
      : new LoadError('conversion-failed', task.path, `internal error while reading: ${String(error)}`);
    return { path: task.path, findings: [], error: { code: loadError.code, message: loadError.message } };
  }
  try {
    return guard(() => toReport(lintDocument(doc, rules), doc, task.countWords));
  } catch (error) {
    if (isLoadError(error))
      return { path: task.path, findings: [], error: { code: error.code, message: error.message } };
    // A bug in contract-lint must cost one file, not the batch.
    const message = error instanceof Error ? error.message : String(error);
    return {
      path: task.path,
      findings: [],
      error: { code: 'internal', message: `cannot lint ${task.path}: internal error: ${message}` },
    };
  }
}

export function toReport(result: FileResult, doc: LoadedDocument, withWords = false): FileReport {
  const text = doc.textView;
  const fixableRules = new Set(catalog.rules.filter((r) => r.fixable === 'edit').map((r) => r.id));
  const findings: ReportFinding[] = result.findings.map((f) => {
    const out: ReportFinding = {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      excerpt: excerpt(text, f.range.start, f.range.end),
      fixable: fixableRules.has(f.ruleId) && (f.fixes?.length ?? 0) > 0,
    };
    if (f.wordParagraph !== undefined) out.wordParagraph = f.wordParagraph;
    if (f.section !== undefined) out.section = f.section;
    return out;
  });
  const report: FileReport = {
    path: result.path,
    format: doc.format,
    findings,
    bytes: text.length,
  };
  if (withWords) report.words = result.model?.paragraphs.reduce((n, p) => n + countWords(p.text), 0) ?? 0;
  if (result.checklist) report.checklist = result.checklist;
  if (result.ruleErrors) report.ruleErrors = result.ruleErrors;
  if (result.suppressedCount) report.suppressed = result.suppressedCount;
  return report;
}

/** `text.match(/\S+/g).length` without building the array. */
function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 128 && isJsSpace(code);
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}

/** The flagged words with some context, on one line, bounded in length. */
function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, Math.max(end, start + 1) + EXCERPT_CONTEXT);
  const flagged = text.slice(start, Math.min(end, start + 200));
  const before = text.slice(from, start).replace(/^\S*\s/, '');
  const after = text.slice(Math.min(end, start + 200), to).replace(/\s\S*$/, '');
  return `${from > 0 ? '…' : ''}${before}⟦${flagged}⟧${after}${to < text.length ? '…' : ''}`.replace(
    /\s+/g,
    ' ',
  );
}
