import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, evaluate } from '../bench/eval/evaluate.mjs';
import { classifyClauses } from '../engine/classify/clauses.js';
import type { ClauseType } from '../engine/classify/types.js';
import { loadFile } from '../engine/load/index.js';
import { loadText } from '../engine/load/text.js';
import { buildModel } from '../engine/model/build.js';

function classifyMarkdown(text: string) {
  const model = buildModel(loadText(text, 'test.md', 'markdown'));
  return { model, index: classifyClauses(model) };
}

function classifyPlain(text: string) {
  const model = buildModel(loadText(text, 'test.txt', 'text'));
  return { model, index: classifyClauses(model) };
}

/** Labels of the first paragraph containing `needle`. */
function labelsAt(result: ReturnType<typeof classifyMarkdown>, needle: string): readonly ClauseType[] {
  const at = result.model.paragraphs.findIndex((p) => p.text.includes(needle));
  expect(at, `no paragraph contains "${needle}"`).toBeGreaterThanOrEqual(0);
  return result.index.labelsOf(at);
}

describe('classifyClauses — headings', () => {
  const md = [
    '# Patent License Agreement',
    '',
    '## 1. Definitions',
    '',
    '1.1 "Audit" means an examination by an independent accountant.',
    '',
    '## 2. Books and Records; Audit',
    '',
    '2.1 Licensee shall keep complete books.',
    '',
    '2.2 Such examination shall take place once a year.',
    '',
    '## 3. Term and Termination',
    '',
    '3.1 Notice. The Agreement runs for five years.',
    '',
    '3.2 Effect of Termination. Licensee shall stop selling Licensed Products.',
    '',
    '## 4. Governing Law',
    '',
    'New York.',
    '',
    '## 5. Assignment',
    '',
    'Neither party may do so without consent.',
  ].join('\n');
  const result = classifyMarkdown(md);

  it('labels every paragraph of a section by its title', () => {
    expect(labelsAt(result, 'keep complete books')).toEqual(expect.arrayContaining(['records', 'audit']));
    expect(labelsAt(result, 'once a year')).toContain('audit');
    expect(labelsAt(result, 'New York.')).toContain('governing-law');
    expect(labelsAt(result, 'without consent')).toContain('assignment');
  });

  it('lets a child title override its parent and inherits otherwise', () => {
    expect(labelsAt(result, 'runs for five years')).toEqual(expect.arrayContaining(['term', 'termination']));
    const effects = labelsAt(result, 'stop selling');
    expect(effects).toContain('termination-effects');
    expect(effects).not.toContain('termination');
  });

  it('reports the sections that name a clause', () => {
    expect(result.index.sectionsOf('audit')).toHaveLength(1);
    expect(result.index.sectionsOf('governing-law')).toHaveLength(1);
    expect(result.index.hits('audit').every((h) => h.source === 'heading')).toBe(true);
  });

  it('does not take a definition for the clause', () => {
    const definition = labelsAt(result, '"Audit" means');
    expect(definition).toContain('definitions');
    expect(definition).not.toContain('audit');
  });

  it('does not label the document title', () => {
    const { index } = classifyMarkdown('# Exclusive License Agreement\n\nThe parties agree as follows.\n');
    expect(index.has('license-grant')).toBe(false);
    expect(index.has('exclusivity')).toBe(false);
  });

  it('needs text that confirms an audit heading', () => {
    const { index } = classifyMarkdown(
      '## 6. Billing, Reporting, Auditing\n\nLicensor shall bill Licensee monthly.\n',
    );
    expect(index.has('audit')).toBe(false);
    expect(index.has('reports')).toBe(true);
  });
});

describe('classifyClauses — sentences (no headings)', () => {
  const text = [
    'THIS AGREEMENT is made between Acme Corp. ("Licensor") and Beta LLC ("Licensee").',
    '',
    'Licensor hereby grants to Licensee an exclusive, royalty-bearing, worldwide license under the Licensed Patents to make and sell Licensed Products. Licensee shall pay Licensor a royalty of five percent (5%) of Net Sales.',
    '',
    'Licensee shall keep accurate books and records of all sales. Licensor may, upon thirty (30) days notice, have an independent accountant inspect and audit such books and records.',
    '',
    'This Agreement shall commence on the Effective Date and shall continue for a period of five (5) years. Either party may terminate this Agreement if the other party fails to cure a material breach within thirty (30) days after written notice.',
    '',
    'Upon termination of this Agreement, Licensee shall cease all sales. Sections 4 and 5 shall survive any termination.',
    '',
    'This Agreement shall be governed by and construed in accordance with the laws of the State of Delaware. Any dispute shall be finally settled by arbitration in Wilmington, Delaware.',
    '',
    'Licensee may not assign this Agreement without the prior written consent of Licensor.',
    '',
    'Each party shall hold the Confidential Information of the other party in strict confidence and shall not disclose it to any third party.',
    '',
    'Licensee shall prosecute and maintain the Licensed Patents at its own cost. If a third party infringes a Licensed Patent, Licensor may bring an action for infringement.',
    '',
    'Licensor may terminate the license granted to Licensee if Licensee brings a patent infringement claim against Licensor.',
  ].join('\n');
  const { index } = classifyPlain(text);

  it.each([
    'license-grant',
    'exclusivity',
    'territory',
    'royalty',
    'payment',
    'records',
    'audit',
    'term',
    'termination',
    'cure-period',
    'termination-effects',
    'survival',
    'governing-law',
    'dispute-resolution',
    'assignment',
    'confidentiality',
    'prosecution',
    'enforcement',
    'defensive-termination',
  ] as ClauseType[])('finds %s', (type) => {
    expect(index.has(type)).toBe(true);
    expect(index.hits(type)[0]?.source).toBe('sentence');
  });

  it('returns hits in document order with paragraph labels', () => {
    const hits = index.hits('termination');
    for (let i = 1; i < hits.length; i++)
      expect(hits[i]?.range.start).toBeGreaterThanOrEqual(hits[i - 1]?.range.start ?? 0);
    const first = hits[0];
    expect(first && index.labelsOf(first.paragraph)).toContain('termination');
  });
});

