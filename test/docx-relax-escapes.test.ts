import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readsTheSame, relaxEscapes } from '../engine/load/docx/relax-escapes.js';
import { parseMarkdown } from '../engine/load/markdown.js';

// readsTheSame answers two common cases without parsing; it must agree with parsing both ways.
const fingerprint = (markdown: string) =>
  JSON.stringify(parseMarkdown(markdown), (key, value) => (key === 'position' ? undefined : value));
const relax = (line: string) =>
  line.replace(/\\([!-/:-@[-`{-~])/g, (all, ch: string) => (ch === '|' ? all : ch));

function expectAgreement(line: string): void {
  const relaxed = relax(line);
  if (relaxed === line) return;
  expect(readsTheSame(line, relaxed), JSON.stringify(line)).toBe(fingerprint(relaxed) === fingerprint(line));
}

describe('relaxEscapes', () => {
  it.each([
    ['| **Cloud Service Fees** | \\[ ] {fees} per {fee_unit}\\[ ] Other: _\\[Drafting note.]_ |', true],
    ['1\\. Payment', false],
    ['12\\) Term', false],
    ['\\[Date] means the date', true],
    ['\\[Date](x) is a link without the backslash', false],
    ['`\\[` is code', false],
    ['-     \\[x] indented code in a list item', false],
  ])('%s', (line, relaxes) => {
    expect(relaxEscapes(line) !== line).toBe(relaxes);
    expectAgreement(line);
  });

  it('agrees with parsing both ways on random lines', () => {
    const piece = fc.constantFrom(
      'a',
      ' ',
      '  ',
      '    ',
      '\t',
      '\\[',
      '[',
      ']',
      '(',
      ')',
      '_',
      '*',
      '**',
      '!',
      '|',
      '\\|',
      '1',
      '2\\.',
      '3\\)',
      '\\.',
      '.',
      '#',
      '-',
      '>',
      '`',
      '<',
      '~',
      ':',
      '^',
      '\\_',
      '\\*',
      '\\\\',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) =>
        expectAgreement(pieces.join('')),
      ),
      { numRuns: 4000, seed: 14 },
    );
  });
});
