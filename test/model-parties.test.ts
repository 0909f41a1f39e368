import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../engine/load/markdown.js';
import { findDefinitions } from '../engine/model/definitions.js';
import { findParties } from '../engine/model/parties.js';
import type { Block } from '../engine/model/types.js';
import { AGREEMENTS_MD, CUAD_TXT, textBlocks } from './helpers/corpus.js';

const MD = AGREEMENTS_MD;
const CUAD = CUAD_TXT;

function parties(text: string, blocks: Block[]): Array<[string, string | undefined, string, string]> {
  return findParties(blocks, findDefinitions(blocks)).map((p) => [
    p.name,
    p.shortName,
    text.slice(p.range.start, p.range.end),
    p.shortNameRange ? text.slice(p.shortNameRange.start, p.shortNameRange.end) : '',
  ]);
}

function md(text: string): Array<[string, string | undefined, string, string]> {
  return parties(text, markdownBlocks(text));
}

describe('findParties', () => {
  it('reads "between X, a Delaware corporation ("Acme"), and Y ("Beta")"', () => {
    const text =
      '# LICENSE AGREEMENT\n\nThis License Agreement (the "Agreement") is entered into as of May 1, 2020 by and between ' +
      'ACME CORP., a Delaware corporation ("Acme"), and Beta, Inc., with offices at 1 Main Street ("Beta").\n\n' +
      'RECITALS\n\nWHEREAS, Acme and Gamma LLC ("Gamma") agree.';
    expect(md(text)).toEqual([
      ['ACME CORP.', 'Acme', 'ACME CORP.', 'Acme'],
      ['Beta, Inc.', 'Beta', 'Beta, Inc.', 'Beta'],
    ]);
  });

  it('reads role short names and lettered parties', () => {
    expect(
      md(
        'This Agreement is made between Acme Ltd (“Licensor”) and (b) BETA GMBH (“Licensee”), a German company.',
      ),
    ).toEqual([
      ['Acme Ltd', 'Licensor', 'Acme Ltd', 'Licensor'],
      ['BETA GMBH', 'Licensee', 'BETA GMBH', 'Licensee'],
    ]);
    expect(md('Acme Group, Inc. ("Acme") and Beta Tech, Inc. ("Beta") agree as follows.')).toEqual([
      ['Acme Group, Inc.', 'Acme', 'Acme Group, Inc.', 'Acme'],
      ['Beta Tech, Inc.', 'Beta', 'Beta Tech, Inc.', 'Beta'],
    ]);
  });

  it('reads names without short names', () => {
    expect(
      md('This is a hosting agreement between Acme Corp and Beta Systems. The term is one year.').map(
        (p) => p[0],
      ),
    ).toEqual(['Acme Corp', 'Beta Systems']);
  });

  it('returns nothing when the preamble names no parties', () => {
    expect(
      md(
        '# Cloud Service Agreement\n\nThe Provider and the Customer listed on the Cover Page agree.\n\n1. Service\n\nText.',
      ),
    ).toEqual([]);
    const csa = readFileSync(`${MD}commonpaper_csa.md`, 'utf8');
    expect(parties(csa, markdownBlocks(csa))).toEqual([]);
  });

  it('finds the parties of real agreements', () => {
    const ucd = readFileSync(`${MD}accord_ucdavis-exclusive-patent-license.md`, 'utf8');
    expect(parties(ucd, markdownBlocks(ucd)).map((p) => [p[0], p[1]])).toEqual([
      ['The Regents of the University of California', 'The Regents'],
      ['BONE BIOLOGICS', 'Licensee'],
    ]);
    const accuray = readFileSync(`${CUAD}ACCURAYINC_09_01_2010-EX-10.31-DISTRIBUTOR AGREEMENT.txt`, 'utf8');
    expect(parties(accuray, textBlocks(accuray)).map((p) => [p[0], p[1]])).toEqual([
      ['ACCURAY INCORPORATED', 'Accuray'],
      ['SIEMENS AKTIENGESELLSCHAFT', 'Siemens'],
    ]);
    const ibm = readFileSync(
      `${CUAD}MANUFACTURERSSERVICESLTD_06_05_2000-EX-10.14-OUTSOURCING AGREEMENT.txt`,
      'utf8',
    );
    expect(parties(ibm, textBlocks(ibm)).map((p) => p[0])).toEqual([
      'INTERNATIONAL BUSINESS MACHINES CORPORATION',
      "MANUFACTURERS' SERVICES WESTERN U.S. OPERATIONS, INC.",
    ]);
  });

  it('handles every corpus file', () => {
    const bad: string[] = [];
    for (const dir of [MD, CUAD]) {
      for (const file of readdirSync(dir)) {
        const text = readFileSync(dir + file, 'utf8');
        const blocks = file.endsWith('.md') ? markdownBlocks(text) : textBlocks(text);
        for (const p of findParties(blocks, findDefinitions(blocks))) {
          if (text.slice(p.range.start, p.range.end).replace(/\s+/g, ' ') !== p.name)
            bad.push(`${file}: ${p.name}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
