import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocx } from '../engine/load/docx/index.js';
import { AGREEMENTS_DOCX } from './helpers/corpus.js';

/**
 * Reconstructed Word numbering pinned against the numbers Word layout shows. The expectations were
 * read from a LibreOffice rendering (soffice --headless --convert-to pdf, then pdftotext -layout)
 * of each corpus file: "<number> <first word of the heading or clause>", in document order.
 */
const pins: Record<string, string[]> = {
  'commonpaper_software-license-agreement.docx': [
    '1. Software',
    '1.1 License',
    '1.2 User',
    '1.3 Feedback',
    '1.4 Machine',
    '1.5 Open',
    '1.6 Updates',
    '1.7 Reservation',
    '2. Restrictions',
    '2.1 Restrictions',
    '(a) Except',
    '(b) Use',
    '2.2 Suspension',
    '3. Payment',
  ],
  'commonpaper_design-partner-agreement.docx': [
    '1. Design',
    '1.1. Product',
    '1.2. Program',
    '1.3. Product',
    '2. Fees',
    '2.1. Partner',
    '3. Term',
    '3.1. Agreement',
    '3.2. Termination',
    '3.3. Effect',
    '(a) Partner',
    '(b) Each',
    '3.4. Survival',
    '(a) The',
  ],
  'yc_safe-discount.docx': [
    '1. Events',
    '(a) Equity',
    '(b) Liquidity',
    '(c) Dissolution',
    '(d) Liquidation',
    '(i) Junior',
    '(ii) On',
    '(iii) Senior',
    '(e) Termination',
    '2. Definitions',
  ],
  // These two start with an empty heading-styled paragraph that only carries a section break; it
  // takes no number (LibreOffice agrees, and so do the documents' own cross-references).
  'commonpaper_baa.docx': [
    '1. Business',
    '1.1 Obligations',
    '1.2 Permitted',
    '1.3 Privacy',
    '1.4 Safeguards',
    '1.5 Assessments',
    '1.6 Mitigation',
    '1.7 Subcontractors',
    '1.8 Books',
    '1.9 Audit',
    '1.10 Individual',
    '1.11 Compliance',
    '2. Company',
  ],
  'commonpaper_partnership-agreement.docx': [
    '1. Cooperation',
    '1.1 Obligations',
    '1.2 Feedback',
    '2. Payment',
    '2.1 If',
    '(a) Fees',
    '(b) Payment',
    '(c) Taxes',
    '3. Trademark',
    '3.1 Trademark',
    '3.2 Reservation',
    '3.3 Restrictions',
    '3.4 Samples',
    '4. Privacy',
  ],
};

const LABEL = /^((?:\d+\.)+\d*|\([a-z]{1,5}\))\s+([A-Za-z]+)/;

describe('corpus numbering matches what Word shows', () => {
  for (const [file, expected] of Object.entries(pins)) {
    it(file, async () => {
      const path = join(AGREEMENTS_DOCX, file);
      const doc = await loadDocx(new Uint8Array(readFileSync(path)), path);
      const numbered = doc.blocks.flatMap((b) => {
        const m = LABEL.exec(b.text);
        return m ? [`${m[1]} ${m[2]}`] : [];
      });
      const first = numbered.indexOf(expected[0] as string);
      expect(
        first,
        `${expected[0]} not found in ${numbered.slice(0, 20).join(' | ')}`,
      ).toBeGreaterThanOrEqual(0);
      expect(numbered.slice(first, first + expected.length)).toEqual(expected);
    });
  }

  it('puts the number in the heading text', async () => {
    const path = `${AGREEMENTS_DOCX}commonpaper_software-license-agreement.docx`;
    const doc = await loadDocx(new Uint8Array(readFileSync(path)), path);
    expect(doc.textView).toMatch(/^# 1\. \*\*Software\*\*$/m);
    expect(doc.textView).toMatch(/^## 1\.1 License\. /m);
  });
});
