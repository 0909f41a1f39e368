import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlainText } from '../engine/load/plaintext.js';
import type { Block, LoadedDocument } from '../engine/model/types.js';
import { toViewOffset } from '../engine/text/block-text.js';
import { AGREEMENTS_MD, CUAD_TXT } from './helpers/corpus.js';

const CUAD_DIR = CUAD_TXT;
const BPA_FILE = `${AGREEMENTS_MD}cmacc_bpa-wind-power-purchase-agreement.txt`;

/** Checks the invariants every loaded document must satisfy; returns the document. */
function checkInvariants(doc: LoadedDocument): LoadedDocument {
  const text = doc.textView;
  const problems: string[] = [];
  let previousEnd = 0;
  doc.blocks.forEach((block, index) => {
    const where = `${doc.path} block ${index}`;
    const { start, end } = block.range;
    if (start < previousEnd || end <= start || end > text.length)
      problems.push(`${where}: bad range ${start}-${end}`);
    previousEnd = end;
    if (block.text.length === 0 || block.text.trim() !== block.text)
      problems.push(`${where}: untrimmed text`);
    if (block.strong.length !== 0) problems.push(`${where}: strong ranges`);
    const first = block.segments[0];
    const last = block.segments[block.segments.length - 1];
    if (first?.view !== start || !last || last.view + last.length !== end) {
      problems.push(`${where}: segments do not span the range`);
    }
    // Every segment copies text-view characters verbatim into the block text.
    for (const segment of block.segments) {
      const plain = block.text.slice(segment.plain, segment.plain + segment.length);
      if (plain !== text.slice(segment.view, segment.view + segment.length))
        problems.push(`${where}: segment text`);
    }
  });
  expect(problems).toEqual([]);
  return doc;
}

function load(text: string): LoadedDocument {
  return checkInvariants(loadPlainText(text, 'test.txt'));
}

function summary(doc: LoadedDocument): [string, string, number | undefined][] {
  return doc.blocks.map((b) => [b.kind, b.text, b.headingDepth]);
}

/** The block whose range contains `offset`, if any. */
function blockAt(doc: LoadedDocument, offset: number): Block | undefined {
  return doc.blocks.find((b) => b.range.start <= offset && offset < b.range.end);
}

/** Is the text-view character at `offset` part of some block's text? */
function covered(doc: LoadedDocument, offset: number): boolean {
  return doc.blocks.some((b) => b.segments.some((s) => s.view <= offset && offset < s.view + s.length));
}

describe('loadPlainText: shape', () => {
  it('returns the text unchanged as the text view', () => {
    const text = 'DEFINITIONS\n\nThe Parties agree as follows.\n';
    const doc = load(text);
    expect(doc.path).toBe('test.txt');
    expect(doc.format).toBe('text');
    expect(doc.textView).toBe(text);
  });

  it('gives no blocks for empty or blank input', () => {
    expect(load('').blocks).toEqual([]);
    expect(load('   \n\n \t \r\n').blocks).toEqual([]);
  });

  it('makes one paragraph per line with exact ranges', () => {
    const text = '  First paragraph of the deal.  \n\nSecond  paragraph, spaced  as written.\nThird one.';
    const doc = load(text);
    expect(summary(doc)).toEqual([
      ['paragraph', 'First paragraph of the deal.', undefined],
      ['paragraph', 'Second  paragraph, spaced  as written.', undefined],
      ['paragraph', 'Third one.', undefined],
    ]);
    for (const block of doc.blocks) expect(text.slice(block.range.start, block.range.end)).toBe(block.text);
  });
});

