import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMarkdown, markdownBlocks } from '../engine/load/markdown.js';
import { buildModel } from '../engine/model/build.js';
import { findCrossReferences, resolveCrossReferences } from '../engine/model/crossrefs.js';
import { buildSections } from '../engine/model/sections.js';
import type { CrossReference, Section } from '../engine/model/types.js';
import { AGREEMENTS_MD, CUAD_TXT, textBlocks } from './helpers/corpus.js';

const MD = AGREEMENTS_MD;
const CUAD = CUAD_TXT;

function refs(md: string): Array<[string, string, string, string]> {
  return findCrossReferences(markdownBlocks(md)).map((r) => [
    r.kind,
    r.label,
    md.slice(r.range.start, r.range.end),
    md.slice(r.phraseRange.start, r.phraseRange.end),
  ]);
}

describe('findCrossReferences', () => {
  it('finds single references of every kind', () => {
    const md =
      'See Section 12.3(a)(ii), Article IV, Clause 5.2, Paragraph 3, Schedule 1, Exhibit B, Annex A-1, ' +
      'Appendix C, Sec. 4, § 7.1 and SECTION 9.';
    expect(refs(md).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['section', '12.3(a)(ii)', '12.3(a)(ii)'],
      ['article', 'IV', 'IV'],
      ['clause', '5.2', '5.2'],
      ['paragraph', '3', '3'],
      ['schedule', '1', '1'],
      ['exhibit', 'B', 'B'],
      ['annex', 'A-1', 'A-1'],
      ['appendix', 'C', 'C'],
      ['section', '4', '4'],
      ['section', '7.1', '7.1'],
      ['section', '9', '9'],
    ]);
  });

  it('splits lists and ranges into one reference per identifier', () => {
    expect(refs('Under Sections 4.3, 6 and 7 hereof.')).toEqual([
      ['section', '4.3', '4.3', 'Sections 4.3, 6 and 7'],
      ['section', '6', '6', 'Sections 4.3, 6 and 7'],
      ['section', '7', '7', 'Sections 4.3, 6 and 7'],
    ]);
    expect(refs('Sections 2.1 through 2.4 apply.').map((r) => r[1])).toEqual(['2.1', '2.4', '2.2', '2.3']);
    expect(refs('Sections 2.1 to 2.3 apply.').map((r) => r[1])).toEqual(['2.1', '2.3', '2.2']);
    expect(refs('Sections 2.1–2.3 apply.').map((r) => [r[1], r[3]])).toEqual([
      ['2.1', 'Sections 2.1–2.3'],
      ['2.3', 'Sections 2.1–2.3'],
      ['2.2', 'Sections 2.1–2.3'],
    ]);
    expect(refs('Sections 3(a) and (b) apply.').map((r) => [r[1], r[2]])).toEqual([
      ['3(a)', '3(a)'],
      ['(b)', '(b)'],
    ]);
    expect(refs('Exhibits A and B are attached.').map((r) => [r[0], r[1]])).toEqual([
      ['exhibit', 'A'],
      ['exhibit', 'B'],
    ]);
    expect(refs('§§ 2.1-2.2 apply.').map((r) => r[1])).toEqual(['2.1', '2.2']);
  });

  it('skips generic, unnumbered and external references', () => {
    const md =
      'This section applies. As set out in this Section, the sections below and section headings. ' +
      'Rights under Section 365(n) of the Bankruptcy Code and Section 16(b) of the Exchange Act, ' +
      'Section 1.1 of the Order Form, Section 3.2 of the Strategic Alliance Agreement, Code Section 409A, ' +
      '17 C.F.R. § 240.24b-2, Sections 1 and 2 of the Sherman Act. Section 5 of this Agreement and ' +
      'Section 6 of the Agreement and Section 2 of Exhibit B still count. Schedule A and 30 days.';
    expect(refs(md).map((r) => [r[0], r[1]])).toEqual([
      ['section', '5'],
      ['section', '6'],
      ['section', '2'],
      ['exhibit', 'B'],
      ['schedule', 'A'],
    ]);
  });

  it('accepts lower-case keywords only with a number', () => {
    expect(refs('as described in section 4.2 and the schedule A.').map((r) => r[1])).toEqual(['4.2']);
  });

  it('handles every corpus file and returns ranges inside the text', () => {
    const bad: string[] = [];
    let total = 0;
    for (const dir of [MD, CUAD]) {
      for (const file of readdirSync(dir)) {
        const text = readFileSync(dir + file, 'utf8');
        const blocks = file.endsWith('.md') ? markdownBlocks(text) : textBlocks(text);
        for (const r of findCrossReferences(blocks)) {
          total++;
          const inside = r.range.start >= r.phraseRange.start && r.range.end <= r.phraseRange.end;
          if (!inside || r.phraseRange.end > text.length) bad.push(`${file}: ${r.label}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(total).toBeGreaterThan(1000);
  });
});

function section(
  id: string,
  kind: Section['kind'],
  key: string,
  children: Section[] = [],
  attachmentKind?: Section['attachmentKind'],
): Section {
  const s: Section = {
    id,
    key,
    number: key,
    title: id,
    level: 1,
    kind,
    headingRange: { start: 0, end: 0 },
    range: { start: 0, end: 0 },
    children,
  };
  if (attachmentKind) s.attachmentKind = attachmentKind;
  return s;
}

describe('resolveCrossReferences', () => {
  const sections: Section[] = [
    section('art-iv', 'article', 'iv', [
      section('s4.1', 'section', '4.1', [section('s4.1a', 'clause', 'a')]),
      section('s12.3', 'section', '12.3', [
        section('s12.3a', 'clause', 'a', [section('s12.3a-ii', 'clause', 'ii')]),
      ]),
    ]),
    section('s5', 'section', '5.'),
    section('s6', 'section', 'Section 6'),
    section('s3', 'section', '3', [section('s3a', 'clause', '(a)'), section('s3b', 'clause', '(b)')]),
    section('exhibit-b', 'attachment', 'b', [], 'exhibit'),
    section('schedule-1', 'attachment', '1', [], 'schedule'),
  ];

  function resolve(md: string): Array<[string, string | undefined]> {
    const found: CrossReference[] = findCrossReferences(markdownBlocks(md));
    return resolveCrossReferences(found, sections).map((r) => [r.label, r.resolved ? r.targetId : undefined]);
  }

  it('resolves sections, clauses, articles and attachments', () => {
    expect(
      resolve('Section 12.3(a)(ii), Section 12.3(a), Section 12.3(c), Section 4.1(a), Section 9.'),
    ).toEqual([
      ['12.3(a)(ii)', 's12.3a-ii'],
      ['12.3(a)', 's12.3a'],
      ['12.3(c)', 's12.3'],
      ['4.1(a)', 's4.1a'],
      ['9', undefined],
    ]);
    expect(resolve('Article IV, Article 4, Section 5, Section 6, Clause 4.1 and Paragraph 3.')).toEqual([
      ['IV', 'art-iv'],
      ['4', 'art-iv'],
      ['5', 's5'],
      ['6', 's6'],
      ['4.1', 's4.1'],
      ['3', 's3'],
    ]);
    expect(resolve('Exhibit B, Schedule 1, Exhibit 1, Annex B and Sections 3(a) and (b).')).toEqual([
      ['B', 'exhibit-b'],
      ['1', 'schedule-1'],
      ['1', undefined],
      ['B', undefined],
      ['3(a)', 's3a'],
      ['(b)', 's3b'],
    ]);
    expect(resolve('Section 4 applies.')).toEqual([['4', 'art-iv']]);
  });
});

describe('references into lettered sections', () => {
  it('"Section D.3" resolves to item 3 of Section D', () => {
    const md =
      '## D. Content\n\n### 1. Responsibility\n\nText.\n\n### 3. License Grant to Us\n\nAs set out in Section D.3 and Section D.9.\n';
    const blocks = markdownBlocks(md);
    const refs = resolveCrossReferences(findCrossReferences(blocks), buildSections(blocks).sections);
    expect(refs.map((r) => `${r.label}:${r.resolved}`)).toEqual(['D.3:true', 'D.9:false']);
  });
});

describe('attachments labelled with a bracketed part', () => {
  // Through the model builder, which drops the labels' own lines from the references.
  function resolved(md: string): string[] {
    const model = buildModel(loadMarkdown(md, 'cover.md'));
    return model.crossReferences.map((r) => `${r.kind} ${r.label}:${r.resolved}`);
  }

  it('"SCHEDULE 1.1(b)" heads schedule 1.1(b), not schedule 1', () => {
    const md =
      '1. Assets. The assets are listed in Schedule 1.1(b) and Schedule 1.1(c).\n\nSCHEDULE 1.1(b)\n\nPatents.\n';
    expect(resolved(md)).toEqual(['schedule 1.1(b):true', 'schedule 1.1(c):false']);
  });

  it("a cover page's bold label cell is the annex it names; Annex 1(B) is Annex I(B)", () => {
    const md = [
      '| **Annex I(A) List of Parties** | |',
      '| --- | --- |',
      '| **Annex I(B) Description of Transfer** | |',
      '| Activities: see Annex 1(B) | |',
      '',
      'Annex I(A) names the parties and Annex I(C) the supervisory authority.',
      '',
    ].join('\n');
    expect(resolved(md)).toEqual(['annex 1(B):true', 'annex I(A):true', 'annex I(C):false']);
  });

  it('a table cell that is not all bold does not head an annex', () => {
    const md = '| Annex I(A) List of Parties | |\n| --- | --- |\n\nSee Annex I(A).\n';
    expect(resolved(md).at(-1)).toBe('annex I(A):false');
  });
});
