// Turns a Markdown agreement fixture into the same agreement as a Word document, with the section
// numbers as Word *automatic numbering* (not typed text), so a test can check that the Markdown
// and the Word version of one agreement give the same findings.
//
// Run: node test/fixtures-src/md-to-docx.mjs fixtures/markdown/x.md fixtures/docx/x.docx
//
// Supported: "# Title", "## N. Heading" (numbered level 1), "## Schedule A — Title" (unnumbered
// heading), paragraphs starting "N.M " (numbered level 2; the number must follow the heading's),
// "**bold**", simple pipe tables, and suppression comments
// "<!-- contract-lint-disable-next-line id -- reason -->", which become a Word comment on the next
// paragraph. "<!-- expect: … -->" markers are dropped.
import { readFileSync, writeFileSync } from 'node:fs';
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

const numbering = {
  reference: 'sections',
  levels: [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT },
  ],
};

function runs(text) {
  const out = [];
  for (const [i, part] of text.split('**').entries()) {
    if (part) out.push(new TextRun({ text: part, bold: i % 2 === 1 }));
  }
  return out;
}

export function markdownToDocx(markdown) {
  const blocks = markdown
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const children = [];
  const comments = [];
  let pendingComment = null;
  // Word numbering cannot skip: a typed number that breaks the sequence stays typed text, as it
  // would in a document where someone typed the numbers by hand.
  let heading = 0;
  let clause = 0;

  const withComment = (paragraphRuns) => {
    if (pendingComment === null) return paragraphRuns;
    const id = pendingComment;
    pendingComment = null;
    return [
      new CommentRangeStart(id),
      ...paragraphRuns,
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ];
  };

  for (const raw of blocks) {
    const block = raw.replace(/\s*<!--\s*expect:[^>]*-->/g, '').trim();
    if (!block) continue;
    const directive = /^<!--\s*(contract-lint-[\s\S]*?)\s*-->$/.exec(block);
    if (directive) {
      const id = comments.length;
      comments.push({
        id,
        author: 'Reviewer',
        date: new Date('2026-01-01T00:00:00Z'),
        children: [new Paragraph(directive[1].replace('-next-line', ''))],
      });
      pendingComment = id;
      continue;
    }
    const title = /^# (.+)$/.exec(block);
    const numberedHeading = /^## (\d+)\. (.+)$/.exec(block);
    const otherHeading = /^## (.+)$/.exec(block);
    const numberedClause = /^(\d+)\.(\d+) ([\s\S]+)$/.exec(block);
    if (title) {
      children.push(new Paragraph({ children: withComment(runs(title[1])), heading: HeadingLevel.TITLE }));
    } else if (numberedHeading && Number(numberedHeading[1]) === heading + 1) {
      heading++;
      clause = 0;
      children.push(
        new Paragraph({
          children: withComment(runs(numberedHeading[2])),
          heading: HeadingLevel.HEADING_1,
          numbering: { reference: 'sections', level: 0 },
        }),
      );
    } else if (otherHeading) {
      children.push(
        new Paragraph({ children: withComment(runs(otherHeading[1])), heading: HeadingLevel.HEADING_1 }),
      );
    } else if (
      numberedClause &&
      Number(numberedClause[1]) === heading &&
      Number(numberedClause[2]) === clause + 1
    ) {
      clause++;
      children.push(
        new Paragraph({
          children: withComment(runs(numberedClause[3].replace(/\n/g, ' '))),
          numbering: { reference: 'sections', level: 1 },
        }),
      );
    } else if (block.startsWith('|')) {
      const rows = block
        .split('\n')
        .filter((line) => !/^\|\s*-/.test(line))
        .map((line) =>
          line
            .replace(/^\||\|$/g, '')
            .split('|')
            .map((c) => c.trim()),
        );
      children.push(
        new Table({
          rows: rows.map(
            (cells) =>
              new TableRow({
                children: cells.map(
                  (c) => new TableCell({ children: [new Paragraph({ children: runs(c) })] }),
                ),
              }),
          ),
        }),
      );
    } else {
      children.push(new Paragraph({ children: withComment(runs(block.replace(/\n/g, ' '))) }));
    }
  }
  return new Document({
    numbering: { config: [numbering] },
    comments: { children: comments },
    sections: [{ children }],
  });
}

if (process.argv[2] && process.argv[3]) {
  const doc = markdownToDocx(readFileSync(process.argv[2], 'utf8'));
  writeFileSync(process.argv[3], await Packer.toBuffer(doc));
  console.log(`wrote ${process.argv[3]}`);
}