describe('loadPlainText: headings', () => {
  it('recognises each kind of heading with its depth', () => {
    const text = [
      'MASTER SUPPLY AGREEMENT',
      'ARTICLE 5',
      'ARTICLE IV - LICENSE GRANT',
      'Article 6: Payment Terms',
      'SECTION 5. TERM',
      'Section 7.2 Remedies',
      '5. Term and Termination',
      '5.1 Term.',
      '5.1.2 Renewal Notices',
      'IV. GENERAL PROVISIONS',
      '1.DEFINITIONS',
      'EXHIBIT A',
      'Schedule 1 — Licensed Patents',
      'Annex B: Service Levels',
    ].join('\n');
    expect(summary(load(text))).toEqual([
      ['heading', 'MASTER SUPPLY AGREEMENT', 1],
      ['heading', 'ARTICLE 5', 1],
      ['heading', 'ARTICLE IV - LICENSE GRANT', 1],
      ['heading', 'Article 6: Payment Terms', 1],
      ['heading', 'SECTION 5. TERM', 1],
      ['heading', 'Section 7.2 Remedies', 2],
      ['heading', '5. Term and Termination', 1],
      ['heading', '5.1 Term.', 2],
      ['heading', '5.1.2 Renewal Notices', 3],
      ['heading', 'IV. GENERAL PROVISIONS', 1],
      ['heading', '1.DEFINITIONS', 1],
      ['heading', 'EXHIBIT A', 1],
      ['heading', 'Schedule 1 — Licensed Patents', 1],
      ['heading', 'Annex B: Service Levels', 1],
    ]);
  });

  it('keeps numbered paragraphs with a body, and sentences that mention sections, as paragraphs', () => {
    const text = [
      '5.1 Term. This Agreement shall continue for two years.',
      'Section 5.2 Renewal. Either party may renew by notice.',
      'Section 5 of this Agreement survives termination.',
      'Article 3 applies to all orders.',
      '1. Seller shall deliver the goods',
      'Exhibit A attached hereto lists the goods.',
      'THE SOFTWARE IS PROVIDED AS IS. NO WARRANTY IS GIVEN.',
      'NOW, THEREFORE, THE PARTIES AGREE AS FOLLOWS:',
      'AND',
      '10.5 million units',
    ].join('\n');
    const doc = load(text);
    expect(doc.blocks.map((b) => b.kind)).toEqual(Array(10).fill('paragraph'));
  });

  it('treats an EDGAR exhibit label at the top as text, and its repeats as page headers', () => {
    const text = 'Exhibit 10.31\n\nSUPPLY AGREEMENT\n\nThe terms.\n\nExhibit 10.31\n\nMore terms.\n';
    expect(summary(load(text))).toEqual([
      ['paragraph', 'Exhibit 10.31', undefined],
      ['heading', 'SUPPLY AGREEMENT', 1],
      ['paragraph', 'The terms.', undefined],
      ['paragraph', 'More terms.', undefined],
    ]);
  });
});

describe('loadPlainText: noise', () => {
  it('drops page numbers, filing footers, rules and confidentiality legends', () => {
    const text = [
      'The Supplier shall deliver the goods.',
      '-1-',
      '- 2 -',
      'Page 3',
      'Page 3 of 20',
      '7',
      'Source: ACME CORP, 10-K, 3/1/2010',
      '----------',
      '__________',
      '==========',
      '* * *',
      'Confidential Treatment Requested by Acme Corp',
      '[***] Confidential material redacted and filed separately with the Commission.',
      '***Confidential Information has been omitted and filed separately with the Commission.',
      'CONFIDENTIAL',
      'Acme Confidential',
      'Draft Supply Agreement    Page 4 of 9',
      'The price is [***] per unit, payable within {*****} days.',
      '[***]',
    ].join('\n');
    expect(summary(load(text))).toEqual([
      ['paragraph', 'The Supplier shall deliver the goods.', undefined],
      ['paragraph', 'The price is [***] per unit, payable within {*****} days.', undefined],
      ['paragraph', '[***]', undefined],
    ]);
  });

  it('drops running footers that carry the page number, and the header lines beside them', () => {
    const page = (n: number): string[] => [
      'Contract No. 17-X',
      `Example Supply Agreement ${n}`,
      `Clause ${n} text goes here.`,
      `Another paragraph of clause ${n} here.`,
      `A third paragraph of clause ${n} here.`,
      `A fourth paragraph of clause ${n} here.`,
    ];
    const text = [1, 2, 3, 4].flatMap(page).join('\n');
    const doc = load(text);
    expect(doc.blocks).toHaveLength(16);
    expect(doc.blocks.some((b) => b.text.startsWith('Example') || b.text.startsWith('Contract No'))).toBe(
      false,
    );
  });

  it('keeps a repeated line that is not page furniture', () => {
    const text = ['Country', 'United States', 'Patent 1', 'United States', 'Patent 2', 'United States'].join(
      '\n',
    );
    expect(load(text).blocks).toHaveLength(6);
  });
});

