import fc from 'fast-check';
import type { PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { stringifyOptions, textHandler } from '../engine/load/docx/render.js';

/**
 * The Word view's Markdown writer shows the escaping step only the unsafe patterns whose character
 * occurs around a text (render.ts). It must write exactly what remark-stringify's own text
 * handler writes, whatever the text and its neighbours.
 */
const { handlers: _ours, ...plainOptions } = stringifyOptions;
const withOurs = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, stringifyOptions);
const withTheirs = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, plainOptions);

const piece = fc.constantFrom(
  'a',
  ' ',
  'Word',
  '1.',
  '2)',
  '-',
  '+',
  '*',
  '_',
  '#',
  '>',
  '<',
  '[',
  ']',
  '(',
  ')',
  '!',
  '`',
  '~',
  '|',
  '&',
  '&amp;',
  ':',
  'http://x.y',
  'www.z.com',
  'a@b.c',
  '\\',
  '=',
  '  \n',
  '\n',
  '\t',
  '"',
  "'",
);
/** Short texts, and long ones (past the 64 characters a "peek" at a text reads; runs of underscores). */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')) },
  fc
    .array(fc.oneof(piece, fc.constantFrom('_'.repeat(70), 'x'.repeat(60), '_ _', '__a__')), {
      minLength: 10,
      maxLength: 40,
    })
    .map((parts) => parts.join('')),
);

const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  { weight: 4, arbitrary: text.map((value) => ({ type: 'text', value }) as PhrasingContent) },
  text.map(
    (value) => ({ type: 'strong', children: [{ type: 'text', value: value || 'x' }] }) as PhrasingContent,
  ),
  text.map(
    (value) => ({ type: 'emphasis', children: [{ type: 'text', value: value || 'x' }] }) as PhrasingContent,
  ),
  text.map(
    (value) => ({ type: 'delete', children: [{ type: 'text', value: value || 'x' }] }) as PhrasingContent,
  ),
  text.map(
    (value) =>
      ({
        type: 'link',
        url: 'https://example.com',
        children: [{ type: 'text', value: value || 'x' }],
      }) as PhrasingContent,
  ),
  fc.constant({ type: 'break' } as PhrasingContent),
);

const block = fc.oneof(
  fc
    .array(phrasing, { minLength: 1, maxLength: 5 })
    .map((children) => ({ type: 'paragraph' as const, children })),
  fc
    .array(phrasing, { minLength: 1, maxLength: 3 })
    .map((children) => ({ type: 'heading' as const, depth: 2 as const, children })),
  fc
    .array(fc.array(phrasing, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 })
    .map((cells) => ({
      type: 'table' as const,
      children: [cells, cells].map((row) => ({
        type: 'tableRow' as const,
        children: row.map((children) => ({ type: 'tableCell' as const, children })),
      })),
    })),
  fc.array(phrasing, { minLength: 1, maxLength: 3 }).map((children) => ({
    type: 'list' as const,
    ordered: true,
    start: 1,
    children: [{ type: 'listItem' as const, children: [{ type: 'paragraph' as const, children }] }],
  })),
);

describe('the Word view text handler', () => {
  it('writes what remark-stringify writes, for random text in paragraphs, headings, tables and lists', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (children) => {
        const tree = { type: 'root', children } as Root;
        expect(withOurs.stringify(structuredClone(tree))).toBe(withTheirs.stringify(structuredClone(tree)));
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 500) },
    );
  });

  it('is the handler the Word view uses', () => {
    expect(stringifyOptions.handlers?.text).toBe(textHandler);
  });
});
