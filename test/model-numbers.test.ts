import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../engine/load/markdown.js';
import { findDualNumbers, parseNumberWords } from '../engine/model/numbers.js';
import { CUAD_TXT, textBlocks } from './helpers/corpus.js';

const CUAD = CUAD_TXT;

describe('parseNumberWords', () => {
  it('parses compound number words', () => {
    expect(parseNumberWords('thirty')).toBe(30);
    expect(parseNumberWords('Thirty-Five')).toBe(35);
    expect(parseNumberWords('one hundred twenty')).toBe(120);
    expect(parseNumberWords('one hundred and twenty')).toBe(120);
    expect(parseNumberWords('ten thousand')).toBe(10_000);
    expect(parseNumberWords('two million five hundred thousand')).toBe(2_500_000);
    expect(parseNumberWords('banana')).toBeNull();
  });
});

describe('findDualNumbers', () => {
  it('finds numbers written in words and digits', () => {
    const md =
      'Within thirty (30) days, pay five percent (5%) of Net Sales, Thirty-Five (35) units, one hundred twenty (120) ' +
      'days, one hundred and twenty (120) hours, two (2) years, ten thousand dollars ($10,000), fifty percent (50%), ' +
      'ten (12) widgets and five (5) percent.';
    const found = findDualNumbers(markdownBlocks(md));
    expect(
      found.map((d) => [
        md.slice(d.range.start, d.range.end),
        d.words,
        d.digits,
        d.wordValue,
        d.digitValue,
        d.unit,
      ]),
    ).toEqual([
      ['thirty (30)', 'thirty', '30', 30, 30, undefined],
      ['five percent (5%)', 'five percent', '5%', 5, 5, 'percent'],
      ['Thirty-Five (35)', 'Thirty-Five', '35', 35, 35, undefined],
      ['one hundred twenty (120)', 'one hundred twenty', '120', 120, 120, undefined],
      ['one hundred and twenty (120)', 'one hundred and twenty', '120', 120, 120, undefined],
      ['two (2)', 'two', '2', 2, 2, undefined],
      ['ten thousand dollars ($10,000)', 'ten thousand dollars', '$10,000', 10_000, 10_000, undefined],
      ['fifty percent (50%)', 'fifty percent', '50%', 50, 50, 'percent'],
      ['ten (12)', 'ten', '12', 10, 12, undefined],
      ['five (5)', 'five', '5', 5, 5, 'percent'],
    ]);
  });

  it('ignores digits without words and non-number words', () => {
    expect(
      findDualNumbers(
        markdownBlocks('Pay within (30) days under Section (3) and someone (1) and phone (555).'),
      ),
    ).toEqual([]);
  });

  it('handles every CUAD file', () => {
    let total = 0;
    const bad: string[] = [];
    for (const file of readdirSync(CUAD)) {
      const text = readFileSync(CUAD + file, 'utf8');
      for (const d of findDualNumbers(textBlocks(text))) {
        total++;
        if (!text.slice(d.range.start, d.range.end).endsWith(')')) bad.push(`${file}: ${d.words}`);
      }
    }
    expect(bad).toEqual([]);
    expect(total).toBeGreaterThan(500);
  });
});
