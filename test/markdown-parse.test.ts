import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseWithRemark } from '../engine/load/markdown.js';
import { parseAroundPlainParagraphs } from '../engine/load/markdown-plain.js';
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
      // Plain prose and what ends it (markdown-plain.ts): brackets, quotes, entities, fences,
      // HTML, indentation, markers and underlines.
      'Licensee',
      ' pays',
      '(a)',
      '"',
      '2)',
      '3. ',
      '+ ',
      '=',
      '    ',
      '```',
      '~~~',
      '<div>',
      '<!--',
      '&amp;',
      'AT&T',
      '_',
      '[x]',
      '[x]: /y',
      '\\',
      '  \n',
      '[',
      ']',
      '](y)',
      '![',
      '\n\n  Indented text',
      // Indented code, its blank lines, and what micromark reads after it ("11. x" is no list).
      '\n\n    code',
      '\n      \n',
      '11.  X',
      '- item',
      // Strong emphasis written simply, headings, and their near misses.
      '**',
      '**Term.**',
      ' **"Term"**',
      '**x',
      '## ',
      '# Title',
      'a*',
      '.',
      // A lone run of asterisks is text (a redaction in a filed agreement).
      ' [***]',
      '[*]',
      // Ordered list items of one paragraph.
      '\n\n1. Item',
      '\n\n2) Item',
      // Underscores and asterisks that may or may not make emphasis (flanking), other starts.
      '__',
      '_x_',
      ' _',
      'a_b',
      '*a*',
      ' * ',
      '•',
      '$',
      ',',
      // Blocks after indented code and after regions that may stay open.
      '\n\n2. x',
      '\n\n- ',
      '\n\n> q',
      '\n\n| a |\n| - |',
      '\n\n   ',
      '\n\n - x',
      '\n\n10.  x',
      '\n\n  ',
      '\n\n\t',
      // Definitions and near misses ("[***]: Depomed has …" defines nothing).
      '[x]: y z',
      '[x]:\n/y',
      ' "t"',
      '[***]:',
      '\n\n<http://x.y/a?b=1>',
      '<a href="x">',
      '\n\n</p>',
      // Escapes and hard breaks ("1\\. Term" in Word agreements' text views).
      '\\.',
      '\\(',
      '\\*',
      '\\\n',
      '\\',
      '1\\. ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(parseMarkdown(text)).toEqual(reference.parse(text));
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 4000) },
    );
  });
});

describe('emphasis built by the fast path', () => {
  it('pairs runs of * and _ as micromark does', () => {
    // Paragraphs of words, punctuation and runs: what the flanking rules, the rule of three and
    // runs used up in parts decide. Each starts with a word so that it stays a paragraph.
    const piece = fc.constantFrom(
      '*',
      '**',
      '***',
      '_',
      '__',
      'a',
      'B',
      ' ',
      '.',
      '"',
      '[',
      ']',
      '\n',
      '\na',
      '\\.',
      '\\\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = `Word ${pieces.join('')}\n\nNext.\n`;
        expect(parseMarkdown(text)).toEqual(reference.parse(text));
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 4000) },
    );
  });

  it('takes the fast path for redactions and defined terms', () => {
    const texts = [
      'The fee is [***] per unit and [***] per year.\n',
      '**"Licensed Patents"** means the patents of *Schedule A*.\n',
      'Name: ____________ Date: __________\n',
      '1. [***] of [***]\n\n2. _Term_ and __more__\n\nText.\n',
    ];
    for (const text of texts) {
      expect(parseMarkdown(text), text).toEqual(reference.parse(text));
      expect(parseAroundPlainParagraphs(text, parseWithRemark), text).toBeDefined();
    }
  });
});

// Plain prose paragraphs are built without micromark (engine/load/markdown-plain.ts): the tree,
// positions included, must be the one remark gives, on every real agreement read as Markdown.
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
function agreementsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|txt)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

describe('plain paragraphs built directly give remark’s tree', () => {
  it('around indented code and between regions parsed in one run', () => {
    const texts = [
      'Para.\n\n    code a\n      \n      b\n\n  \n\n    c\n\nNext.\n',
      'Para.\n\n        9\n\n11.  INSURANCE\n\nText.\n',
      '1. First\n\nPlain.\n\n- item\n\n  continued\n\nPlain again.\n\n> quote\n',
      '    code at the start\n\nPlain.\n\n    more code\n',
      '# Agreement\n\n2.1 **Obligation 1.** Subject to **"Licensed Patents"**, each party shall.\n\n## 2. Grants\n',
      '**Term** means a term, and **Other**\nmeans another.\n',
      'The fee is [***] per unit,\npayable monthly.\n\nNext.\n',
      '## 10. Insurance\n\n1. First item\ncontinued\n\n2. Second **item**\n\nText.\n\n007.  Seventh\n',
    ];
    for (const text of texts) expect(parseMarkdown(text), text).toEqual(parseWithRemark(text));
    // The indented code and the regions above do take the fast path.
    for (const text of texts) expect(parseAroundPlainParagraphs(text, parseWithRemark), text).toBeDefined();
  });

  it('on the fixtures', () => {
    const files = agreementsUnder(fileURLToPath(new URL('../fixtures/', import.meta.url)));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseMarkdown(text), file).toEqual(parseWithRemark(text));
    }
  });

  it.skipIf(!existsSync(corpus))(
    'on every agreement of the shared corpus, read as Markdown',
    () => {
      const files = agreementsUnder(corpus);
      expect(files.length).toBeGreaterThan(250);
      let plain = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const tree = parseMarkdown(text);
        expect(tree, file).toEqual(parseWithRemark(text));
        if (parseAroundPlainParagraphs(text, parseWithRemark)) plain++;
      }
      // The fast path is taken on most of them (else this test checks little).
      expect(plain).toBeGreaterThan(files.length / 2);
    },
    120_000,
  );
});
