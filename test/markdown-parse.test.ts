import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../engine/load/markdown.js';
import { remarkAgreementSyntax } from '../engine/load/markdown-syntax.js';

// The reference: every extension on, whatever the text contains.
const reference = unified().use(remarkParse).use(remarkAgreementSyntax);

describe('parseMarkdown leaves out only extensions that cannot fire', () => {
  it.each([
    ['pipe table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['one-column table without pipes', 'Fee\n:-:\n5'],
    ['left-aligned delimiter without pipes', 'Fee\n:--\n5'],
    ['right-aligned delimiter without pipes', 'Fee\r\n--:\r\n5'],
    ['setext heading, not a table', 'Term\n---\nbody'],
    ['strikethrough', 'The fee is ~~5%~~ 6%.'],
    ['footnote', 'Royalty[^1].\n\n[^1]: Net of taxes.'],
  ])('%s', (_name, text) => {
    expect(parseMarkdown(text)).toEqual(reference.parse(text));
  });

  it('gives the same tree as the full parser on random Markdown', () => {
    const piece = fc.constantFrom(
      'a',
      'B',
      ' ',
      '\n',
      '\n\n',
      '|',
      ':',
      '-',
      '~',
      '~~',
      '[^1]',
      '[^1]: x',
      '#',
      '*',
      '1.',
      '>',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(parseMarkdown(text)).toEqual(reference.parse(text));
      }),
      { numRuns: 2000 },
    );
  });
});
