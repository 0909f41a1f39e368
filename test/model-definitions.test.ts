import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../engine/load/markdown.js';
import { findDefinitions } from '../engine/model/definitions.js';
import type { Definition } from '../engine/model/types.js';
import { AGREEMENTS_MD, CUAD_TXT, textBlocks } from './helpers/corpus.js';

const MD = AGREEMENTS_MD;
const CUAD = CUAD_TXT;

/** Plain text → one paragraph block per blank-line-separated chunk (identity offsets). */

function defs(md: string): Array<Definition & { slice: string; defSlice: string }> {
  return findDefinitions(markdownBlocks(md)).map((d) => ({
    ...d,
    slice: md.slice(d.range.start, d.range.end),
    defSlice: md.slice(d.definitionRange.start, d.definitionRange.end),
  }));
}

describe('findDefinitions', () => {
  it('finds definitions-section forms', () => {
    const md = [
      '1.1 "Affiliate" means any entity that controls a Party.',
      '',
      '1.2 “Net Sales” shall mean gross sales less returns.',
      '',
      '1.3 "Territory" will mean the world. Other text follows.',
      '',
      '1.4 "Product" or "Products" means the licensed goods.',
      '',
      '1.5 "Know-How" refers to unpatented information.',
      '',
      '1.6 "Confidential Information" has the meaning given to it in Section 4.2.',
      '',
      '1.7 "Affiliate" of a Party (or of a Sublicensee) means a controlled entity.',
    ].join('\n');
    const found = defs(md);
    expect(found.map((d) => [d.term, d.style])).toEqual([
      ['Affiliate', 'means'],
      ['Net Sales', 'shall-mean'],
      ['Territory', 'means'],
      ['Product', 'means'],
      ['Products', 'means'],
      ['Know-How', 'means'],
      ['Confidential Information', 'has-meaning'],
      ['Affiliate', 'means'],
    ]);
    for (const d of found) expect(d.slice).toBe(d.term);
    expect(found[0]?.defSlice).toBe('"Affiliate" means any entity that controls a Party.');
    expect(found[2]?.definitionText).toBe('"Territory" will mean the world.');
    expect(found[6]?.pointsTo).toBe('Section 4.2');
  });

  it('finds inline definitions in brackets and after "referred to as"', () => {
    const md =
      'This License Agreement (the "Agreement") is made by Acme Corp., a Delaware corporation ("Licensor"), ' +
      'and Beta LLC (“Licensee”) (each, a "Party" and collectively, the "Parties"). ' +
      'The goods (individually, a ‘Unit’ and collectively, the ‘Units’) and the fee (hereinafter "Fee") and the site ' +
      '(referred to as "Site"). The Regents will be referred to herein, on occasion, individually as “Member”.';
    const found = defs(md);
    expect(found.map((d) => d.term)).toEqual([
      'Agreement',
      'Licensor',
      'Licensee',
      'Party',
      'Parties',
      'Unit',
      'Units',
      'Fee',
      'Site',
      'Member',
    ]);
    for (const d of found) {
      expect(d.style).toBe('inline');
      expect(d.slice).toBe(d.term);
    }
    expect(found[5]?.definitionText).toBe(
      'The goods (individually, a ‘Unit’ and collectively, the ‘Units’) and the fee (hereinafter "Fee") and the site (referred to as "Site").',
    );
  });

  it('finds bold terms', () => {
    const md = [
      '**Affiliate** means an entity under common control.',
      '',
      '**"Cloud Service"** means the hosted product.',
      '',
      '**Fees:** the amounts on the Order Form.',
      '',
      '**Term.** This Agreement starts today.',
    ].join('\n');
    const found = defs(md);
    expect(found.map((d) => [d.term, d.style, d.slice])).toEqual([
      ['Affiliate', 'bold', 'Affiliate'],
      ['Cloud Service', 'bold', 'Cloud Service'],
      ['Fees', 'bold', 'Fees'],
    ]);
  });

  it('finds unquoted definitions-section entries', () => {
    const found = defs(
      '1.1 Affiliate means any controlled entity.\n\n1.2 Licensed Product shall mean the goods.',
    );
    expect(found.map((d) => [d.term, d.style, d.slice])).toEqual([
      ['Affiliate', 'means', 'Affiliate'],
      ['Licensed Product', 'shall-mean', 'Licensed Product'],
    ]);
  });

  it('skips quotes that are not terms', () => {
    const md =
      'THE SOFTWARE IS PROVIDED "AS IS". The notice must read "This product is licensed under the terms of the agreement between the parties" in full. ' +
      'Mark documents as "confidential" (including the "Guidelines").';
    expect(defs(md)).toEqual([]);
  });

  it('handles every corpus file and returns ranges inside the text', () => {
    const bad: string[] = [];
    for (const dir of [MD, CUAD]) {
      for (const file of readdirSync(dir)) {
        const text = readFileSync(dir + file, 'utf8');
        const blocks = file.endsWith('.md') ? markdownBlocks(text) : textBlocks(text);
        for (const d of findDefinitions(blocks)) {
          const ok =
            d.range.start >= 0 &&
            d.range.end <= text.length &&
            d.definitionRange.start <= d.range.start &&
            d.definitionRange.end >= d.range.end &&
            text.slice(d.range.start, d.range.end).replace(/\s+/g, ' ') === d.term;
          if (!ok) bad.push(`${file}: ${d.term}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('finds known definitions in real agreements', () => {
    const ucd = readFileSync(`${MD}accord_ucdavis-exclusive-patent-license.md`, 'utf8');
    const ucdDefs = findDefinitions(markdownBlocks(ucd));
    const terms = new Map(ucdDefs.map((d) => [d.term, d.style]));
    expect(terms.get('Agreement')).toBe('inline');
    expect(terms.get('Effective Date')).toBe('inline');
    expect(terms.get('Licensee')).toBe('inline');
    expect(terms.get('Affiliate')).toBe('means');
    expect(terms.get('Net Sales')).toBe('means');
    expect(terms.get('Parties')).toBe('inline');

    const csa = readFileSync(`${MD}commonpaper_csa.md`, 'utf8');
    const csaTerms = new Map(findDefinitions(markdownBlocks(csa)).map((d) => [d.term, d.style]));
    expect(csaTerms.get('Affiliate')).toBe('bold');
    expect(csaTerms.get('Cloud Service')).toBe('bold');

    const accuray = readFileSync(`${CUAD}ACCURAYINC_09_01_2010-EX-10.31-DISTRIBUTOR AGREEMENT.txt`, 'utf8');
    const accTerms = new Map(findDefinitions(textBlocks(accuray)).map((d) => [d.term, d.style]));
    expect(accTerms.get('Accuray')).toBe('inline');
    expect(accTerms.get('Siemens')).toBe('inline');
    expect(accTerms.get('Accuray Regions')).toBe('means');
    expect(accTerms.get('Strategic Alliance Agreement')).toBe('inline');
  });
});
