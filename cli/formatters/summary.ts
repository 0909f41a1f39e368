import { KEY_CLAUSES } from '../../engine/classify/checklist.js';
import { counts, type FileReport } from '../report.js';
import type { Formatter } from './types.js';

const MARK = { present: '✓', missing: '✗', incomplete: '~' } as const;

/** A matrix of contracts × key clauses (✓ present, ✗ missing, ~ incomplete) and counts per rule. */
export function summaryFormatter(): Formatter {
  const rows: FileReport[] = [];
  return {
    push(report) {
      rows.push({ ...report, findings: report.findings.map((f) => ({ ...f, excerpt: '' })) });
      return '';
    },
    finish() {
      const out: string[] = [];
      const width = Math.min(60, Math.max(8, ...rows.map((r) => r.path.length)));
      const keys = KEY_CLAUSES.map((c) => c.key);
      const colWidth = Math.max(...keys.map((k) => k.length)) + 1;
      out.push('Clause checklist (✓ present, ~ incomplete, ✗ missing)', '');
      out.push(`${'contract'.padEnd(width)}  ${keys.map((k) => k.padEnd(colWidth)).join('')}errors warnings`);
      for (const r of rows) {
        const name = r.path.length > width ? `…${r.path.slice(-(width - 1))}` : r.path.padEnd(width);
        if (r.error) {
          out.push(`${name}  unreadable: ${r.error.message}`);
          continue;
        }
        const marks = keys.map((k) =>
          MARK[r.checklist?.find((c) => c.key === k)?.status ?? 'missing'].padEnd(colWidth),
        );
        const c = counts(r);
        out.push(
          `${name}  ${marks.join('')}${String(c.errors).padStart(6)} ${String(c.warnings).padStart(8)}`,
        );
      }
      const perRule = new Map<string, number>();
      for (const r of rows)
        for (const f of r.findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
      out.push('', 'Findings per rule', '');
      const sorted = [...perRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const ruleWidth = Math.max(4, ...sorted.map(([id]) => id.length));
      for (const [id, n] of sorted) out.push(`${id.padEnd(ruleWidth)}  ${String(n).padStart(5)}`);
      if (sorted.length === 0) out.push('(none)');
      const unreadable = rows.filter((r) => r.error).length;
      out.push('', `${rows.length} contract(s), ${unreadable} unreadable`);
      return `${out.join('\n')}\n`;
    },
  };
}
