import type { FileResult } from '../../engine/index.js';

/** ESLint's JSON formatter shape: severity 2 = error, 1 = warning (info is reported as 1). */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map(toEslintResult));
}

export function toEslintResult(result: FileResult) {
  if (result.error) {
    return {
      filePath: result.path,
      messages: [
        {
          ruleId: null,
          fatal: true,
          severity: 2,
          message: result.error.message,
          line: 1,
          column: 1,
          code: result.error.code,
        },
      ],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
  }
  const messages = result.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 2 : 1,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.wordParagraph !== undefined ? { wordParagraph: f.wordParagraph } : {}),
  }));
  return {
    filePath: result.path,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    fatalErrorCount: 0,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}
