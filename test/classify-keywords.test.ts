import { describe, expect, it } from 'vitest';
import { KeywordGroups, KeywordScanner } from '../engine/classify/keywords.js';
import { CLAUSE_PATTERNS } from '../engine/classify/patterns.js';
import { CLAUSE_TYPES } from '../engine/classify/types.js';

/** What the scanner must answer: a case-insensitive regex search for each keyword. */
function oracle(sets: string[][], text: string): number[] {
  const escaped = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return sets.map((set) => (set.some((k) => new RegExp(escaped(k), 'i').test(text)) ? 1 : 0));
}

function scan(sets: string[][], text: string): number[] {
  const found = new Uint8Array(sets.length);
  new KeywordScanner(sets).scan(text, found);
  return [...found];
}

describe('KeywordScanner', () => {
  it('finds overlapping keywords and keywords inside others', () => {
    const sets = [['he'], ['she'], ['his'], ['hers'], ['ushe']];
    expect(scan(sets, 'ushers')).toEqual([1, 1, 0, 1, 1]);
    expect(scan(sets, 'ushers')).toEqual(oracle(sets, 'ushers'));
  });

  it('matches ASCII letters in any case, and nothing else folds', () => {
    const sets = [['term'], ['sole '], ['k'], ['s']];
    expect(scan(sets, 'The TERM of the SOLE agent')).toEqual([1, 1, 0, 1]);
    // The Kelvin sign and the long s are not ASCII letters for a non-Unicode /i regex either.
    expect(scan(sets, '\u212a \u017f')).toEqual(oracle(sets, '\u212a \u017f'));
    expect(scan(sets, 'sole\u00a0agent')).toEqual([0, 0, 0, 1]);
  });

  it('starts over after a character no keyword has', () => {
    const sets = [['not to '], ['grant']];
    expect(scan(sets, 'gr\u00e9ant not\u00a0to sue')).toEqual([0, 0]);
    expect(scan(sets, 'shall not to grant')).toEqual([1, 1]);
  });

  it('answers like a regex search on clause sentences, for every clause rule', () => {
    const sets = CLAUSE_TYPES.flatMap((t) => CLAUSE_PATTERNS[t].sentences.map((r) => [...r.keywords]));
    const texts = [
      'Licensee shall keep complete and accurate books and records and Licensor may audit them.',
      'This Agreement shall commence on the Effective Date and shall END on December 31, 2030.',
      'Either Party may terminate this Agreement upon thirty (30) days’ written notice to cure.',
      'THE INITIAL TERM OF THIS AGREEMENT SHALL BE FIVE (5) YEARS; “Term” means the Initial Term.',
      'Licensor hereby grants a non-exclusive, royalty-free, worldwide licence under FRAND terms.',
    ];
    for (const text of texts) expect(scan(sets, text)).toEqual(oracle(sets, text));
  });

  it('scans a range of a text as it scans the slice, keywords cut by the range ends included', () => {
    const sets = [['not to '], ['grant'], ['to s']];
    const scanner = new KeywordScanner(sets);
    const text = 'grant\nshall not to sue\ngra';
    for (const [start, end] of [
      [0, 5],
      [6, 22],
      [7, 22],
      [6, 19],
      [0, text.length],
      [23, text.length],
    ] as const) {
      const found = new Uint8Array(sets.length).fill(1);
      scanner.scanRange(text, start, end, found);
      expect([...found], `${start}-${end}`).toEqual(scan(sets, text.slice(start, end)));
    }
  });

  it('refuses keywords it cannot match case-insensitively', () => {
    expect(() => new KeywordScanner([['Term']])).toThrow(/lower-case ASCII/);
    expect(() => new KeywordScanner([['tér']])).toThrow(/lower-case ASCII/);
    expect(() => new KeywordScanner([['']])).toThrow(/lower-case ASCII/);
  });
});

describe('KeywordGroups', () => {
  it('tells which groups a text has a keyword of, as bits', () => {
    const groups = new KeywordGroups({
      money: ['pay', 'royalt'],
      ending: ['termina', 'expir'],
      free: ['free'],
    });
    const mask = groups.scan('Licensee shall PAY royalties until the licence expires.');
    expect(mask & groups.bit('money')).not.toBe(0);
    expect(mask & groups.bit('ending')).not.toBe(0);
    expect(mask & groups.bit('free')).toBe(0);
    expect(groups.scan('Nothing here.')).toBe(0);
  });
});