describe('loadPlainText: hard wrapping', () => {
  const wrapped = [
    'The Seller shall deliver the Energy Output to the Point of Delivery on each',
    'day of the Term, and the Buyer shall accept and pay for all Energy Output',
    'delivered in accordance with this Agreement and the operating procedures.',
    '1. Definitions',
    '(a) "Business Day" means each Monday through and including Friday during',
    'the term of this Agreement other than nationally recognized holidays.',
    '(b) "Energy Output" means the amount of electrical energy generated by the',
    'Wind Turbines and delivered at the Point of Delivery, as metered in whole',
    'kilowatt-hours by the Metering Device.',
  ].join('\n');

  it('joins wrapped lines into paragraphs with one segment per line', () => {
    const doc = load(wrapped);
    expect(doc.blocks.map((b) => [b.kind, b.segments.length])).toEqual([
      ['paragraph', 3],
      ['heading', 1],
      ['paragraph', 2],
      ['paragraph', 3],
    ]);
    const first = doc.blocks[0] as Block;
    expect(
      first.text.startsWith(
        'The Seller shall deliver the Energy Output to the Point of Delivery on each day',
      ),
    ).toBe(true);
    expect(first.range).toEqual({ start: 0, end: wrapped.indexOf('\n1. Definitions') });
    // Plain offsets map back through the segments, across the synthetic join spaces.
    const plainDay = first.text.indexOf('day of the Term');
    expect(toViewOffset(first, plainDay)).toBe(wrapped.indexOf('day of the Term'));
    const last = doc.blocks[3] as Block;
    const plainKwh = last.text.indexOf('kilowatt-hours');
    expect(toViewOffset(last, plainKwh)).toBe(wrapped.indexOf('kilowatt-hours'));
    // "…generated by the" / "Wind Turbines…": a full-width line runs on into a capitalised line.
    expect(last.text).toContain('generated by the Wind Turbines and delivered');
  });

  it('does not join lines in a file that is not hard-wrapped', () => {
    const text =
      'The Seller shall deliver the goods\nthe Buyer shall pay.\n\nAnother paragraph.\nAnd one more.\n';
    // A single lower-case continuation is not enough to call the file wrapped, but the
    // continuation rule still joins a line that plainly resumes an unfinished sentence.
    const doc = load(text);
    expect(doc.blocks.map((b) => b.segments.length)).toEqual([2, 1, 1]);
    expect(load('Alpha beta gamma\nDelta epsilon.\n').blocks).toHaveLength(2);
  });

  it('joins a paragraph interrupted by a page break', () => {
    const text =
      'The Buyer shall pay all amounts due under\n\n-4-\n\nthis Agreement within thirty days.\n\n(a) Next item;\n\nand more items.\n';
    const doc = load(text);
    expect(doc.blocks.map((b) => b.segments.length)).toEqual([2, 1, 1]);
    const first = doc.blocks[0] as Block;
    expect(first.text).toBe('The Buyer shall pay all amounts due under this Agreement within thirty days.');
    expect(text.slice(first.range.start, first.range.end)).toContain('-4-');
  });
});

describe('loadPlainText: long lines holding many paragraphs', () => {
  const filler = 'The parties agree that this clause has enough words to make the line long enough to split.';
  const line = [
    `1.1 Term. ${filler}`,
    `1.2 Fees. ${filler} The fee is   100 dollars`,
    `(a) ${filler}`,
    `continued text that starts in lower case. ${filler}`,
    'ARTICLE 2',
    '"Affiliate" means any entity controlling a party.',
    '12',
  ].join('     ');

  it('splits at runs of 3+ spaces where a paragraph or heading starts', () => {
    const text = `${line}\n`;
    const doc = load(text);
    expect(doc.blocks.map((b) => [b.kind, b.text.slice(0, 9)])).toEqual([
      ['paragraph', '1.1 Term.'],
      ['paragraph', '1.2 Fees.'],
      ['paragraph', '(a) The p'],
      ['heading', 'ARTICLE 2'],
      ['paragraph', '"Affiliat'],
    ]);
    // A chunk starting in lower case is not a new paragraph: it stays with the one before.
    expect(doc.blocks[2]?.text).toContain('     continued text');
    // "   100" is an amount, not an enumerator: no split.
    expect(doc.blocks[1]?.text).toContain('fee is   100 dollars');
    // The trailing page number is dropped.
    expect(doc.blocks.some((b) => b.text.endsWith('12'))).toBe(false);
    for (const block of doc.blocks) expect(text.slice(block.range.start, block.range.end)).toBe(block.text);
  });
});

describe('loadPlainText: line endings', () => {
  it('handles \\r\\n and \\r with ranges into the original text', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ['ARTICLE 1', '', 'The first paragraph.', 'Page 2', 'The second paragraph.', ''].join(eol);
      const doc = load(text);
      expect(summary(doc)).toEqual([
        ['heading', 'ARTICLE 1', 1],
        ['paragraph', 'The first paragraph.', undefined],
        ['paragraph', 'The second paragraph.', undefined],
      ]);
      for (const block of doc.blocks) {
        expect(text.slice(block.range.start, block.range.end)).toBe(block.text);
        expect(block.text).not.toMatch(/\r/);
      }
    }
  });
});

