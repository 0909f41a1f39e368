// Generates the Word fixtures in fixtures/docx/ with the `docx` package, then patches the XML for
// features `docx` cannot express (style-inherited numbering, a second w:num with startOverride).
// Run: node test/fixtures-src/make-docx-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'fixtures', 'docx');
mkdirSync(out, { recursive: true });

const level = (lvl, format, text, extra = {}) => ({
  level: lvl,
  format,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 360 * (lvl + 1), hanging: 360 } } },
  ...extra,
});

const clauseNumbering = {
  reference: 'clauses',
  levels: [
    level(0, LevelFormat.UPPER_ROMAN, 'ARTICLE %1'),
    level(1, LevelFormat.DECIMAL, '%2.'),
    level(2, LevelFormat.DECIMAL, '%2.%3'),
    level(3, LevelFormat.LOWER_LETTER, '(%4)'),
  ],
};

const heading = (text, lvl, headingLevel) =>
  new Paragraph({ text, heading: headingLevel, numbering: { reference: 'clauses', level: lvl } });
const clause = (children, lvl) =>
  new Paragraph({
    children: typeof children === 'string' ? [new TextRun(children)] : children,
    numbering: { reference: 'clauses', level: lvl },
  });

async function agreement() {
  const doc = new Document({
    numbering: { config: [clauseNumbering] },
    comments: {
      children: [
        {
          id: 0,
          author: 'Reviewer',
          date: new Date('2024-01-01T00:00:00Z'),
          children: [new Paragraph('contract-lint-disable undefined-term -- defined in the order form')],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Software License Agreement', heading: HeadingLevel.TITLE }),
          new Paragraph('This Agreement is between Acme Corp. ("Licensor") and Beta LLC ("Licensee").'),
          heading('General', 0, HeadingLevel.HEADING_1),
          heading('Definitions', 1, HeadingLevel.HEADING_2),
          clause('"Software" means the program described in the order form.', 2),
          clause('"Fees" means the amounts payable under Section 3.1.', 2),
          heading('License Grant', 1, HeadingLevel.HEADING_2),
          clause('Licensor grants Licensee a licence to use the Software, subject to Section 2.1.', 2),
          clause('The licence is:', 2),
          clause('non-exclusive;', 3),
          clause('non-transferable; and', 3),
          clause('revocable under Section 3.2.', 3),
          heading('Commercial Terms', 0, HeadingLevel.HEADING_1),
          heading('Term and Termination', 1, HeadingLevel.HEADING_2),
          clause(
            [
              new CommentRangeStart(0),
              new TextRun('This Agreement lasts one year. The Customer may renew it.'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
            2,
          ),
          clause('Either party may terminate for material breach.', 2),
          heading('Audit', 1, HeadingLevel.HEADING_2),
          clause('Licensor may audit Licensee once a year.', 2),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Fee')] }),
                  new TableCell({ children: [new Paragraph('Amount')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Annual licence')] }),
                  new TableCell({ children: [new Paragraph('USD 1,000'), new Paragraph('payable yearly')] }),
                ],
              }),
            ],
          }),
          new Paragraph('Signed by the parties.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Numbering that comes only from paragraph styles (w:style/w:pPr/w:numPr), patched in after generation. */
async function styleNumbering() {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'styled',
          levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.DECIMAL, '%1.%2')],
        },
      ],
    },
    styles: {
      paragraphStyles: [
        { id: 'ClauseHeading', name: 'Clause Heading', basedOn: 'Heading1', run: { bold: true } },
        { id: 'ClauseBody', name: 'Clause Body', basedOn: 'Normal' },
        { id: 'ClauseBodyKeep', name: 'Clause Body Keep', basedOn: 'ClauseBody' },
      ],
    },
    sections: [
      {
        children: [
          // A throwaway paragraph so the generator emits the numbering definition we patch styles to use.
          new Paragraph({ text: 'Preamble', numbering: { reference: 'styled', level: 0 } }),
          new Paragraph({ text: 'Payment', style: 'ClauseHeading' }),
          new Paragraph({ text: 'Invoices are due in 30 days.', style: 'ClauseBody' }),
          new Paragraph({ text: 'Late amounts bear interest.', style: 'ClauseBodyKeep' }),
          new Paragraph({ text: 'Warranties', style: 'ClauseHeading' }),
          new Paragraph({ text: 'The Software will perform as documented.', style: 'ClauseBody' }),
          new Paragraph('An unnumbered note.'),
        ],
      },
    ],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const numbering = strFromU8(files['word/numbering.xml']);
  const numId = usedNum(files, numbering);
  let styles = strFromU8(files['word/styles.xml']);
  // ClauseHeading: numId only; its level comes from the abstract level whose w:pStyle names it.
  styles = addStyleNumPr(styles, 'ClauseHeading', `<w:numPr><w:numId w:val="${numId[1]}"/></w:numPr>`);
  // ClauseBody: numId + ilvl; ClauseBodyKeep inherits it through w:basedOn.
  styles = addStyleNumPr(
    styles,
    'ClauseBody',
    `<w:numPr><w:ilvl w:val="1"/><w:numId w:val="${numId[1]}"/></w:numPr>`,
  );
  const abstractId = numId[2];
  const patchedNumbering = numbering.replace(
    new RegExp(
      `(<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>[\\s\\S]*?<w:lvl [^>]*w:ilvl="0"[^>]*>)`,
    ),
    '$1<w:pStyle w:val="ClauseHeading"/>',
  );
  files['word/styles.xml'] = strToU8(styles);
  files['word/numbering.xml'] = strToU8(patchedNumbering);
  // Drop the throwaway paragraph's numbering so the styled list starts at 1.
  files['word/document.xml'] = strToU8(
    strFromU8(files['word/document.xml']).replace(
      /<w:numPr>[\s\S]*?<\/w:numPr>/,
      '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>',
    ),
  );
  return zipSync(files);
}

/** The w:num the document's paragraphs use (docx also emits a default bullet list we must skip). */
function usedNum(files, numbering) {
  const used = /<w:numId w:val="(\d+)"\/>/.exec(strFromU8(files['word/document.xml']));
  if (!used) throw new Error('no numbered paragraph generated');
  const num = new RegExp(`<w:num w:numId="${used[1]}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"/>`).exec(
    numbering,
  );
  if (!num) throw new Error(`w:num ${used[1]} not found`);
  return [num[0], used[1], num[1]];
}

function addStyleNumPr(styles, styleId, numPr) {
  const re = new RegExp(
    `(<w:style [^>]*w:styleId="${styleId}"[^>]*>[\\s\\S]*?)(<w:pPr>|<w:pPr/>|<w:rPr>|</w:style>)`,
  );
  const patched = styles.replace(re, (_, head, next) => {
    if (next === '<w:pPr>') return `${head}<w:pPr>${numPr}`;
    if (next === '<w:pPr/>') return `${head}<w:pPr>${numPr}</w:pPr>`;
    return `${head}<w:pPr>${numPr}</w:pPr>${next}`;
  });
  if (patched === styles) throw new Error(`style ${styleId} not found`);
  return patched;
}

/** Two w:num on one abstractNum: the second continues the list, the third restarts it at 5. */
async function restartContinue() {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'list',
          levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.LOWER_ROMAN, '(%2)')],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'First item', numbering: { reference: 'list', level: 0 } }),
          new Paragraph({ text: 'Sub one', numbering: { reference: 'list', level: 1 } }),
          new Paragraph({ text: 'Sub two', numbering: { reference: 'list', level: 1 } }),
          new Paragraph({ text: 'Second item', numbering: { reference: 'list', level: 0 } }),
          new Paragraph({ text: 'Sub again', numbering: { reference: 'list', level: 1 } }),
          new Paragraph('Interlude.'),
          new Paragraph({ text: 'Continued item', numbering: { reference: 'list', level: 0 } }),
          new Paragraph({ text: 'Restarted item', numbering: { reference: 'list', level: 0 } }),
          new Paragraph({ text: 'After restart', numbering: { reference: 'list', level: 0 } }),
        ],
      },
    ],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  let numbering = strFromU8(files['word/numbering.xml']);
  const [, numId, abstractId] = usedNum(files, numbering);
  numbering = numbering.replace(
    '</w:numbering>',
    `<w:num w:numId="901"><w:abstractNumId w:val="${abstractId}"/></w:num>` +
      `<w:num w:numId="902"><w:abstractNumId w:val="${abstractId}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
      '</w:numbering>',
  );
  let document = strFromU8(files['word/document.xml']);
  let seen = 0;
  document = document.replace(new RegExp(`<w:numId w:val="${numId}"/>`, 'g'), (all) => {
    seen++;
    if (seen === 6) return '<w:numId w:val="901"/>';
    if (seen >= 7) return '<w:numId w:val="902"/>';
    return all;
  });
  files['word/numbering.xml'] = strToU8(numbering);
  files['word/document.xml'] = strToU8(document);
  return zipSync(files);
}

writeFileSync(join(out, 'numbered-agreement.docx'), await agreement());
writeFileSync(join(out, 'style-numbering.docx'), await styleNumbering());
writeFileSync(join(out, 'restart-continue.docx'), await restartContinue());
console.log('wrote fixtures/docx/{numbered-agreement,style-numbering,restart-continue}.docx');
