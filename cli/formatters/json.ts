import { counts, type FileReport } from '../report.js';
import type { Formatter } from './types.js';

/**
 * ESLint's JSON formatter shape, streamed: severity 2 = error, 1 = warning. Info findings are
 * listed with severity 1 and `"level": "info"` and are not counted in warningCount.
 */
export function jsonFormatter(): Formatter {
  let first = true;
  return {
    push(report) {
      const chunk = `${first ? '[' : ','}${JSON.stringify(toEslintResult(report))}`;
      first = false;
      return chunk;
    },
    finish() {
      return first ? '[]\n' : ']\n';
    },
  };
}

export function toEslintResult(report: FileReport) {
  const { errors, warnings } = counts(report);
  const messages: Record<string, unknown>[] = [];
  if (report.error) {
    messages.push({
      ruleId: null,
      fatal: true,
      severity: 2,
      message: report.error.message,
      line: 1,
      column: 1,
      code: report.error.code,
    });
  }
  for (const f of report.findings) {
    messages.push({
      ruleId: f.ruleId,
      severity: f.severity === 'error' ? 2 : 1,
      ...(f.severity === 'info' ? { level: 'info' } : {}),
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.wordParagraph !== undefined ? { wordParagraph: f.wordParagraph } : {}),
    });
  }
  return {
    filePath: report.path,
    messages,
    errorCount: errors,
    fatalErrorCount: report.error ? 1 : 0,
    warningCount: warnings,
    fixableErrorCount: report.findings.filter((f) => f.fixable && f.severity === 'error').length,
    fixableWarningCount: report.findings.filter((f) => f.fixable && f.severity === 'warning').length,
  };
}
