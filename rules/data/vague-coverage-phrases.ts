/**
 * Loose coverage wording, as data. Each entry: the phrase (matched case-insensitively on word
 * boundaries), what to write instead, and optionally a mechanical replacement offered as a fix.
 * Config can add phrases (`addPhrases`) and remove them (`removePhrases`).
 */
export interface VaguePhrase {
  phrase: string;
  suggestion: string;
  /** Replacement text for a quick fix ('' deletes the phrase). Omitted: no mechanical fix. */
  replacement?: string;
}

export const VAGUE_COVERAGE_PHRASES: VaguePhrase[] = [
  { phrase: 'related technologies', suggestion: 'list the technologies or cite a schedule that does' },
  { phrase: 'related technology', suggestion: 'name the technology or cite a schedule that does' },
  {
    phrase: 'related products',
    suggestion: 'list the products or use a defined term such as "Licensed Products"',
  },
  {
    phrase: 'similar products',
    suggestion: 'list the products or use a defined term such as "Licensed Products"',
  },
  { phrase: 'similar technologies', suggestion: 'list the technologies or cite a schedule' },
  { phrase: 'and/or', suggestion: 'say "or" (which includes both) or "A, B or both"', replacement: 'or' },
  {
    phrase: 'etc.',
    suggestion: 'end the list: name every item, or say "including" and accept the list as examples',
    replacement: '',
  },
  {
    phrase: 'among other things',
    suggestion: 'list everything covered, or say the list is not exhaustive with a defined term',
    replacement: '',
  },
  { phrase: 'as appropriate', suggestion: 'say who decides and by what standard', replacement: '' },
  { phrase: 'certain patents', suggestion: 'identify the patents: numbers, families or a schedule' },
  { phrase: 'certain technology', suggestion: 'identify the technology in a schedule' },
  { phrase: 'associated', suggestion: 'say which items are covered: list them or use a defined term' },
  { phrase: 'and the like', suggestion: 'list the items covered', replacement: '' },
  {
    phrase: 'any improvements thereto',
    suggestion: 'use a defined term for Improvements and say which ones are covered',
  },
  { phrase: 'substantially similar', suggestion: 'define the standard of similarity or list the items' },
];
