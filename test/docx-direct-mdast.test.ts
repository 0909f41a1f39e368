import fc from 'fast-check';
import type { ElementContent, Element as HastElement, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { directMdast } from '../engine/load/docx/direct-mdast.js';

/**
 * The Word view turns paragraphs and headings into mdast itself (direct-mdast.ts) and hands every
 * other block to rehype-remark. The result must be exactly rehype-remark's on the whole tree, for
 * any whitespace and any nesting of the inline elements mammoth writes.
 */
const rehype = unified().use(rehypeRemark);
const viaRehypeRemark = (root: HastRoot): Root => rehype.runSync(structuredClone(root)) as Root;

const piece = fc.constantFrom(
  'a',
  'Word',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  ' \n ',
  '\t \n',
  '',
  '.',
);
const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

const element = (tagName: string, children: ElementContent[], properties = {}): HastElement => ({
  type: 'element',
  tagName,
  properties,
  children,
});

const { inline } = fc.letrec<{ inline: ElementContent }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: text.map((value) => ({ type: 'text', value }) as ElementContent) },
    { weight: 1, arbitrary: fc.constant(element('br', [])) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom('strong', 'em', 'u', 's', 'span', 'sup', 'sub', 'a'),
          fc.array(tie('inline'), { maxLength: 4 }),
          fc.constantFrom(undefined, '', '#x', 'http://example.com/a b'),
        )
        .map(([tag, children, href]) =>
          element(tag, children, tag === 'a' ? (href === undefined ? { id: 'b' } : { href }) : {}),
        ),
    },
  ),
}));

const cell = fc.array(inline, { maxLength: 3 }).map((children) => element('td', [element('p', children)]));
const block: fc.Arbitrary<HastElement> = fc.oneof(
  { weight: 6, arbitrary: fc.array(inline, { maxLength: 6 }).map((children) => element('p', children)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.array(inline, { maxLength: 4 }))
      .map(([depth, children]) => element(`h${depth}`, children)),
  },
  fc.array(fc.array(inline, { maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((items) =>
    element(
      'ol',
      items.map((children) => element('li', [element('p', children)])),
    ),
  ),
  fc
    .array(cell, { minLength: 1, maxLength: 3 })
    .map((cells) => element('table', [element('tbody', [element('tr', cells)])])),
  // A paragraph holding an element the direct path does not take.
  fc.array(inline, { maxLength: 3 }).map((children) => element('p', [...children, element('input', [])])),
);

const root = fc
  .array(block, { maxLength: 6 })
  .map((children): HastRoot => ({ type: 'root', children, data: { quirksMode: false } }));

describe('directMdast', () => {
  it('gives rehype-remark’s mdast for any tree of Word blocks', () => {
    fc.assert(
      fc.property(root, (tree) => {
        const expected = viaRehypeRemark(tree);
        const ours = directMdast(structuredClone(tree), viaRehypeRemark);
        expect(ours).toEqual(expected);
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 3000) },
    );
  });

  it('a top level with text or an inline element goes to rehype-remark whole', () => {
    const tree: HastRoot = {
      type: 'root',
      children: [{ type: 'text', value: ' a ' }, element('p', [{ type: 'text', value: 'b' }])],
    };
    let whole = 0;
    const ours = directMdast(structuredClone(tree), (r) => {
      whole++;
      return viaRehypeRemark(r);
    });
    expect(whole).toBe(1);
    expect(ours).toEqual(viaRehypeRemark(tree));
  });

  it('whitespace: collapsed, and dropped at block edges and around breaks', () => {
    const tree: HastRoot = {
      type: 'root',
      children: [
        element('p', [
          { type: 'text', value: '  The \t Licensee ' },
          element('strong', [{ type: 'text', value: ' shall ' }]),
          { type: 'text', value: ' pay' },
          element('br', []),
          { type: 'text', value: '  fees.  ' },
        ]),
      ],
    };
    const ours = directMdast(structuredClone(tree), () => {
      throw new Error('not expected');
    });
    expect(ours).toEqual({
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'The Licensee ' },
            { type: 'strong', children: [{ type: 'text', value: 'shall ' }] },
            { type: 'text', value: 'pay' },
            { type: 'break' },
            { type: 'text', value: 'fees.' },
          ],
        },
      ],
    });
    expect(ours).toEqual(viaRehypeRemark(tree));
  });
});
