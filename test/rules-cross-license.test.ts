import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantsOf, hasExclusivity, isCrossLicense } from '../engine/classify/cross-license.js';
import { clauseLibrary, fillTemplate } from '../engine/clauses/library.js';
import { type EffectiveRule, type FileResult, lintDocument, loadText } from '../engine/index.js';
import { CROSS_LICENSE_ONLY, crossLicenseRules, LICENSE_LIKE } from '../rules/cross-license/index.js';
import { rules as allRules } from '../rules/index.js';

const fixtures = new URL('../fixtures/markdown/', import.meta.url).pathname;
const packIds = new Set(crossLicenseRules.map((r) => r.id));
const coreRules = allRules.filter((r) => !packIds.has(r.id));

/** Core rules at their defaults plus the pack, gated as the cross-license preset will run it. */
function catalog(gated: boolean): EffectiveRule[] {
  return [
    ...coreRules.map((rule) => ({
      rule,
      severity: rule.defaultSeverity,
      options: (rule.options?.defaults ?? {}) as Record<string, unknown>,
    })),
    ...crossLicenseRules.map((rule) => ({ rule, severity: rule.defaultSeverity, options: {}, gated })),
  ];
}

function lint(text: string, gated = true, path = 'example.md'): FileResult {
  const result = lintDocument(loadText(text, path, 'markdown'), catalog(gated));
  expect(result.ruleErrors).toBeUndefined();
  return result;
}

function analyse(text: string) {
  const result = lint(text);
  if (!result.model || !result.clauses) throw new Error('no model');
  return { model: result.model, clauses: result.clauses };
}

const lintFixture = (name: string) => lint(readFileSync(join(fixtures, name), 'utf8'), true, name);
const pack = (result: FileResult) => result.findings.filter((f) => packIds.has(f.ruleId));

const PREAMBLE =
  'This Agreement is made between Alpha Robotics Ltd. ("Alpha") and Beta Systems Inc. ("Beta").\n\n';

describe('cross-license detection', () => {
  it('a title that says cross-license', () => {
    const { model, clauses } = analyse(
      `# Patent Cross-Licence Agreement\n\n${PREAMBLE}## 1. Licence\n\n1.1 Alpha grants Beta a non-exclusive licence under the Licensed Patents.\n`,
    );
    expect(isCrossLicense(model, clauses)).toBe(true);
  });

  it('recitals that say cross licensing', () => {
    const { model, clauses } = analyse(
      `# Patent Agreement\n\n${PREAMBLE}## Recitals\n\nA. The parties wish to settle their dispute by cross licensing their portfolios.\n\n## 1. Licence\n\n1.1 Alpha grants Beta a non-exclusive licence under its patents.\n`,
    );
    expect(isCrossLicense(model, clauses)).toBe(true);
  });

  it('grants that run both ways', () => {
    const { model, clauses } = analyse(
      `# Patent Agreement\n\n${PREAMBLE}## 1. Licences\n\n1.1 Alpha grants Beta a non-exclusive licence under the Alpha patents.\n\n1.2 Beta hereby grants to Alpha a non-exclusive licence under the Beta patents.\n`,
    );
    expect(isCrossLicense(model, clauses)).toBe(true);
    const grants = grantsOf(model, clauses);
    expect(grants.map((g) => [g.grantor, g.grantee])).toEqual([
      ['Alpha', 'Beta'],
      ['Beta', 'Alpha'],
    ]);
  });

  it('a mutual grant ("each Party grants the other Party")', () => {
    const { model, clauses } = analyse(
      `# Patent Agreement\n\n${PREAMBLE}## 1. Licences\n\n1.1 Each Party grants the other Party a non-exclusive licence under its patents listed in Schedule A.\n`,
    );
    expect(isCrossLicense(model, clauses)).toBe(true);
    expect(grantsOf(model, clauses)[0]?.mutual).toBe(true);
  });

  it('a one-way licence is not a cross-license, even with an improvements grant-back', () => {
    const { model, clauses } = analyse(
      `# Patent Licence Agreement\n\n${PREAMBLE}## 1. Licence\n\n1.1 Alpha grants Beta a non-exclusive licence under its patents listed in Schedule A.\n\n1.2 Beta grants Alpha a non-exclusive licence under its Improvements.\n`,
    );
    expect(isCrossLicense(model, clauses)).toBe(false);
  });

  it('a one-way licence titled cross-license is one', () => {
    const result = lintFixture('cross-license-one-way.md');
    if (!result.model || !result.clauses) throw new Error('no model');
    expect(isCrossLicense(result.model, result.clauses)).toBe(true);
  });

  it('reads grant attributes: exclusivity, field, territory, sublicensing', () => {
    const { model, clauses } = analyse(
      `# Patent Agreement\n\n${PREAMBLE}## 1. Licences\n\n1.1 Alpha grants Beta an exclusive licence, with the right to grant sublicences, under the patents listed in Schedule A to make and sell products in the Field of Use worldwide.\n`,
    );
    const [grant] = grantsOf(model, clauses);
    expect(grant).toMatchObject({
      grantor: 'Alpha',
      grantee: 'Beta',
      exclusivity: 'exclusive',
      field: 'in the Field',
      territory: 'worldwide',
      sublicensable: 'yes',
    });
    expect(hasExclusivity(model, clauses)).toBe(true);
  });

  it('a statement of intent in the recitals is not a grant', () => {
    const { model, clauses } = analyse(
      `# Patent Cross-License Agreement\n\n${PREAMBLE}## Recitals\n\nA. The Parties wish to grant each other licences under their patents.\n`,
    );
    expect(grantsOf(model, clauses)).toEqual([]);
  });
});

