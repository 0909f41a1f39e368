import { styleText } from 'node:util';
import type { FileResult } from '../../engine/index.js';

type Style = Parameters<typeof styleText>[0];

/** ESLint-style report grouped by file: "  12:5  error  message  rule-id". */
export function formatStylish(results: FileResult[], color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const result of results) {
    if (!result.error && result.findings.length === 0) continue;
    out.push(paint('underline', result.path));
    if (result.error) {
      errors++;
      out.push(
        `  ${paint('red', 'error')}  ${result.error.message}  ${paint('dim', `(${result.error.code})`)}`,
      );
    }
    const rows = result.findings.map((f) => {
      const where =
        f.wordParagraph !== undefined ? `${f.line}:${f.column} ¶${f.wordParagraph}` : `${f.line}:${f.column}`;
      return [where, f.severity, f.message, f.ruleId] as const;
    });
    const whereWidth = Math.max(0, ...rows.map((r) => r[0].length));
    for (const [where, severity, message, ruleId] of rows) {
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      else infos++;
      const sev =
        severity === 'error'
          ? paint('red', 'error  ')
          : severity === 'warning'
            ? paint('yellow', 'warning')
            : paint('blue', 'info   ');
      out.push(`  ${paint('dim', where.padEnd(whereWidth))}  ${sev}  ${message}  ${paint('dim', ruleId)}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) {
    out.push(`${results.length} file${results.length === 1 ? '' : 's'} checked, no problems found.`);
  } else {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info) in ${results.length} file${results.length === 1 ? '' : 's'}`;
    out.push(paint(errors > 0 ? 'red' : 'yellow', summary));
  }
  return `${out.join('\n')}\n`;
}
