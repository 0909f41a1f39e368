/**
 * Generates a long, realistic-shaped agreement in Markdown: numbered articles and sections,
 * a definitions section, defined-term uses, cross-references and numbers written twice.
 * Deterministic for a given size, so benchmark runs compare like with like.
 */
const TERMS = [
  'Licensed Patents',
  'Licensed Products',
  'Field of Use',
  'Territory',
  'Net Sales',
  'Improvement',
  'Affiliate',
  'Confidential Information',
  'Effective Date',
  'Royalty Period',
];
const NUMBERS = [
  ['ten', 10],
  ['fifteen', 15],
  ['thirty', 30],
  ['forty-five', 45],
  ['sixty', 60],
  ['ninety', 90],
];

export function generateAgreement(targetWords = 47_000) {
  const out = ['# Master Patent Cross-License Agreement', ''];
  out.push(
    'This Master Patent Cross-License Agreement (the "Agreement") is entered into as of January 1, 2026 (the "Effective Date") by and between Alpha Devices, Inc., a Delaware corporation ("Alpha"), and Beta Systems Ltd., a company organised under the laws of England ("Beta").',
    '',
  );
  out.push('## 1. Definitions', '');
  TERMS.forEach((term, i) => {
    out.push(
      `1.${i + 1} "${term}" means the ${term.toLowerCase()} described in Schedule A, as amended from time to time by written agreement of Alpha and Beta.`,
      '',
    );
  });
  let words = out.join(' ').split(/\s+/).length;
  let article = 2;
  let n = 0;
  while (words < targetWords) {
    out.push(`## ${article}. Article ${article} Obligations`, '');
    for (let s = 1; s <= 8; s++) {
      const term = TERMS[(article + s) % TERMS.length];
      const other = TERMS[(article * 3 + s) % TERMS.length];
      const [word, digit] = NUMBERS[n++ % NUMBERS.length];
      const ref = `Section ${Math.max(1, article - 1)}.${((s + 2) % 8) + 1}`;
      const text = `${article}.${s} **Obligation ${s}.** Subject to ${ref} and Schedule A, each party shall, within ${word} (${digit}) days after the end of each Royalty Period, deliver to the other party a written report describing the ${term} and the ${other} used during that period, together with such supporting information as the other party reasonably requests. Alpha's and Beta's Affiliates shall comply with this Section ${article}.${s} as if they were parties, and any failure by an Affiliate is a breach by the party that controls it.`;
      out.push(text, '');
      words += text.split(/\s+/).length;
    }
    article++;
  }
  out.push(
    '## Schedule A — Licensed Subject Matter',
    '',
    'The patents, products and fields listed by the parties in writing.',
    '',
  );
  return out.join('\n');
}
