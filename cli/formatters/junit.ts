import { counts, type FileReport } from '../report.js';
import type { Formatter } from './types.js';

/** JUnit XML: one testsuite, one testcase per file; findings that are errors make it fail. */
export function junitFormatter(): Formatter {
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  return {
    push(report: FileReport) {
      const c = counts(report);
      const name = xml(report.path);
      if (report.error) {
        errors++;
        cases.push(
          `    <testcase classname="contract-lint" name="${name}" file="${name}">\n      <error type="${xml(report.error.code)}" message="${xml(report.error.message)}"/>\n    </testcase>`,
        );
        return '';
      }
      const lines = report.findings.map(
        (f) => `${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`,
      );
      if (c.errors > 0) {
        failures++;
        cases.push(
          `    <testcase classname="contract-lint" name="${name}" file="${name}">\n      <failure type="contract-lint" message="${c.errors} error(s), ${c.warnings} warning(s)">${xml(lines.join('\n'))}</failure>\n    </testcase>`,
        );
      } else if (lines.length > 0) {
        cases.push(
          `    <testcase classname="contract-lint" name="${name}" file="${name}">\n      <system-out>${xml(lines.join('\n'))}</system-out>\n    </testcase>`,
        );
      } else {
        cases.push(`    <testcase classname="contract-lint" name="${name}" file="${name}"/>`);
      }
      return '';
    },
    finish() {
      return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="contract-lint" tests="${cases.length}" failures="${failures}" errors="${errors}">\n  <testsuite name="contract-lint" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
    },
  };
}

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot hold. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
