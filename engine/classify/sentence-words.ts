import { KeywordGroups } from './keywords.js';

/**
 * Plain words readers of the agreement test every sentence for before their patterns: the grant
 * reader, the profile's money and duration facts, the improvements and royalty rules. The clause
 * scan finds them in the pass it makes over every sentence anyway (see `sentenceWords` in
 * clauses.ts), in place of one regex or keyword pass per reader.
 *
 * Keywords are lower-case ASCII and match case-insensitively as substrings, as a non-Unicode `/i`
 * regex would.
 */
export const SENTENCE_WORD_GROUPS = {
  /** Every grant pattern has one (`/grant|licen|covenant|not to /i`), as has every licence limit (coverage). */
  grant: ['grant', 'licen', 'covenant', 'not to '],
  /** `/improvement|enhancement|modification|derivative|new filing/i`. */
  changes: ['improvement', 'enhancement', 'modification', 'derivative', 'new filing'],
  /** `/royalt|share/i`. */
  royalty: ['royalt', 'share'],
  // The words without which the profile's fact patterns cannot match, by fact.
  money: ['pai', 'pay', 'due', 'owe', 'remit', 'earn', 'accru', 'entitled', 'receiv', 'royalt'],
  milestones: ['milestone'],
  free: [
    'free',
    'paid',
    'charge',
    'cost',
    'without',
    'no additional',
    'no further',
    'no payment',
    'no consideration',
    'no fee',
    'no royalt',
    'no obligation',
  ],
  notTerminable: ['termina', 'revo', 'rescind', 'cancel'],
  patentLife: ['expir', 'lapse', 'abandon', 'last'],
  perpetual: ['perpetu', 'indefinite'],
  /** `/omitted|supplementally/i`: schedules left out of a filing copy. */
  omitted: ['omitted', 'supplementally'],
  /** Every unticked exclusivity box has it (ambiguous-exclusivity). */
  exclusiv: ['exclusiv'],
  /** `/exclusive|nothing/i`: every blanket exclusivity statement has one (ambiguous-exclusivity). */
  blanket: ['exclusive', 'nothing'],
  /**
   * What the master-agreement patterns need (profile): "Capitalized terms … have the meanings …"
   * and "subject to", "ancillary to", "entered into", "delivered pursuant to", "governed by the terms of".
   */
  master: [
    'apitali',
    'subject ',
    'ancillary to',
    'entered into ',
    'delivered pursuant to',
    'governed by the terms of',
  ],
} as const satisfies Record<string, readonly string[]>;

export type SentenceWordGroup = keyof typeof SENTENCE_WORD_GROUPS;

export const SENTENCE_WORD_GROUP_NAMES = Object.keys(SENTENCE_WORD_GROUPS) as SentenceWordGroup[];

/** The bit of each word group in a sentence's word mask. */
export const SENTENCE_WORD = Object.fromEntries(
  SENTENCE_WORD_GROUP_NAMES.map((name, i) => [name, 1 << i]),
) as Record<SentenceWordGroup, number>;

/**
 * Set in a mask found in the clause scan's copy of a sentence, which reads a no-break space as a
 * space: the words are right for that copy and a superset for the sentence itself ("no\u00a0fee"
 * has no "no fee"). A reader that needs the sentence's own words scans it again.
 */
export const SENTENCE_WORDS_SPACED = 1 << SENTENCE_WORD_GROUP_NAMES.length;
// Masks are kept in 16 bits per sentence (see `sentenceWords`).
if (SENTENCE_WORDS_SPACED > 1 << 15) throw new Error('at most 15 sentence word groups');

let groups: KeywordGroups<SentenceWordGroup> | undefined;

/** The word mask of one text, found on its own (bits as in `SENTENCE_WORD`). */
export function scanSentenceWords(text: string): number {
  groups ??= new KeywordGroups(SENTENCE_WORD_GROUPS);
  return groups.scan(text);
}
