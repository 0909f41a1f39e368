import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGREEMENTS_DOCX } from './helpers/corpus.js';
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
