import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../engine/load/markdown.js';
import { romanToNumber, sectionKey } from '../engine/model/section-numbers.js';
import { buildSections } from '../engine/model/sections.js';
import type { Section } from '../engine/model/types.js';

function outline(markdown: string) {
  return buildSections(markdownBlocks(markdown));
}

function flat(sections: Section[], depth = 0): string[] {
  return sections.flatMap((s) => [
    `${'  '.repeat(depth)}${s.number ?? '-'} ${s.title}`,
    ...flat(s.children, depth + 1),
  ]);
}

describe('buildSections', () => {
  it('nests decimal numbers, clauses and attachments, and keeps the title apart', () => {
    const md = [
      '# Licence Agreement',
      '',
      '## 1. Definitions',
      '',
      '1.1 "Affiliate" means a controlled entity.',
      '',
      '## 2. Grant',
      '',
      '2.1 License. Licensor grants a licence.',
      '',
      '(a) to make;',
      '',
      '(b) to sell.',
      '',
      '2.2 Reservation. All other rights are reserved.',
      '',
      '## Exhibit A — Patents',
      '',
      'US 1.',
    ].join('\n');
    const result = outline(md);
    expect(result.title).toBe('Licence Agreement');
    expect(flat(result.sections)).toEqual([
      '1 Definitions',
      '  1.1 ',
      '2 Grant',
      '  2.1 License',
      '    (a) ',
      '    (b) ',
      '  2.2 Reservation',
      'A Patents',
    ]);
    const exhibit = result.sections[2] as Section;
    expect(exhibit.kind).toBe('attachment');
    expect(exhibit.attachmentKind).toBe('exhibit');
    expect(exhibit.id).toBe('exhibit-a');
  });

  it('reads ARTICLE headings and Section lead-ins, and ignores sentences that start with "Section 5 of"', () => {
    const md = [
      '## ARTICLE IV – LICENSE',
      '',
      'Section 4.1. Grant. Licensor grants a licence.',
      '',
      'Section 4.1 of the Other Agreement does not apply.',
      '',
      '## ARTICLE V – TERM',
    ].join('\n');
    const result = outline(md);
    expect(flat(result.sections)).toEqual(['IV LICENSE', '  4.1 Grant', 'V TERM']);
    expect(result.sections[0]?.kind).toBe('article');
  });

  it('composes nested Markdown list numbers the way such documents are cited', () => {
    const md = [
      '1. Service',
      '    1. Access and Use. Customer may use it.',
      '    2. Support. Provider supports it.',
      '2. Fees',
    ].join('\n');
    const result = outline(md);
    expect(flat(result.sections)).toEqual(['1 Service', '  1.1 Access and Use', '  1.2 Support', '2 Fees']);
  });

  it('section ranges end where the next section of the same or higher rank starts', () => {
    const md = '## 1. One\n\nText one.\n\n## 2. Two\n\nText two.\n';
    const result = outline(md);
    const [one, two] = result.sections as [Section, Section];
    expect(md.slice(one.range.start, one.range.end)).toBe('## 1. One\n\nText one.');
    expect(md.slice(two.range.start, two.range.end)).toBe('## 2. Two\n\nText two.');
  });

  it('skips table-of-contents lines', () => {
    const result = outline('1.1 Definitions ........ 3\n\n## 1. Definitions\n');
    expect(flat(result.sections)).toEqual(['1 Definitions']);
  });
});

describe('section numbers', () => {
  it('normalises keys and roman numerals', () => {
    expect(sectionKey('12.3.')).toBe('12.3');
    expect(sectionKey('(a)')).toBe('a');
    expect(sectionKey('IV')).toBe('iv');
    expect(romanToNumber('XIV')).toBe(14);
    expect(romanToNumber('abc')).toBeNull();
  });
});
