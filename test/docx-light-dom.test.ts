import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LightDocument, type LightElement, lightTree, parseLightXml } from '../engine/load/docx/light-dom.js';
import { parseXml } from '../engine/load/docx/xml.js';
import { xmldomTree } from '../engine/load/docx/xmldom-tree.js';
import { LoadError } from '../engine/load/errors.js';

/**
 * The light DOM must hold what xmldom holds for every node the loader and mammoth read: names,
 * namespaces, prefixes, attributes in order, text, CDATA, comments and processing instructions.
 */

interface DumpNode {
  nodeType: number;
  firstChild: DumpNode | null;
  nextSibling: DumpNode | null;
  tagName?: string;
  namespaceURI?: string | null;
  prefix?: string | null;
  localName?: string;
  attributes?: ArrayLike<{
    name: string;
    namespaceURI: string | null;
    prefix: string | null;
    localName: string;
    value: string;
  }>;
  data?: string;
  target?: string;
}

function dump(node: DumpNode, out: string[] = []): string[] {
  if (node.nodeType === 1) {
    const attributes = Array.from(node.attributes ?? [], (a) =>
      [a.name, a.namespaceURI, a.prefix, a.localName, JSON.stringify(a.value)].join('|'),
    );
    out.push(
      `<${node.tagName}|${node.namespaceURI}|${node.prefix}|${node.localName} ${attributes.join(' ')}>`,
    );
    for (let child = node.firstChild; child; child = child.nextSibling) dump(child, out);
    out.push('</>');
  } else if (node.nodeType === 7) out.push(`?${node.target} ${JSON.stringify(node.data)}`);
  else out.push(`${node.nodeType} ${JSON.stringify(node.data)}`);
  return out;
}

