import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { type EffectiveRule, lintDocument, loadBytes, loadText } from '../engine/index.js';
import { catalog } from '../rules/index.js';
// @ts-expect-error — a plain ESM fixture generator without type declarations
import { markdownToDocx } from './fixtures-src/md-to-docx.mjs';

const rules: EffectiveRule[] = catalog.rules.map((rule) => ({
  rule,
  severity: rule.defaultSeverity,
  options: (rule.options?.defaults ?? {}) as Record<string, unknown>,
}));

const BODY = [
  '## 4. Payments',
  '',
  '4.1 Licensee shall pay the fees promptly.',
  '',
  '4.2 Licensee shall report promptly.',
  '',
];

function lintMarkdown(lines: string[]) {
  return lintDocument(loadText(lines.join('\n'), 'x.md', 'markdown'), rules).findings.map(
    (f) => `${f.line}:${f.ruleId}`,
  );
}

describe('suppressions in Markdown', () => {
  it('without suppressions, both vague deadlines are reported', () => {
    expect(lintMarkdown(BODY).filter((f) => f.endsWith('vague-deadline'))).toEqual([
      '3:vague-deadline',
      '5:vague-deadline',
    ]);
  });

  it('disable-next-line suppresses only the next content line', () => {
    const lines = [
      '## 4. Payments',
      '',
      '<!-- contract-lint-disable-next-line vague-deadline -- the SOW sets dates -->',
      '',
      '4.1 Licensee shall pay the fees promptly.',
      '',
      '4.2 Licensee shall report promptly.',
    ];
    const findings = lintMarkdown(lines);
    expect(findings.filter((f) => f.endsWith('vague-deadline'))).toEqual(['7:vague-deadline']);
    expect(findings.filter((f) => f.includes('suppression'))).toEqual([]);
  });

  it('disable … enable suppresses a block; other rules still report', () => {
    const lines = [
      '<!-- contract-lint-disable vague-deadline -- agreed wording -->',
      '',
      ...BODY,
      '<!-- contract-lint-enable vague-deadline -->',
      '',
      '4.3 Licensee shall notify promptly.',
    ];
    expect(lintMarkdown(lines).filter((f) => f.endsWith('vague-deadline'))).toEqual(['11:vague-deadline']);
  });

  it('disable-file suppresses everywhere', () => {
    const lines = [...BODY, '<!-- contract-lint-disable-file vague-deadline -- timing in the SOW -->'];
    expect(lintMarkdown(lines).filter((f) => f.endsWith('vague-deadline'))).toEqual([]);
  });

  it('a suppression without a reason, and one that suppresses nothing, are reported as info', () => {
    const lines = [
      '<!-- contract-lint-disable-next-line vague-deadline -->',
      '',
      '4.1 Licensee shall pay the fees promptly.',
      '',
      '<!-- contract-lint-disable-next-line number-word-mismatch -- checked -->',
      '',
      '4.2 Licensee shall pay within thirty (30) days.',
    ];
    const result = lintDocument(loadText(lines.join('\n'), 'x.md', 'markdown'), rules);
    const meta = result.findings.filter((f) => f.ruleId.includes('suppression'));
    expect(meta.map((f) => `${f.line}:${f.ruleId}:${f.severity}`)).toEqual([
      '1:suppression-without-reason:info',
      '5:unused-suppression:info',
    ]);
    expect(result.suppressedCount).toBe(1);
  });
});

describe('suppressions in Word comments', () => {
  it('a comment starting "contract-lint-disable rule -- reason" suppresses on its paragraph only', async () => {
    const md = [
      '## 4. Payments',
      '',
      '<!-- contract-lint-disable-next-line vague-deadline -- dates in the SOW -->',
      '',
      '4.1 Licensee shall pay the fees promptly.',
      '',
      '4.2 Licensee shall report promptly.',
      '',
    ].join('\n');
    const bytes = new Uint8Array(await Packer.toBuffer(markdownToDocx(md)));
    const doc = await loadBytes(bytes, 'x.docx', 'docx');
    expect(doc.comments?.[0]?.text).toMatch(/^contract-lint-disable vague-deadline -- dates in the SOW/);
    const result = lintDocument(doc, rules);
    const deadlines = result.findings.filter((f) => f.ruleId === 'vague-deadline');
    expect(deadlines).toHaveLength(1);
    expect(doc.textView.slice(deadlines[0]?.range.start, deadlines[0]?.range.end)).toBe('promptly');
    expect(doc.textView.slice(0, deadlines[0]?.range.start)).toContain('4.2 Licensee shall report');
    expect(result.suppressedCount).toBe(1);
  });
});
