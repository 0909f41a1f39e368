import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDocx } from '../engine/load/docx/index.js';
import type { LoadedDocument } from '../engine/model/types.js';

// Fixtures come from test/fixtures-src/make-docx-fixtures.mjs (run it with node to regenerate).
async function load(name: string): Promise<LoadedDocument> {
  const path = `fixtures/docx/${name}`;
  return loadDocx(new Uint8Array(readFileSync(path)), path);
}

function blockStarting(doc: LoadedDocument, prefix: string) {
  const block = doc.blocks.find((b) => b.text.startsWith(prefix));
  if (!block) throw new Error(`no block starts with ${JSON.stringify(prefix)}`);
  return block;
}

describe('loadDocx: numbered agreement', () => {
  it('writes reconstructed numbers into headings and clauses', async () => {
    const doc = await load('numbered-agreement.docx');
    expect(doc.format).toBe('docx');
    expect(doc.textView).toContain('# ARTICLE I General\n');
    expect(doc.textView).toContain('## 1. Definitions\n');
    expect(doc.textView).toContain('## 2. License Grant\n');
    expect(doc.textView).toContain('\n1.1 "Software" means');
    expect(doc.textView).toContain('\n(a) non-exclusive;');
    expect(doc.textView).toContain('\n(c) revocable under Section 3.2.');
    expect(doc.textView).toContain('# ARTICLE II Commercial Terms\n');
    // Deeper levels restart under the new article.
    expect(doc.textView).toContain('## 1. Term and Termination\n');
    expect(doc.textView).toContain('## 2. Audit\n');
    expect(doc.textView).toContain('\n2.1 Licensor may audit');
    expect(doc.textView).not.toMatch(/[\uE000-\uE001]/);
  });

  it('maps every block to its Word paragraph', async () => {
    const doc = await load('numbered-agreement.docx');
    const expected: Array<[string, number]> = [
      ['Software License Agreement', 1],
      ['This Agreement is between', 2],
      ['ARTICLE I General', 3],
      ['1. Definitions', 4],
      ['1.1 "Software"', 5],
      ['(a) non-exclusive', 10],
      ['ARTICLE II Commercial Terms', 13],
      ['1.1 This Agreement lasts', 15],
      ['2. Audit', 17],
      ['Fee', 19],
      ['USD 1,000 payable yearly', 22],
      ['Signed by the parties.', 24],
    ];
    for (const [prefix, paragraph] of expected) {
      expect(blockStarting(doc, prefix).wordParagraph, prefix).toBe(paragraph);
    }
    expect(doc.blocks.every((b) => b.wordParagraph !== undefined)).toBe(true);
    expect(blockStarting(doc, 'USD').kind).toBe('tableCell');
    expect(blockStarting(doc, '1. Definitions').headingDepth).toBe(2);
  });

  it('gives each Word paragraph its range in the text view', async () => {
    const doc = await load('numbered-agreement.docx');
    const spans = doc.wordParagraphs ?? [];
    expect(spans).toHaveLength(24);
    const text = (index: number) => {
      const span = spans.find((s) => s.index === index);
      return span ? doc.textView.slice(span.range.start, span.range.end) : undefined;
    };
    expect(text(4)).toBe('## 1. Definitions');
    expect(text(17)).toBe('## 2. Audit');
    expect(text(10)).toBe('(a) non-exclusive;');
    expect(text(22)).toBe('USD 1,000');
    expect(text(23)).toBe('payable yearly');
  });

  it('extracts comments with their paragraphs and keeps them out of the text', async () => {
    const doc = await load('numbered-agreement.docx');
    expect(doc.comments).toEqual([
      {
        id: '0',
        author: 'Reviewer',
        text: 'contract-lint-disable undefined-term -- defined in the order form',
        wordParagraphs: [15],
      },
    ]);
    expect(doc.textView).not.toContain('contract-lint-disable');
  });
});

describe('loadDocx: numbering details', () => {
  it('inherits numbering from paragraph styles and their basedOn chain', async () => {
    const doc = await load('style-numbering.docx');
    expect(blockStarting(doc, '1. Payment').wordParagraph).toBe(2);
    expect(doc.textView).toContain('1.1 Invoices are due');
    expect(doc.textView).toContain('1.2 Late amounts');
    expect(doc.textView).toContain('2\\. Warranties');
    expect(blockStarting(doc, '2. Warranties').wordParagraph).toBe(5);
    expect(doc.textView).toContain('2.1 The Software will perform');
    expect(doc.textView).toMatch(/^Preamble$/m);
    expect(doc.textView).toMatch(/^An unnumbered note\.$/m);
  });

  it('continues a list across w:num sharing an abstractNum and restarts on startOverride', async () => {
    const doc = await load('restart-continue.docx');
    const labels = doc.blocks.map((b) => b.text);
    expect(labels).toEqual([
      '1. First item',
      '(i) Sub one',
      '(ii) Sub two',
      '2. Second item',
      '(i) Sub again',
      'Interlude.',
      '3. Continued item',
      '5. Restarted item',
      '6. After restart',
    ]);
    // "1. x" at the start of a paragraph must not turn into a Markdown list item.
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });
});

describe('loadDocx: Word features that must not break loading', () => {
  it('reads content controls, checkboxes and symbol glyphs in tables', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
    const checkbox =
      '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr>' +
      '<w:sdtContent><w:r><w:t>\u2612</w:t></w:r></w:sdtContent></w:sdt>';
    const body =
      `<w:p><w:r><w:t>Options:</w:t></w:r></w:p>` +
      `<w:tbl><w:tr><w:tc><w:p>${checkbox}<w:r><w:t xml:space="preserve"> Pay by invoice</w:t></w:r></w:p></w:tc>` +
      `<w:tc><w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r><w:r><w:t xml:space="preserve"> Auto-renew</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
      `<w:sdt><w:sdtContent><w:p><w:r><w:t>Inside a content control.</w:t></w:r></w:p></w:sdtContent></w:sdt>`;
    const files = unzipSync(new Uint8Array(readFileSync('fixtures/docx/restart-continue.docx')));
    files['word/document.xml'] = strToU8(
      `<w:document xmlns:w="${W}" xmlns:w14="${W14}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    );
    const doc = await loadDocx(zipSync(files), 'controls.docx');
    expect(doc.textView).toContain('Pay by invoice');
    expect(doc.textView).toContain('Auto-renew');
    expect(doc.textView).toContain('Inside a content control.');
    expect(doc.wordParagraphs).toHaveLength(4);
    expect(blockStarting(doc, 'Inside a content control.').wordParagraph).toBe(4);
    expect(doc.blocks.every((b) => b.wordParagraph !== undefined)).toBe(true);
  });
});