function viaXmldom(xml: string): string[] {
  const doc = new DOMParser({
    locator: false,
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(xml, 'application/xml');
  return dump(doc.documentElement as unknown as DumpNode);
}

function refusal(parse: () => unknown): string {
  try {
    parse();
    return '';
  } catch (error) {
    return String(error);
  }
}

function viaLight(xml: string): string[] {
  return dump(parseLightXml(xml).documentElement as unknown as DumpNode);
}

describe('light DOM', () => {
  const snippets = [
    '<a x="1&#9;2&#10;3" y="a\tb\nc">t&amp;&lt;&gt;&quot;&apos;&#x41;&#65;&#x1F600;</a>',
    '<a>line1\r\nline2\rline3</a>',
    '<w:a xmlns:w="urn:w"><w:b w:v="1" v="2"/><c xmlns="urn:d"><e/></c><f/></w:a>',
    '<a xmlns="urn:x"><b xmlns=""><c/></b><d/></a>',
    '<w:a xmlns:w="urn:1"><w:b xmlns:w="urn:2"><w:c/></w:b><w:d/></w:a>',
    '<a><![CDATA[x<y]]>text<!-- c --><?pi data?></a>',
    '<a xml:space="preserve"> <b>  </b>\n</a>',
  ];
  for (const xml of snippets) {
    it(`holds what xmldom holds: ${JSON.stringify(xml).slice(0, 60)}`, () => {
      expect(viaLight(xml)).toEqual(viaXmldom(xml));
    });
  }

  it('holds what xmldom holds for every XML part of the Word files here', () => {
    const dirs = ['fixtures/docx', '../shared/corpus/agreements/docx'].filter((dir) => existsSync(dir));
    let parts = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((file) => file.endsWith('.docx'))) {
        for (const [part, bytes] of Object.entries(unzipSync(readFileSync(join(dir, name))))) {
          if (!/\.(xml|rels)$/.test(part)) continue;
          const xml = strFromU8(bytes).replace(/^\uFEFF/, '');
          expect(viaLight(xml), `${name} ${part}`).toEqual(viaXmldom(xml));
          parts++;
        }
      }
    }
    expect(parts).toBeGreaterThan(50);
  });

  it('holds what xmldom holds for random well-formed parts (namespaces, text, CDATA, comments)', () => {
    const prefix = fc.constantFrom('', 'w', 'r', 'mc');
    const name = fc.constantFrom('p', 'r', 't', 'body', 'x');
    const text = fc
      .array(
        fc.constantFrom(
          'a',
          ' ',
          '\n',
          '\t',
          '&amp;',
          '&lt;',
          '&#x41;',
          '&#10;',
          '"',
          "'",
          '>',
          'é',
          '\u2028',
        ),
        {
          maxLength: 8,
        },
      )
      .map((parts) => parts.join(''));
    const attribute = fc
      .tuple(prefix, fc.constantFrom('val', 'id', 'space', 'type'), text)
      .map(([p, n, v]) => ` ${p ? `${p}:` : ''}${n}="${v.replace(/"/g, '&quot;')}"`);
    const declaration = fc
      .tuple(fc.constantFrom('', 'w', 'r', 'mc'), fc.constantFrom('urn:a', 'urn:b', 'urn:c'))
      .map(([p, uri]) => ` xmlns${p ? `:${p}` : ''}="${uri}"`);
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(
          prefix,
          name,
          fc.uniqueArray(attribute, { maxLength: 3, selector: (a) => a.slice(0, a.indexOf('=')) }),
          fc.uniqueArray(declaration, { maxLength: 2, selector: (d) => d.slice(0, d.indexOf('=')) }),
          depth > 1
            ? fc.array(
                fc.oneof(
                  text,
                  element(depth - 1),
                  // Never empty: xmldom keeps an empty CDATA section as a node, the light DOM none (no Word
                  // part holds one, and neither the loader nor mammoth reads CDATA).
                  text.map((t) => `<![CDATA[x${t.replace(/]]>/g, '')}]]>`),
                  fc.constant('<!-- note -->'),
                  fc.constant('<?pi data?>'),
                ),
                { maxLength: 4 },
              )
            : fc.constant([] as string[]),
        )
        .map(([p, n, attributes, declarations, children]) => {
          const tag = `${p ? `${p}:` : ''}${n}`;
          return `<${tag}${declarations.join('')}${attributes.join('')}>${children.join('')}</${tag}>`;
        }),
    );
    // Every prefix is declared on the root, so the random tree may use any of them anywhere.
    const root = element(4).map((xml) =>
      xml.replace(/^<([^ >]+)/, '<$1 xmlns:w="urn:w0" xmlns:r="urn:r0" xmlns:mc="urn:mc0"'),
    );
    fc.assert(
      fc.property(root, (xml) => {
        const wellFormed = (() => {
          try {
            viaXmldom(xml);
            return true;
          } catch {
            return false;
          }
        })();
        // Duplicate attributes after a redeclaration and the like: both must refuse them.
        if (!wellFormed) return;
        const bytes = new TextEncoder().encode(xml);
        // The one thing xmldom takes that the light DOM refuses: one attribute named twice through
        // two prefixes of one namespace (xmldom keeps the last), which is not namespace-well-formed.
        if (/is given twice/.test(refusal(() => lightTree(xml)))) return;
        expect(
          dump(parseXml(bytes, 'p.xml', 'x.docx', lightTree).documentElement as unknown as DumpNode),
        ).toEqual(
          dump(parseXml(bytes, 'p.xml', 'x.docx', xmldomTree).documentElement as unknown as DumpNode),
        );
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 300) },
    );
  });

  it('keeps sibling links right through edits', () => {
    const doc = parseLightXml('<r><a/><b/><c/></r>');
    const root = doc.documentElement as LightElement;
    const children = () => {
      const out: LightElement[] = [];
      for (let node = root.firstChild; node; node = node.nextSibling) out.push(node as LightElement);
      return out;
    };
    const [a, b, c] = children();
    const names = () =>
      children()
        .map((node) => node.localName)
        .join('');
    root.insertBefore(c as LightElement, a as LightElement);
    expect(names()).toBe('cab');
    root.removeChild(a as LightElement);
    expect(names()).toBe('cb');
    const d = doc.createElementNS('urn:w', 'w:d');
    root.replaceChild(d, b as LightElement);
    expect(names()).toBe('cd');
    root.appendChild(doc.createTextNode('x'));
    expect(root.lastChild?.previousSibling).toBe(d);
    expect(root.textContent).toBe('x');
    expect([d.namespaceURI, d.prefix, d.localName]).toEqual(['urn:w', 'w', 'd']);
    d.setAttributeNS('urn:w', 'w:val', '1');
    d.setAttribute('xml:space', 'preserve');
    expect(d.getAttributeNS('urn:w', 'val')).toBe('1');
    expect(d.getAttribute('xml:space')).toBe('preserve');
    expect(d.getAttributeNS('urn:w', 'missing')).toBeNull();
    expect(doc).toBeInstanceOf(LightDocument);
  });

  it('refuses what is not well-formed, as the loader reports it', () => {
    for (const xml of [
      '<w:a xmlns:w="urn:w"><x:b/></w:a>',
      '<a><b></a>',
      '<a b="1" b="2"/>',
      '<a>&bogus;</a>',
    ]) {
      const bytes = new TextEncoder().encode(xml);
      expect(() => parseXml(bytes, 'word/document.xml', 'x.docx', lightTree)).toThrow(LoadError);
      expect(() => parseXml(bytes, 'word/document.xml', 'x.docx', xmldomTree)).toThrow(LoadError);
    }
  });

  it('finds an attribute named twice among many, and reads an element with 200,000 attributes (a quadratic duplicate check would take minutes)', () => {
    const many = Array.from({ length: 20 }, (_, i) => ` a:v${i}="${i}"`).join('');
    const twice = `<a:r xmlns:a="urn:x" xmlns:b="urn:x"${many} b:v19="again"/>`;
    expect(refusal(() => lightTree(twice))).toMatch(/\{urn:x\}v19 is given twice/);
    expect(refusal(() => xmldomTree(twice))).toBe('');
    const wide = `<a:r xmlns:a="urn:x"${Array.from({ length: 200_000 }, (_, i) => ` a:v${i}="${i}"`).join('')}/>`;
    const root = lightTree(wide).documentElement as unknown as LightElement;
    expect(root.attributes).toHaveLength(200_001);
    expect(root.getAttributeNS('urn:x', 'v199999')).toBe('199999');
  });

  it('reads line ends as xmldom does', () => {
    const bytes = new TextEncoder().encode('<a b="1\u20282">x\u0085y\r\u2029z</a>');
    const light = parseXml(bytes, 'p.xml', 'x.docx', lightTree);
    const full = parseXml(bytes, 'p.xml', 'x.docx', xmldomTree);
    expect(dump(light.documentElement as unknown as DumpNode)).toEqual(
      dump(full.documentElement as unknown as DumpNode),
    );
  });
});