describe('every pack rule documents itself and its examples hold (all rules on, ungated)', () => {
  it('ids are the ones the issue names, each gated one way or the other', () => {
    expect([...packIds].sort()).toEqual([...CROSS_LICENSE_ONLY, ...LICENSE_LIKE].sort());
    expect(packIds.size).toBe(16);
  });

  for (const rule of crossLicenseRules) {
    describe(rule.id, () => {
      it('has metadata, an appliesTo gate and templates that exist', () => {
        expect(rule.category).toBe('cross-license');
        expect(rule.description.length).toBeGreaterThan(10);
        expect(rule.rationale.length).toBeGreaterThan(40);
        expect(rule.examples.invalid.length).toBeGreaterThan(0);
        expect(rule.examples.valid.length).toBeGreaterThan(0);
        expect(rule.appliesTo).toBeTypeOf('function');
      });
      rule.examples.invalid.forEach((example, i) => {
        it(`invalid example ${i + 1}`, () => {
          const found = lint(example.text, false).findings.filter((f) => f.ruleId === rule.id);
          expect(found).toHaveLength(example.findings ?? 1);
          for (const f of found) {
            const template = f.data?.template;
            expect(typeof template === 'string' && clauseLibrary().has(template)).toBe(true);
          }
        });
      });
      rule.examples.valid.forEach((example, i) => {
        it(`valid example ${i + 1}`, () => {
          expect(lint(example.text, false).findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
        });
      });
    });
  }
});

describe('key behaviours', () => {
  const cross = `# Patent Cross-License Agreement\n\n${PREAMBLE}`;

  it('non-reciprocal-grant points at both grants', () => {
    const result = lint(
      `${cross}## 1. Licences\n\n1.1 Alpha grants Beta an exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n1.2 Beta grants Alpha a non-exclusive licence under the patents listed in Schedule B to make and sell products worldwide in all fields.\n`,
    );
    const [finding] = result.findings.filter((f) => f.ruleId === 'non-reciprocal-grant');
    expect(finding?.message).toContain('grant by Beta');
    expect(finding?.related).toHaveLength(1);
    expect(
      result.textView?.slice(finding?.related?.[0]?.range.start, finding?.related?.[0]?.range.end),
    ).toContain('Alpha grants Beta');
  });

  it('non-reciprocal-grant stays quiet when the asymmetry is paid for', () => {
    const result = lint(
      `${cross}## 1. Licences\n\n1.1 Alpha grants Beta an exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n1.2 Beta grants Alpha a non-exclusive licence under the patents listed in Schedule B to make and sell products worldwide in all fields.\n\n## 2. Payment\n\n2.1 Beta shall pay Alpha a balancing payment of one million dollars ($1,000,000) within thirty (30) days.\n`,
    );
    expect(result.findings.filter((f) => f.ruleId === 'non-reciprocal-grant')).toEqual([]);
  });

  it('ambiguous-exclusivity: a blanket statement answers silent grants', () => {
    const result = lint(
      `${cross}## 1. Licences\n\n1.1 Alpha grants Beta a licence under the patents listed in Schedule A.\n\n1.2 All licences granted under this Agreement are non-exclusive.\n`,
    );
    expect(result.findings.filter((f) => f.ruleId === 'ambiguous-exclusivity')).toEqual([]);
  });

  it('ambiguous-exclusivity: an undefined "semi-exclusive" licence', () => {
    const result = lint(
      `${cross}## 1. Licence\n\n1.1 Alpha grants Beta a semi-exclusive licence under its patents.\n`,
    );
    const found = result.findings.filter((f) => f.ruleId === 'ambiguous-exclusivity');
    expect(found.map((f) => f.data?.messageId)).toEqual(['partialUndefined']);
  });

  it('royalty-without-rate names what is missing', () => {
    const result = lint(
      `${cross}## 1. Licence\n\n1.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make products worldwide in all fields.\n\n## 3. Royalties\n\n3.1 Beta shall pay Alpha a royalty of two percent (2%) of Net Sales.\n`,
    );
    const [finding] = result.findings.filter((f) => f.ruleId === 'royalty-without-rate');
    expect(finding?.message).toContain('payment period');
    expect(finding?.message).not.toContain('rate,');
  });

  it('missing-* findings sit at the General article when there is one, with a template', () => {
    const result = lint(
      `${cross}## 1. Licence\n\n1.1 Alpha grants Beta a royalty-free, non-exclusive licence under the patents listed in Schedule A to make products worldwide in all fields.\n\n## 9. General\n\n9.1 Notices are given in writing.\n`,
    );
    const law = result.findings.find((f) => f.ruleId === 'missing-governing-law');
    expect(result.textView?.slice(law?.range.start, law?.range.end)).toContain('General');
    expect(law?.data?.template).toBe('governing-law');
  });

  it('the cross-license-only rules do not run on a one-way licence when gated', () => {
    const result = lint(
      `# Patent Licence Agreement\n\n${PREAMBLE}## 1. Licence\n\n1.1 Alpha grants Beta a non-exclusive licence under its patents.\n`,
    );
    const ids = new Set(pack(result).map((f) => f.ruleId));
    for (const id of CROSS_LICENSE_ONLY) expect(ids.has(id), id).toBe(false);
    expect(ids.has('missing-governing-law')).toBe(true);
  });

  it('the generic rules do not run on an agreement without a licence when gated', () => {
    const result = lint(
      '# Services Agreement\n\n## 1. Services\n\n1.1 Supplier shall provide the services.\n',
    );
    expect(pack(result)).toEqual([]);
  });

  it('templates fill in the parties', () => {
    const { model } = analyse(`# Agreement\n\n${PREAMBLE}`);
    const text = clauseLibrary().get('defensive-termination')?.paragraphs[0] ?? '';
    expect(fillTemplate(text, model)).toMatch(/^If Alpha .* against Beta/);
  });
});

/** "<!-- expect: rule-id -->" markers. */
function markers(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect:\s*([a-z-]+)\s*-->/g)) out.push(`${i + 1}:${m[1]}`);
  });
  return out.sort();
}

