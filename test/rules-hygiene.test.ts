import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EffectiveRule } from '../engine/config/resolve.js';
import { lintDocument } from '../engine/lint/lint.js';
import type { Rule } from '../engine/lint/rule.js';
import { loadText } from '../engine/load/text.js';
import { hygieneRules } from '../rules/catalog-hygiene.js';
import { formatDigits, matchCase, numberToWords } from '../rules/number-words.js';
import { AGREEMENTS_MD } from './helpers/corpus.js';

const rules = hygieneRules as unknown as Rule<object>[];

function effective(rule: Rule<object>, options: Record<string, unknown> = {}): EffectiveRule {
  const defaults = (rule.options?.defaults ?? {}) as Record<string, unknown>;
  return { rule, severity: rule.defaultSeverity, options: { ...defaults, ...options } };
}

function lint(text: string, ruleList: EffectiveRule[], path = 'x.md') {
  return lintDocument(loadText(text, path, 'markdown'), ruleList);
}

function findingsOf(text: string, rule: Rule<object>, options?: Record<string, unknown>) {
  const result = lint(text, [effective(rule, options)]);
  expect(result.ruleErrors ?? []).toEqual([]);
  return result.findings.filter((f) => f.ruleId === rule.id);
}

/** Applies non-overlapping edits to a text (last first). */
function applyEdits(
  text: string,
  edits: { range: { start: number; end: number }; newText: string }[],
): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  }
  return out;
}

describe('hygiene rule metadata', () => {
  it('lists the ten rules in order, each documented and with examples', () => {
    expect(rules.map((r) => r.id)).toEqual([
      'undefined-term',
      'duplicate-definition',
      'unused-definition',
      'inconsistent-term-case',
      'broken-cross-reference',
      'number-word-mismatch',
      'unbalanced-punctuation',
      'list-numbering-gap',
      'vague-deadline',
      'undefined-efforts-standard',
    ]);
    for (const rule of rules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(100);
      expect(rule.examples.invalid.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.valid.length, rule.id).toBeGreaterThan(0);
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
      if (rule.options) {
        expect(rule.options.schema.type).toBe('object');
        expect(rule.options.schema.additionalProperties).toBe(false);
        const properties = Object.keys(rule.options.schema.properties as object);
        for (const key of Object.keys(rule.options.defaults))
          expect(properties, `${rule.id}.${key}`).toContain(key);
      }
    }
  });
});

describe('hygiene rule examples', () => {
  for (const rule of rules) {
    rule.examples.invalid.forEach((example, i) => {
      it(`${rule.id}: invalid example ${i + 1} gives ${example.findings ?? 1} finding(s)`, () => {
        expect(findingsOf(example.text, rule, example.options)).toHaveLength(example.findings ?? 1);
      });
    });
    rule.examples.valid.forEach((example, i) => {
      it(`${rule.id}: valid example ${i + 1} gives no finding`, () => {
        expect(findingsOf(example.text, rule, example.options)).toEqual([]);
      });
    });
  }
});

describe('hygiene-defects fixture', () => {
  const path = fileURLToPath(new URL('../fixtures/markdown/hygiene-defects.md', import.meta.url));
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');

  /** Rule id → 1-based lines that must carry a finding of that rule. */
  const expected = new Map<string, Set<number>>();
  lines.forEach((line, index) => {
    const markers = [...line.matchAll(/<!--\s*expect:\s*([\w\s,-]+?)\s*-->/g)];
    if (markers.length === 0) return;
    // Markers alone on their line flag the next line; otherwise their own line.
    const alone = markers.reduce((rest, m) => rest.replace(m[0], ''), line).trim() === '';
    const target = alone ? index + 2 : index + 1;
    for (const marker of markers) {
      for (const id of (marker[1] as string)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const set = expected.get(id) ?? new Set<number>();
        set.add(target);
        expected.set(id, set);
      }
    }
  });

  it('has a marker for every hygiene rule', () => {
    for (const rule of rules) expect(expected.has(rule.id), rule.id).toBe(true);
  });

  it('each rule fires exactly on its marked lines', () => {
    const result = lintDocument(
      loadText(text, path, 'markdown'),
      rules.map((r) => effective(r)),
    );
    expect(result.ruleErrors ?? []).toEqual([]);
    for (const rule of rules) {
      const actual = [
        ...new Set(result.findings.filter((f) => f.ruleId === rule.id).map((f) => f.line)),
      ].sort((a, b) => a - b);
      const want = [...(expected.get(rule.id) ?? [])].sort((a, b) => a - b);
      expect(actual, rule.id).toEqual(want);
    }
  });
});

describe('fixes', () => {
  const rule = rules.find((r) => r.id === 'number-word-mismatch') as Rule<object>;

  it('number-word-mismatch offers both readings, and each removes the finding', () => {
    const text =
      'The Licensee shall pay within Thirty (60) days and a fee of ten thousand dollars ($10,500).\n';
    const findings = findingsOf(text, rule);
    expect(findings).toHaveLength(2);
    const [days, fee] = findings;
    expect(days?.fixes?.map((f) => f.edits[0]?.newText)).toEqual(['Sixty', '30']);
    expect(fee?.fixes?.map((f) => f.edits[0]?.newText)).toEqual(['ten thousand five hundred', '10,000']);
    for (const finding of findings) {
      for (const fix of finding.fixes ?? []) {
        expect(fix.safe).toBe(false);
        const fixed = applyEdits(text, fix.edits);
        const after = findingsOf(fixed, rule);
        expect(after.filter((f) => f.range.start === finding.range.start)).toEqual([]);
        expect(after).toHaveLength(1);
      }
    }
  });

  it('inconsistent-term-case restores the defined capitalisation', () => {
    const caseRule = rules.find((r) => r.id === 'inconsistent-term-case') as Rule<object>;
    const text =
      '"Licensed Patents" means the patents in Schedule 1.\n\nThe licence covers the licensed patents.\n';
    const [finding] = findingsOf(text, caseRule);
    const fix = finding?.fixes?.[0];
    expect(fix?.edits[0]?.newText).toBe('Licensed Patents');
    expect(findingsOf(applyEdits(text, fix?.edits ?? []), caseRule)).toEqual([]);
  });
});

