import { styleText } from 'node:util';
import { counts, type ReportFinding } from '../report.js';
import type { FormatContext, Formatter } from './types.js';

type Style = Parameters<typeof styleText>[0];

/** ESLint-style report grouped by file: "  12:5  error  message  rule-id", streamed per file. */
export function stylishFormatter(context: FormatContext): Formatter {
  const paint = (style: Style, text: string) => (context.color ? styleText(style, text) : text);
  let files = 0;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  return {
    push(report) {
      files++;
      const c = counts(report);
      errors += c.errors;
      warnings += c.warnings;
      infos += c.infos;
      if (!report.error && report.findings.length === 0) return '';
      const out = [paint('underline', printable(report.path))];
      if (report.error)
        out.push(
          `  ${paint('red', 'error')}  ${printable(report.error.message)}  ${paint('dim', `(${report.error.code})`)}`,
        );
      const rows = report.findings.map((f) => [`${f.line}:${f.column}${wordPlace(f)}`, f] as const);
      const width = Math.max(0, ...rows.map((r) => r[0].length));
      for (const [where, f] of rows) {
        const sev =
          f.severity === 'error'
            ? paint('red', 'error  ')
            : f.severity === 'warning'
              ? paint('yellow', 'warning')
              : paint('blue', 'info   ');
        out.push(
          `  ${paint('dim', where.padEnd(width))}  ${sev}  ${printable(f.message)}  ${paint('dim', f.ruleId)}`,
        );
      }
      for (const e of report.ruleErrors ?? [])
        out.push(
          `  ${paint('red', 'error  ')}  rule ${e.ruleId} failed on this file (a contract-lint bug): ${e.message}`,
        );
      return `${out.join('\n')}\n\n`;
    },
    finish() {
      const total = errors + warnings + infos;
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      if (total === 0) return `${plural(files, 'file')} checked, no problems found.\n`;
      const line = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info) in ${plural(files, 'file')}`;
      return `${paint(errors > 0 ? 'red' : 'yellow', line)}\n`;
    },
  };
}

/** Where a Word finding is in Word: "¶12 §7.2" (paragraph number, clause number). */
export function wordPlace(f: ReportFinding): string {
  if (f.wordParagraph === undefined) return '';
  return ` ¶${f.wordParagraph}${f.section !== undefined ? ` §${f.section}` : ''}`;
}

/** A file name as a terminal may show it: control characters (ESC sequences in a hostile name) escaped. */
export function printable(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    out += control ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}
