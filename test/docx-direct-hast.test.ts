import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directHast } from '../engine/load/docx/direct-hast.js';
import { type HtmlElement, type HtmlNode, toHtml } from '../engine/load/docx/html-capture.js';
import { docxToHtml, docxToHtmlTree, parseHtml } from '../engine/load/docx/render.js';
import { AGREEMENTS_DOCX } from './helpers/corpus.js';

// The direct conversion (mammoth's HTML tree → hast) must give what parsing mammoth's HTML gives, or
// decline. Positions are left out: only the parser has them, and nothing downstream reads them.
const withoutPositions = (tree: unknown) =>
  JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value)));

async function expectSameAsParsed(tree: HtmlElement): Promise<void> {
  const direct = directHast(tree);
  if (!direct) return;
  expect(withoutPositions(direct)).toEqual(withoutPositions(await parseHtml(toHtml(tree))));
}

const docxDirs = ['fixtures/docx', AGREEMENTS_DOCX].filter(existsSync);
const docxFiles = docxDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.docx'))
    .map((name) => join(dir, name)),
);

describe('direct hast: Word agreements', () => {
  it.each(docxFiles)('%s converts directly, as the HTML parser reads it', async (path) => {
    const tree = await docxToHtmlTree({ buffer: readFileSync(path) });
    expect(directHast(tree)).toBeDefined();
    await expectSameAsParsed(tree);
  });

  it.each(docxFiles)('%s: the kept tree, written, is the HTML mammoth writes', async (path) => {
    const buffer = readFileSync(path);
    expect(toHtml(await docxToHtmlTree({ buffer }))).toBe(await docxToHtml({ buffer }));
  });
});

const el = (
  tagName: string,
  children: HtmlNode[] = [],
  attributes: Record<string, string> = {},
): HtmlElement => ({
  type: 'element',
  tagName,
  attributes,
  children,
  selfClosing: ['br', 'img', 'input'].includes(tagName),
});
const text = (value: string): HtmlNode => ({ type: 'text', value });
const root = (...children: HtmlNode[]) => el('#root', children);

describe('direct hast: shapes', () => {
  it('puts rows written straight into a table into a tbody, and types attributes', async () => {
    const tree = root(
      el('table', [el('tr', [el('td', [el('p', [text('a')])], { colspan: '2', rowspan: '3' })])]),
      el('p', [
        el('a', [text('x')], { href: '#a', id: 'b' }),
        el('input', [], { type: 'checkbox', checked: 'checked' }),
      ]),
      el('table', [el('thead', [el('tr', [el('th', [text('h')])])]), el('tbody', [el('tr', [el('td')])])]),
    );
    expect(directHast(tree)).toBeDefined();
    await expectSameAsParsed(tree);
  });

  it.each([
    ['a paragraph inside a paragraph', root(el('p', [el('p', [text('a')])]))],
    ['a link inside a link', root(el('p', [el('a', [el('strong', [el('a', [text('a')], { id: 'x' })])])]))],
    ['text in a table row', root(el('table', [el('tr', [text('a')])]))],
    ['a list item outside a list', root(el('li', [text('a')]))],
    ['an element not listed', root(el('div', [text('a')]))],
    ['an attribute not listed', root(el('p', [text('a')], { style: 'x' }))],
    ['a carriage return', root(el('p', [text('a\r\nb')]))],
    ['a NUL', root(el('p', [text('a\0b')]))],
  ])('declines %s', (_, tree) => {
    expect(directHast(tree)).toBeUndefined();
  });

  it('agrees with the parser on random trees wherever it converts', async () => {
    // Mostly what mammoth writes (each element holding what it may hold), sometimes anything.
    const allowed: Record<string, string[]> = {
      flow: ['p', 'h1', 'ul', 'ol', 'dl', 'table', 'a', 'strong', 'em', 'sup', 'br', '#text'],
      phrasing: ['a', 'strong', 'em', 's', 'sup', 'sub', 'span', 'br', 'img', 'input', '#text'],
      list: ['li'],
      definitions: ['dt', 'dd'],
      table: ['thead', 'tbody', 'tr', 'tr'],
      section: ['tr'],
      row: ['td', 'th'],
    };
    const contentOf = (tag: string): string =>
      ({
        ul: 'list',
        ol: 'list',
        dl: 'definitions',
        table: 'table',
        thead: 'section',
        tbody: 'section',
        tr: 'row',
      })[tag] ?? (['li', 'td', 'th', 'dt', 'dd'].includes(tag) ? 'flow' : 'phrasing');
    const anyTag = [...new Set(Object.values(allowed).flat()), 'u', 'div', 'hr', 'tfoot'];
    const attributes = fc.oneof(
      { arbitrary: fc.constant({}), weight: 3 },
      fc.dictionary(
        fc.constantFrom('href', 'id', 'colspan', 'rowspan', 'class', 'checked', 'alt', 'style'),
        fc.constantFrom('', '2', 'x y', ' a\tb ', 'checked', '#x', '&amp;', '1e3', 'a\rb'),
        { maxKeys: 2 },
      ),
    );
    const texts = fc.constantFrom('a', ' ', '&lt;', 'x\ty', '<b>', '\u00a0', '\n', 'a\0');
    const arbitraries = fc.letrec<Record<string, HtmlNode>>((tie) =>
      Object.fromEntries(
        Object.entries(allowed).map(([context, tags]) => [
          context,
          fc
            .tuple(
              fc.oneof(
                { arbitrary: fc.constantFrom(...tags), weight: 12 },
                { arbitrary: fc.constantFrom(...anyTag), weight: 1 },
              ),
              fc.nat(3),
              attributes,
              texts,
            )
            .chain(([tag, count, attrs, value]) => {
              if (tag === '#text') return fc.constant(text(value));
              if (['br', 'img', 'input', 'hr'].includes(tag)) return fc.constant(el(tag, [], attrs));
              return fc
                .array(tie(contentOf(tag)), { maxLength: count })
                .map((children) => el(tag, children, attrs));
            }),
        ]),
      ),
    );
    const merge = (nodes: HtmlNode[]): HtmlNode[] =>
      // Adjacent texts arrive merged (html-capture.ts).
      nodes.reduce<HtmlNode[]>((out, n) => {
        const last = out[out.length - 1];
        if (n.type === 'text' && last?.type === 'text') last.value += n.value;
        else out.push(n.type === 'element' ? { ...n, children: merge(n.children) } : { ...n });
        return out;
      }, []);
    const roots = fc
      .array(arbitraries.flow as fc.Arbitrary<HtmlNode>, { minLength: 1, maxLength: 4 })
      .map((children) => root(...merge(children)));
    let converted = 0;
    await fc.assert(
      fc.asyncProperty(roots, async (tree) => {
        if (directHast(tree)) converted++;
        await expectSameAsParsed(tree);
      }),
      { numRuns: 2000, seed: 14 },
    );
    expect(converted).toBeGreaterThan(400);
  });
});
