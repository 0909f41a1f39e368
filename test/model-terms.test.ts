import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../engine/load/markdown.js';
import { findDefinitions } from '../engine/model/definitions.js';
import { findCandidateTerms, findTermUses } from '../engine/model/terms.js';
import { AGREEMENTS_MD, CUAD_TXT, textBlocks } from './helpers/corpus.js';

const MD = AGREEMENTS_MD;
const CUAD = CUAD_TXT;

function uses(md: string): Array<[string, string, string]> {
  const blocks = markdownBlocks(md);
  return findTermUses(blocks, findDefinitions(blocks)).map((u) => [
    u.term,
    u.form,
    md.slice(u.range.start, u.range.end),
  ]);
}

describe('findTermUses', () => {
  it('finds exact, plural and possessive uses outside the definition', () => {
    const md = [
      '1.1 "Licensee" means Beta LLC.',
      '',
      '1.2 "Party" means a party to this Agreement.',
      '',
      "Each Licensee shall notify the Parties. Licensee’s rights and the Licensees' rights and the Party's rights ",
      'survive. No Party shall be a **Licensee**. The Licenseeship and licensee are not uses.',
    ].join('\n');
    expect(uses(md)).toEqual([
      ['Licensee', 'exact', 'Licensee'],
      ['Party', 'plural', 'Parties'],
      ['Licensee', 'possessive', 'Licensee’s'],
      ['Licensee', 'possessive', "Licensees'"],
      ['Party', 'possessive', "Party's"],
      ['Party', 'exact', 'Party'],
      ['Licensee', 'exact', 'Licensee'],
    ]);
  });

  it('prefers the longest term and matches across whitespace', () => {
    const md = [
      '"Licensed Patent" means a patent. "Licensed Patent Rights" means rights. "Product" means goods.',
      '',
      'The Licensed Patent Rights cover Licensed\nPatents and Products and Productions.',
    ].join('\n');
    expect(uses(md)).toEqual([
      ['Licensed Patent Rights', 'exact', 'Licensed Patent Rights'],
      ['Licensed Patent', 'plural', 'Licensed\nPatents'],
      ['Product', 'plural', 'Products'],
    ]);
  });

  it('finds terms that start with a non-ASCII letter, and none inside a word', () => {
    const md = [
      '"Éditeur" means the publisher. "Ünit Price" means the price.',
      '',
      'The Éditeur sets the Ünit Price; the ÉÉditeur and xÜnit Price are not uses.',
    ].join('\n');
    expect(uses(md)).toEqual([
      ['Éditeur', 'exact', 'Éditeur'],
      ['Ünit Price', 'exact', 'Ünit Price'],
    ]);
  });

  it('handles every corpus file quickly', () => {
    const bad: string[] = [];
    for (const dir of [MD, CUAD]) {
      for (const file of readdirSync(dir)) {
        const text = readFileSync(dir + file, 'utf8');
        const blocks = file.endsWith('.md') ? markdownBlocks(text) : textBlocks(text);
        const defs = findDefinitions(blocks);
        for (const u of findTermUses(blocks, defs)) {
          const slice = text.slice(u.range.start, u.range.end).replace(/\s+/g, ' ');
          if (!slice.startsWith(u.term.slice(0, -1))) bad.push(`${file}: ${u.term} / ${slice}`);
        }
        for (const c of findCandidateTerms(blocks, defs)) {
          const slice = text.slice(c.range.start, c.range.end).replace(/\s+/g, ' ');
          if (slice !== c.text) bad.push(`${file}: ${c.text} / ${slice}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('findCandidateTerms', () => {
  it('reports recurring capitalised phrases that are not defined', () => {
    const md = [
      'This Agreement is made between Acme Corp. ("Acme") of San Jose, California and Beta LLC ("Beta").',
      '',
      '1.1 "Licensed Product" means the goods.',
      '',
      'Acme shall pay the Purchase Price for each Licensed Product. The Purchase Price is due in January.',
      '',
      'Beta shall refund any Purchase Price paid under Section 4.2 of this Agreement in the United States.',
      '',
      'Net Sales of Licensed Products are reported to Acme and Beta in California.',
    ].join('\n');
    const blocks = markdownBlocks(md);
    const found = findCandidateTerms(blocks, findDefinitions(blocks));
    expect(found.map((c) => c.text)).toEqual(['Purchase Price', 'Purchase Price', 'Purchase Price']);
    for (const c of found) expect(md.slice(c.range.start, c.range.end)).toBe(c.text);
  });

  it('ignores headings, sentence starts, list markers, all-caps, months and references', () => {
    const md = [
      '# Payment Terms',
      '',
      'Payment Terms apply. (a) Payment Terms apply too. THE PAYMENT TERMS ARE FINAL. Section 4.2 and Exhibit A apply.',
      '',
      'Invoices are due in March and on Monday under Article IV.',
    ].join('\n');
    const blocks = markdownBlocks(md);
    expect(findCandidateTerms(blocks, findDefinitions(blocks))).toEqual([]);
  });

  it('reports few candidates on professionally drafted agreements', () => {
    // Every candidate phrase must recur; the total stays small relative to the text.
    const text = readFileSync(`${MD}accord_ucdavis-exclusive-patent-license.md`, 'utf8');
    const blocks = markdownBlocks(text);
    const found = new Set(findCandidateTerms(blocks, findDefinitions(blocks)).map((c) => c.text));
    expect(found.size).toBeLessThanOrEqual(3);
    expect(found.has('Licensee')).toBe(false);
    expect(found.has('Net Sales')).toBe(false);
  });
});
