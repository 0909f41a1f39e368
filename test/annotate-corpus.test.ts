import { readdirSync, readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { AGREEMENTS_DOCX, CUAD_TXT } from './helpers/corpus.js';
import { expectFaithfulReviewCopy } from './helpers/review-copy.js';

// Listed in vitest.config.ts CORPUS_TESTS: skipped without ../shared/corpus unless CI requires it.
const files = readdirSync(AGREEMENTS_DOCX).filter((f) => f.endsWith('.docx'));

describe('review copies of the shared Word agreements', () => {
  it('finds the 11 agreements', () => expect(files.length).toBeGreaterThanOrEqual(11));

  let findings = 0;
  let exact = 0;
  for (const file of files) {
    it(`${file}: every finding one comment on its words, round trip, other parts byte-identical`, async () => {
      const plain = await expectFaithfulReviewCopy(`${AGREEMENTS_DOCX}${file}`, {});
      findings += plain.findings.length;
      exact += plain.copy.placed.filter((p) => p.anchor === 'exact').length;
      const redline = await expectFaithfulReviewCopy(`${AGREEMENTS_DOCX}${file}`, { redline: true });
      for (const placed of redline.copy.placed.filter((p) => p.trackedChange))
        expect(placed.anchor).toBe('exact');
    });
  }

  it('anchors every finding of the corpus on its exact words', () => {
    expect(findings).toBeGreaterThan(20);
    expect(exact).toBe(findings);
  });
});

/**
 * Long real agreements with many findings, as Word documents where every word is a run of its
 * own and the formatting changes every few words: the hardest case for splitting runs.
 */
describe('review copies of CUAD agreements typed into Word word by word', () => {
  const names = ['Apollo Endosurgery', 'AlliedEsportsEntertainment'];
  for (const name of names) {
    it(`${name}: every finding on its exact words, formatting kept, round trip (also --redline)`, async () => {
      const file = readdirSync(CUAD_TXT).find((f) => f.startsWith(name)) as string;
      const lines = readFileSync(`${CUAD_TXT}${file}`, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const children = lines.map(
        (line) =>
          new Paragraph({
            children: line
              .split(/(?<=\s)/)
              .map((word, i) => new TextRun({ text: word, bold: i % 7 === 3, italics: i % 11 === 5 })),
          }),
      );
      const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
      const path = `/cuad/${file.replace(/\.txt$/, '.docx')}`;
      const plain = await expectFaithfulReviewCopy(path, {}, bytes);
      expect(plain.findings.length).toBeGreaterThan(15);
      expect(plain.copy.placed.filter((p) => p.anchor !== 'exact')).toEqual([]);
      const redline = await expectFaithfulReviewCopy(path, { redline: true }, bytes);
      expect(redline.copy.trackedChanges).toBeGreaterThan(0);
    }, 120_000);
  }
});
