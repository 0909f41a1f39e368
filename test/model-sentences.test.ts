import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../engine/model/sentences.js';
import { AGREEMENTS_MD, CUAD_TXT } from './helpers/corpus.js';

function sentences(text: string): string[] {
  return splitSentences(text).map((r) => text.slice(r.start, r.end));
}

describe('splitSentences', () => {
  it('splits simple sentences and trims whitespace', () => {
    expect(sentences('  The first one.  The second one!  Is this the third?  ')).toEqual([
      'The first one.',
      'The second one!',
      'Is this the third?',
    ]);
  });

  it('survives abbreviations and company suffixes', () => {
    const text =
      'Acme Inc. (“Acme”) and Beta Ltd. agree, e.g. on pricing, i.e. fees, etc. in the U.S. Market. ' +
      'See Sec. 2.1 and Art. 4 and No. 5 of the Plan. Mr. Smith and Dr. Jones vs. Beta Corp. et al. Filed suit. ' +
      'Gamma L.L.C. shall pay. Payment is due in the U.S.A. Next sentence.';
    expect(sentences(text)).toEqual([
      'Acme Inc. (“Acme”) and Beta Ltd. agree, e.g. on pricing, i.e. fees, etc. in the U.S. Market.',
      'See Sec. 2.1 and Art. 4 and No. 5 of the Plan.',
      'Mr. Smith and Dr. Jones vs. Beta Corp. et al. Filed suit.',
      'Gamma L.L.C. shall pay.',
      'Payment is due in the U.S.A. Next sentence.',
    ]);
  });

  it('keeps section numbers, decimals and clause markers inside sentences', () => {
    const text =
      '12.3 Audit. Licensee shall pay 5.5% of Net Sales under Section 2.1(a) as follows: (a) fees; (i) costs. It ends in Section 2.1. Then more.';
    expect(sentences(text)).toEqual([
      '12.3 Audit.',
      'Licensee shall pay 5.5% of Net Sales under Section 2.1(a) as follows: (a) fees; (i) costs.',
      'It ends in Section 2.1.',
      'Then more.',
    ]);
  });

  it('ends after a closing quote or bracket and at a reference letter', () => {
    expect(sentences('He said “stop.” Then he left. See Exhibit A. Next.')).toEqual([
      'He said “stop.”',
      'Then he left.',
      'See Exhibit A.',
      'Next.',
    ]);
  });

  it('does not split before lower-case words or inside a leading enumerator', () => {
    expect(sentences('1.1. "Term" means the term. 1.2. "Fee" means a fee.')).toEqual([
      '1.1. "Term" means the term.',
      '1.2. "Fee" means a fee.',
    ]);
    expect(sentences('Initials J. Smith signed.')).toEqual(['Initials J. Smith signed.']);
  });

  it('returns ranges within the text for every corpus file', () => {
    const dirs = [AGREEMENTS_MD, CUAD_TXT];
    for (const dir of dirs) {
      for (const file of readdirSync(dir)) {
        const text = readFileSync(dir + file, 'utf8');
        let last = 0;
        for (const r of splitSentences(text)) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(r.end).toBeGreaterThan(r.start);
          last = r.end;
        }
      }
    }
  });
});