describe('inconsistent-term-case with accented and plain terms together', () => {
  it('finds both kinds, in text order, whichever starts first', () => {
    const caseRule = rules.find((r) => r.id === 'inconsistent-term-case') as Rule<object>;
    const text =
      '"Licensed Patents" means the patents in Schedule 1. "Café Products" means the drinks in Schedule 2. "Licensed Products" means both.\n\n' +
      'The licence covers the café products and the licensed patents, and licensed products.\n';
    const found = findingsOf(text, caseRule).map((f) => f.message.match(/^"([^"]+)"/)?.[1]);
    expect(found).toEqual(['café products', 'licensed patents', 'licensed products']);
  });
});

describe('number-words', () => {
  it('writes numbers the way agreements do', () => {
    expect(numberToWords(0)).toBe('zero');
    expect(numberToWords(35)).toBe('thirty-five');
    expect(numberToWords(120)).toBe('one hundred twenty');
    expect(numberToWords(10_500)).toBe('ten thousand five hundred');
    expect(numberToWords(2_000_001)).toBe('two million one');
    expect(numberToWords(2.5)).toBeNull();
    expect(matchCase('Thirty-Five', 'forty-two')).toBe('Forty-Two');
    expect(matchCase('THIRTY', 'sixty')).toBe('SIXTY');
    expect(matchCase('thirty', 'sixty')).toBe('sixty');
    expect(formatDigits(10000, true)).toBe('10,000');
  });
});

describe('false positives on professionally drafted agreements', () => {
  const dir = AGREEMENTS_MD;
  const available = existsSync(dir);
  const measured = ['undefined-term', 'broken-cross-reference', 'duplicate-definition'];

  it.skipIf(!available)(
    'undefined-term + broken-cross-reference + duplicate-definition ≤ 1 per 10,000 words (Common Paper, GitHub)',
    () => {
      const files = readdirSync(dir).filter((f) => /^(?:commonpaper|github)_.*\.md$/.test(f));
      expect(files.length).toBeGreaterThan(0);
      const selected = rules.filter((r) => measured.includes(r.id)).map((r) => effective(r));
      let words = 0;
      const counts = new Map<string, number>(measured.map((id) => [id, 0]));
      for (const file of files) {
        const text = readFileSync(dir + file, 'utf8');
        words += text.split(/\s+/).filter(Boolean).length;
        const result = lint(text, selected, file);
        expect(result.ruleErrors ?? []).toEqual([]);
        for (const f of result.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      }
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const rate = (total / words) * 10_000;
      const perRule = [...counts].map(([id, n]) => `${id} ${((n / words) * 10_000).toFixed(2)}`).join(', ');
      console.info(
        `hygiene false positives: ${total} in ${words} words = ${rate.toFixed(2)} per 10k (${perRule})`,
      );
      expect(rate).toBeLessThanOrEqual(1);
    },
  );
});

describe('hygiene causes found on real licences', () => {
  const broken = rules.find((r) => r.id === 'broken-cross-reference') as Rule<object>;
  const undefinedTerm = rules.find((r) => r.id === 'undefined-term') as Rule<object>;
  const body = '## Article 3\n\n3.01 First.\n\n3.02 Second.\n\n3.03 Third.\n\n3.04 Fourth.\n\n';

  it('reference ranges with leading-zero labels ("Articles 3.01 to 3.04", "Section 3.2" for 3.02)', () => {
    const text = `${body}## Article 4\n\n4.1 The obligations in Articles 3.01 to 3.04 survive, and so do Sections 3.01 through 3.03 and Section 3.2.\n`;
    expect(findingsOf(text, broken)).toEqual([]);
    // A genuinely missing section in the same document is still found.
    expect(findingsOf(`${text}\n4.2 See Section 3.07.\n`, broken).map((f) => f.message)).toEqual([
      expect.stringContaining('3.07'),
    ]);
  });

  it('table-of-contents lines are not references ("Appendix ....... 21")', () => {
    const text = `# Agreement\n\nTable of Contents\n\n- Article 3 Definitions ....... 4\n- Appendix 21\n\n${body}`;
    expect(findingsOf(text, broken)).toEqual([]);
  });

  it('schedules the copy says were omitted are a note, not an error', () => {
    const omitted = lint(
      '## 1. Licence\n\nThe Licensed Patents are listed in Exhibit B.\n\n## 2. Schedules\n\nThe schedules and exhibits to this Agreement have been omitted.\n',
      [effective(broken)],
    ).findings;
    expect(omitted.map((f) => [f.ruleId, f.severity])).toEqual([['broken-cross-reference', 'info']]);
  });

  it('a key term used once in an operative clause without a definition is reported', () => {
    const text =
      'This Agreement is made between Alpha Ltd ("Alpha") and Beta Inc ("Beta").\n\n## 8. Confidentiality\n\n8.1 Each party shall keep the Confidential Information of the other party secret.\n';
    expect(findingsOf(text, undefinedTerm).map((f) => f.message)).toEqual([
      expect.stringContaining(
        '"Confidential Information" is capitalised like a defined term but is not defined (1 use)',
      ),
    ]);
  });
});