describe('loadPlainText: size', () => {
  it('loads a 2 MB single line of words', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(80_000);
    const doc = load(text);
    expect(doc.blocks).toHaveLength(1);
  });

  it('loads a 5 MB line of spaces', () => {
    expect(load(' '.repeat(5_000_000)).blocks).toEqual([]);
    expect(load(`A${' '.repeat(5_000_000)}B`).blocks.map((b) => b.text)).toEqual(['A', 'B']);
  });

  it('loads many short lines and many space-separated chunks', () => {
    expect(load('Page 1\n5.1 Term\nARTICLE 5\n'.repeat(20_000)).blocks).toHaveLength(40_000);
    expect(load('Word   Another   (a)   '.repeat(20_000)).blocks.length).toBeGreaterThan(1);
  });
});

describe.skipIf(!existsSync(CUAD_DIR))('loadPlainText: corpus', () => {
  const files = existsSync(CUAD_DIR) ? readdirSync(CUAD_DIR).filter((f) => f.endsWith('.txt')) : [];

  it('loads every CUAD file and the BPA agreement', () => {
    expect(files.length).toBeGreaterThan(200);
    const paths = [...files.map((f) => join(CUAD_DIR, f)), ...(existsSync(BPA_FILE) ? [BPA_FILE] : [])];
    let headings = 0;
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      const doc = checkInvariants(loadPlainText(text, path));
      if (text.trim() !== '') expect(doc.blocks.length, path).toBeGreaterThan(0);
      headings += doc.blocks.filter((b) => b.kind === 'heading').length;
    }
    expect(headings).toBeGreaterThan(1000);
  });

  function loadCuad(prefix: string): { text: string; doc: LoadedDocument; lineStarts: number[] } {
    const file = files.find((f) => f.startsWith(prefix));
    if (!file) throw new Error(`no CUAD file starting with ${prefix}`);
    const text = readFileSync(join(CUAD_DIR, file), 'utf8');
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    return { text, doc: loadPlainText(text, file), lineStarts };
  }

  function heading(doc: LoadedDocument, prefix: string): Block | undefined {
    return doc.blocks.find((b) => b.text.startsWith(prefix));
  }

  it('finds the article and section headings of an outsourcing agreement (article/section style)', () => {
    const { text, doc, lineStarts } = loadCuad('ASPIRITYHOLDINGSLLC');
    expect(heading(doc, 'ARTICLE II ')).toMatchObject({ kind: 'heading', headingDepth: 1 });
    expect(heading(doc, 'Section 2.03 ')).toMatchObject({ kind: 'heading', headingDepth: 2 });
    // In the body, "Section 2.01 <Title>. <body>" is a numbered paragraph, not a heading (the table
    // of contents lists it as a heading-like line first).
    const entries = doc.blocks.filter((b) => b.text.startsWith('Section 2.01 '));
    expect(entries.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
    // Line 179 holds only the page number 21.
    const pageLine = lineStarts[178] as number;
    expect(text.slice(pageLine, pageLine + 6)).toBe('   21\n');
    expect(covered(doc, pageLine + 3)).toBe(false);
  });

  it('splits a distributor agreement flattened to one line per page', () => {
    const { text, doc, lineStarts } = loadCuad('ACCURAYINC');
    expect(doc.blocks.find((b) => b.text === 'RECITALS')).toMatchObject({ kind: 'heading', headingDepth: 1 });
    expect(doc.blocks.find((b) => b.text === '2.2. Pricing.')).toMatchObject({
      kind: 'heading',
      headingDepth: 2,
    });
    expect(doc.blocks.find((b) => b.text === '3.11. Compliance with Laws.')).toMatchObject({
      kind: 'heading',
    });
    // Line 7 is a page ending in its page number "2"; its last sentence runs on to the next page.
    const line7End = (lineStarts[7] as number) - 1;
    expect(text[line7End - 1]).toBe('2');
    expect(covered(doc, line7End - 1)).toBe(false);
    const lastProse = text.lastIndexOf('s', line7End);
    const continued = blockAt(doc, lastProse);
    expect(continued?.segments.length).toBe(2);
    expect(continued && continued.range.end > line7End).toBe(true);
  });

  it('drops page numbers in a strategic alliance agreement and finds its numbered headings', () => {
    const { text, doc, lineStarts } = loadCuad('KALLOINC');
    const pageLine = lineStarts[36] as number;
    expect(text.slice(pageLine, pageLine + 7)).toBe('Page 3\n');
    expect(covered(doc, pageLine)).toBe(false);
    expect(doc.blocks.find((b) => b.text === '1.DEFINITIONS')).toMatchObject({
      kind: 'heading',
      headingDepth: 1,
    });
  });
});
