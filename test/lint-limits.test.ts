import { describe, expect, it } from 'vitest';
import { ConfigResolver, lintDocument, loadText } from '../engine/index.js';
import { MAX_FINDINGS_PER_RULE, MAX_SAME_PER_PARAGRAPH } from '../engine/lint/lint.js';
import { catalog } from '../rules/index.js';

describe('a file cannot flood the report', () => {
  it('one rule lists at most MAX_FINDINGS_PER_RULE findings in a file, and counts the rest in one note', () => {
    const text = `# Agreement\n\n${'Licensee shall pay the fee (see Section 4.\n\n'.repeat(MAX_FINDINGS_PER_RULE + 300)}`;
    const resolver = new ConfigResolver(catalog);
    const result = lintDocument(
      loadText(text, 'x.md', 'markdown'),
      resolver.effectiveRules(resolver.forFile('/tmp/x.md')),
    );
    const unbalanced = result.findings.filter((f) => f.ruleId === 'unbalanced-punctuation');
    expect(unbalanced).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(unbalanced.filter((f) => f.severity === 'info').map((f) => f.message)).toEqual([
      `300 more findings of unbalanced-punctuation in this file are not shown (the first ${MAX_FINDINGS_PER_RULE} are).`,
    ]);
  });

  it('the same finding repeated in one paragraph is shown a few times, then counted in one note', () => {
    const text = `# Agreement\n\nLicensee shall pay ${'(the fee '.repeat(5000)}on time.\n\nLicensor shall (deliver.\n`;
    const resolver = new ConfigResolver(catalog);
    const result = lintDocument(
      loadText(text, 'x.md', 'markdown'),
      resolver.effectiveRules(resolver.forFile('/tmp/x.md')),
    );
    const unbalanced = result.findings.filter((f) => f.ruleId === 'unbalanced-punctuation');
    const inFirst = unbalanced.filter((f) => f.line === 3);
    expect(inFirst.filter((f) => f.severity !== 'info')).toHaveLength(MAX_SAME_PER_PARAGRAPH);
    expect(inFirst.filter((f) => f.severity === 'info').map((f) => f.message)).toEqual([
      `…and ${5000 - MAX_SAME_PER_PARAGRAPH} more like the finding before this one in the same paragraph (not shown).`,
    ]);
    // Another paragraph keeps its own finding.
    expect(unbalanced.filter((f) => f.line === 5 && f.severity !== 'info')).toHaveLength(1);
  });
});
