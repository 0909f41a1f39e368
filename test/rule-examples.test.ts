import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type EffectiveRule, lintDocument, loadText } from '../engine/index.js';
import { catalog } from '../rules/index.js';

/** Every rule at its default severity, with the example's options for the rule under test. */
function rulesFor(id: string, options: Record<string, unknown> = {}): EffectiveRule[] {
  return catalog.rules.map((rule) => ({
    rule,
    severity: rule.defaultSeverity,
    options: {
      ...((rule.options?.defaults ?? {}) as Record<string, unknown>),
      ...(rule.id === id ? options : {}),
    },
  }));
}

function findingsOf(id: string, text: string, options?: Record<string, unknown>) {
  const result = lintDocument(loadText(text, 'example.md', 'markdown'), rulesFor(id, options));
  expect(result.ruleErrors).toBeUndefined();
  return result.findings.filter((f) => f.ruleId === id);
}

describe('every rule documents itself', () => {
  it('has unique kebab-case ids', () => {
    const ids = catalog.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  for (const rule of catalog.rules) {
    describe(rule.id, () => {
      it('has a description, rationale, messages, docs page and at least one invalid and one valid example', () => {
        expect(rule.description.length).toBeGreaterThan(10);
        expect(rule.rationale.length).toBeGreaterThan(40);
        expect(rule.examples.invalid.length).toBeGreaterThan(0);
        expect(rule.examples.valid.length).toBeGreaterThan(0);
        expect(
          existsSync(new URL(`../docs/rules/${rule.id}.md`, import.meta.url)),
          `docs/rules/${rule.id}.md (run npm run docs)`,
        ).toBe(true);
      });

      rule.examples.invalid.forEach((example, i) => {
        it(`invalid example ${i + 1} gives ${example.findings ?? 1} finding(s)`, () => {
          expect(findingsOf(rule.id, example.text, example.options)).toHaveLength(example.findings ?? 1);
        });
      });
      rule.examples.valid.forEach((example, i) => {
        it(`valid example ${i + 1} gives no warning or error${example.info ? `, ${example.info} note(s)` : ''}`, () => {
          const findings = findingsOf(rule.id, example.text, example.options);
          expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
          expect(findings.filter((f) => f.severity === 'info')).toHaveLength(example.info ?? 0);
        });
      });
    });
  }
});