describe('classifyClauses — false-positive traps', () => {
  it('ignores the audit committee and audited financial statements', () => {
    const { index } = classifyPlain(
      [
        'The Company shall deliver its audited consolidated financial statements within ninety (90) days after year end.',
        '',
        'The audit committee of the Board shall review the records of the meeting.',
      ].join('\n'),
    );
    expect(index.has('audit')).toBe(false);
  });

  it('does not count record-keeping alone as an audit right', () => {
    const { index } = classifyPlain(
      'You agree to maintain all records relating to the development of any Company IP.\n',
    );
    expect(index.has('audit')).toBe(false);
    expect(index.has('records')).toBe(true);
  });

  it('ignores termination of employment', () => {
    const { index } = classifyPlain(
      'Upon termination of his employment for any reason, the Employee shall return all Company property.\n',
    );
    expect(index.has('termination')).toBe(false);
    expect(index.has('termination-effects')).toBe(false);
  });

  it('does not read "during the term of this Agreement" as a term clause', () => {
    const { index } = classifyPlain(
      'During the term of this Agreement, Distributor shall purchase the Products from Supplier.\n',
    );
    expect(index.has('term')).toBe(false);
  });

  it('does not take a non-exclusive licence or an exclusive remedy for exclusivity', () => {
    const { index } = classifyPlain(
      [
        'Licensor hereby grants to Licensee a non-exclusive, non- exclusive license to use the Software.',
        '',
        'This is Licensee’s sole and exclusive remedy. Prices are exclusive of taxes.',
        '',
        'Nothing herein shall be construed as creating an exclusive arrangement between the parties.',
      ].join('\n'),
    );
    expect(index.has('exclusivity')).toBe(false);
    expect(index.has('license-grant')).toBe(true);
  });

  it('does not take "successors and assigns" boilerplate for an assignment clause', () => {
    const { index } = classifyPlain(
      'This Agreement shall be binding upon and inure to the benefit of the parties and their respective successors and assigns.\n',
    );
    expect(index.has('assignment')).toBe(false);
  });

  it('does not take a personal-data security duty for confidentiality', () => {
    const { index } = classifyPlain(
      'Developer shall maintain all Personal Data with security measures adequate to preserve the confidentiality of such Personal Data.\n',
    );
    expect(index.has('confidentiality')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Regression floor on the CUAD development contracts (The Atticus Project, CUAD v1, CC BY 4.0).

const corpusRoot = resolve(process.env.CORPUS_DIR ?? join(import.meta.dirname, '../../shared/corpus'));
const haveCorpus = existsSync(join(corpusRoot, 'cuad-dev', 'manifest.json'));

describe.skipIf(!haveCorpus)('classifyClauses — CUAD regression floor', () => {
  it('keeps audit F1 vs CUAD Audit Rights at or above 0.93', async () => {
    const checks = CHECKS.filter((c) => c.clause === 'audit' && c.set === 'cuad');
    const result = await evaluate(
      corpusRoot,
      { loadFile, buildModel, classifyClauses },
      { sets: ['cuad'], checks },
    );
    expect(result.errors).toEqual([]);
    const audit = result.metrics[0];
    expect(audit?.f1 ?? 0).toBeGreaterThanOrEqual(0.93);
  });
});

describe('audit evidence is about money or compliance, not patients', () => {
  it('an opportunity to examine medical records is no audit right', async () => {
    const { buildModel, classifyClauses, loadText } = await import('../engine/index.js');
    const model = buildModel(
      loadText(
        '## 7. Records\n\nThe Hospital shall have the right to examine the medical records of patients treated with the Device.\n',
        'x.md',
        'markdown',
      ),
    );
    expect(classifyClauses(model).has('audit')).toBe(false);
  });
});