describe('fixtures', () => {
  for (const name of ['cross-license-pack-defects.md', 'cross-license-one-way.md']) {
    it(`${name}: every marked finding and nothing else (core rules + the gated pack)`, () => {
      const result = lintFixture(name);
      const actual = result.findings.map((f) => `${f.line}:${f.ruleId}`).sort();
      expect(actual).toEqual(markers(readFileSync(join(fixtures, name), 'utf8')));
    });
  }

  it('cross-license-pack-defects.md plants every pack rule except missing-payment-terms (in the one-way fixture)', () => {
    const planted = new Set([
      ...pack(lintFixture('cross-license-pack-defects.md')).map((f) => f.ruleId),
      ...pack(lintFixture('cross-license-one-way.md')).map((f) => f.ruleId),
    ]);
    expect([...planted].sort()).toEqual([...packIds].sort());
  });

  it('cross-license-one-way.md: non-reciprocal-grant and a contradictory exclusivity (error)', () => {
    const found = pack(lintFixture('cross-license-one-way.md'));
    expect(found.find((f) => f.ruleId === 'non-reciprocal-grant')?.data?.messageId).toBe('oneWay');
    expect(found.find((f) => f.ruleId === 'ambiguous-exclusivity')?.severity).toBe('error');
  });

  it('patent-cross-license.md (well drafted) gets no pack findings', () => {
    expect(pack(lintFixture('patent-cross-license.md'))).toEqual([]);
  });

  it('cross-license-defects.md: the pack findings the core fixture gets', () => {
    const found = pack(lintFixture('cross-license-defects.md')).map((f) => `${f.line}:${f.ruleId}`);
    expect(found.sort()).toEqual(
      [
        '31:ambiguous-exclusivity',
        '51:improvements-after-termination',
        '51:missing-defensive-termination',
        '65:missing-assignment-clause',
      ].sort(),
    );
  });
});

describe('messages name only the parties the preamble names', () => {
  it('a typo in a grant ("grants License a licence") is not copied into a message', () => {
    const result = lint(
      '# Patent Cross-License Agreement\n\nThis Agreement is made between Alpha Robotics Ltd. ("Licensor") and Beta Systems Inc. ("Licensee").\n\n## 1. Licence\n\n1.1 Licensor grants License an exclusive licence under the patents listed in Schedule A to make and sell products.\n',
      false,
    );
    for (const f of result.findings) expect(f.message).not.toMatch(/\bLicense (?:a|an) /);
  });
});
