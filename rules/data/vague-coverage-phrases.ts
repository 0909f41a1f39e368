/**
 * Loose coverage wording, as data: each entry names one kind of wording that widens or blurs what
 * a licence covers, the pattern that finds it, what to write instead, and optionally a mechanical
 * replacement offered as a fix. Config can add literal phrases (`addPhrases`) and remove built-in
 * entries by id or phrase (`removePhrases`).
 *
 * The kinds, from the practice of reviewing licences:
 * - similarity — "and similar equipment", "identical or similar", "of a similar type": the licence
 *   reaches whatever someone later argues is similar;
 * - growth — "as that business may evolve", "natural development thereof", "future extensions":
 *   the field grows with the licensee's business;
 * - open list — "and other related services", "and other Intellectual Property Rights", "etc.":
 *   a list that never ends;
 * - indefinite — "certain Honeywell IP": which?;
 * - hedge — "to the extent it is able", "where appropriate", "as agreed by the parties",
 *   "rights customarily granted": whether the licence exists at all, or its size, is left open;
 * - connector — "and/or": rarely changes what is licensed, so a note, not a warning.
 */
export type VagueKind = 'similarity' | 'growth' | 'open-list' | 'indefinite' | 'hedge' | 'connector';

export interface VaguePhrase {
  /** Stable id (config's removePhrases accepts it, or the phrase). */
  id: string;
  /** The wording as people write it, for docs and messages. */
  phrase: string;
  kind: VagueKind;
  /** Source of a case-insensitive regular expression (word-bounded by the matcher). */
  pattern: string;
  suggestion: string;
  /** Replacement text for a quick fix ('' deletes the phrase). Omitted: no mechanical fix. */
  replacement?: string;
  /** Low confidence: reported as information, not as a warning. */
  info?: boolean;
}

export const VAGUE_COVERAGE_PHRASES: VaguePhrase[] = [
  // Similarity
  {
    id: 'identical-or-similar',
    phrase: 'identical or similar',
    kind: 'similarity',
    pattern: '(?:identical|equivalent|same|comparable) or similar',
    suggestion: 'say what counts: list the items, or define the test of similarity',
  },
  {
    id: 'and-similar',
    phrase: 'and similar …',
    kind: 'similarity',
    pattern:
      '(?:and|or|any) (?:any )?(?:other )?similar(?! (?:or [a-z]+ )?(?:designations?|indicia|identifiers?|terms?|phrases?|words?|transactions?|taxes|laws?|proceedings?|events?|causes?)\\b)(?: [a-z]+)?',
    suggestion: 'list the items covered, or use a defined term',
  },
  {
    id: 'similar-type',
    phrase: 'of a similar type',
    kind: 'similarity',
    pattern: '(?:of )?(?:a |the )?similar (?:type|kind|nature|scope)',
    suggestion: 'state the limit itself instead of comparing with something else',
  },
  {
    id: 'comparable',
    phrase: 'comparable projects',
    kind: 'similarity',
    pattern:
      'comparable (?:projects?|products?|services?|technolog(?:y|ies)|works?|properties|titles?|content)',
    suggestion: 'say what may be substituted, and who decides',
  },
  {
    id: 'substantially-similar',
    phrase: 'substantially similar',
    kind: 'similarity',
    pattern: 'substantially similar',
    suggestion: 'define the standard of similarity or list the items',
  },
  {
    id: 'and-the-like',
    phrase: 'and the like',
    kind: 'similarity',
    pattern: '(?:and|or) the like',
    suggestion: 'list the items covered',
    replacement: '',
  },
  {
    id: 'similar-thereto',
    phrase: 'and all marks similar thereto',
    kind: 'similarity',
    pattern:
      '(?:and|or) (?:all|any) (?:other )?[a-z]+ (?<!confusingly )similar (?:thereto|to (?:it|them|the foregoing|any of the foregoing))',
    suggestion: 'list the items covered, or define the test of similarity',
  },
  // Growth
  {
    id: 'business-may-evolve',
    phrase: 'as that business may evolve',
    kind: 'growth',
    pattern:
      'as (?:that|such|the|its|their|each such) business(?:es)? (?:may )?(?:evolves?|changes?|develops?|grows?|expands?)(?: and (?:evolves?|changes?|develops?|grows?|expands?))?(?: in the future)?',
    suggestion: 'fix the field at a date ("as conducted on the Effective Date") or define how it may grow',
  },
  {
    id: 'may-evolve',
    phrase: 'which may evolve',
    kind: 'growth',
    pattern: '(?:which|that) (?:may |normally |naturally )?evolves?(?: from)?',
    suggestion: 'name the products covered, or define how the field may grow',
  },
  {
    id: 'natural-development',
    phrase: 'natural development thereof',
    kind: 'growth',
    pattern:
      '(?:the )?natural (?:growth|development|evolution|extension|expansion)s?(?: and (?:growth|development|evolution|extension|expansion)s?)?(?: thereof)?',
    suggestion: 'fix the field at a date, or define which developments are included',
  },
  {
    id: 'business-in-conjunction',
    phrase: 'any business provided in conjunction therewith',
    kind: 'growth',
    pattern:
      'any (?:other )?business(?:es)? (?:provided|conducted|carried on|operated|offered) in (?:conjunction|connection) (?:therewith|with (?:it|them))',
    suggestion: 'list the businesses or services covered',
  },
  {
    id: 'contemplated-to-be-conducted',
    phrase: 'as contemplated to be conducted',
    kind: 'growth',
    pattern:
      '(?:as )?(?:currently |now |presently )?(?:conducted|operated) (?:or|and) (?:as )?(?:contemplated|proposed|planned) to be (?:conducted|operated)',
    suggestion: 'fix the business at a date and describe it',
  },
  {
    id: 'future-extensions',
    phrase: 'future extensions of',
    kind: 'growth',
    pattern: '(?:any )?future (?:extensions?|expansions?|evolutions?) of',
    suggestion: 'fix the field at a date, or define which extensions are included',
  },
  {
    id: 'extensions-and-evolutions',
    phrase: 'extensions and evolutions thereof',
    kind: 'growth',
    pattern: '(?:extensions?|evolutions?) and (?:extensions?|evolutions?)(?: thereof)?',
    suggestion: 'fix the field at a date, or define which extensions are included',
  },
  {
    id: 'expanded-from-time-to-time',
    phrase: 'as expanded from time to time',
    kind: 'growth',
    pattern:
      '(?:renamed, )?(?:enhanced|expanded|extended)(?: or (?:enhanced|expanded|extended))? from time to time',
    suggestion: 'say whether later versions are included, and on what terms',
  },
  {
    id: 'current-or-future',
    phrase: 'any and all current or future names, marks …',
    kind: 'growth',
    pattern:
      '(?:any and all |all |any )?(?:current|existing|present)(?:,)? (?:and|or|and/or) future (?!affiliates|subsidiaries|employees|officers|directors)[a-z]+',
    suggestion: 'list what is covered now, and say how (and by whose decision) anything is added later',
  },
  {
    id: 'designated-from-time-to-time',
    phrase: 'designated from time to time by',
    kind: 'growth',
    pattern:
      '(?:designated|specified|adopted|selected|added|introduced|used) (?:by [A-Z][\\w-]* )?from time to time(?: by)?',
    suggestion: 'list what is covered in a schedule, and say how (and by whose decision) it may be changed',
  },
  {
    id: 'substitutions-therefor',
    phrase: 'substitutions therefor',
    kind: 'growth',
    pattern:
      '(?:and )?(?:all |any )?(?:substitutions?|replacements?|successors?) (?:therefor|thereto|thereof|to any of the foregoing)|all successor [a-z]+',
    suggestion: 'say which replacements are included, and who decides',
  },
  // Open lists
  {
    id: 'other-related',
    phrase: 'and other related …',
    kind: 'open-list',
    pattern: '(?:and|or) (?:any )?other related(?: [a-z]+){0,2}',
    suggestion: 'list the items covered, or cite a schedule that does',
  },
  {
    id: 'related-technologies',
    phrase: 'related technologies',
    kind: 'open-list',
    pattern: 'related (?:technolog(?:y|ies)|products)',
    suggestion: 'list the technologies or products, or cite a schedule that does',
  },
  {
    id: 'and-other-subject-matter',
    phrase: 'and other services / media / rights …',
    kind: 'open-list',
    pattern:
      'and (?:any )?other (?:[a-z-]+ ){0,2}(?:services|media|content|products|materials?|rights|intellectual property(?: rights)?|technolog(?:y|ies)|works|properties|offerings|know-how)',
    suggestion: 'list what is covered, or use a defined term',
  },
  {
    id: 'including-all-ip',
    phrase: 'including, without limitation, all … Patents',
    kind: 'open-list',
    pattern:
      'including,? (?:but not limited to|without limitation),? all (?:applicable |other |its |of its )?(?:patents|copyrights|know-how|trade secrets|intellectual property|rights)',
    suggestion:
      'name the rights covered (or the schedule that lists them) instead of every right of every kind',
  },
  {
    id: 'improvements-thereof',
    phrase: 'any improvements or derivatives thereof',
    kind: 'open-list',
    pattern:
      '(?:and|or) any improvements?(?: or (?:derivatives?|enhancements?|modifications?))? (?:thereof|thereto)',
    suggestion: 'use a defined term for Improvements and say which ones are covered',
  },
  {
    id: 'etc',
    phrase: 'etc.',
    kind: 'open-list',
    pattern: 'etc\\.?',
    suggestion: 'end the list: name every item, or say "including" and accept the list as examples',
    replacement: '',
  },
  {
    id: 'among-other-things',
    phrase: 'among other things',
    kind: 'open-list',
    pattern: 'among other things',
    suggestion: 'list everything covered, or say the list is not exhaustive with a defined term',
    replacement: '',
  },
  {
    id: 'and-so-on',
    phrase: 'and so on',
    kind: 'open-list',
    pattern: 'and so (?:on|forth)',
    suggestion: 'list everything covered',
    replacement: '',
  },
  // Indefinite
  {
    id: 'certain',
    phrase: 'certain patents / IP',
    kind: 'indefinite',
    pattern:
      '(?<!that )certain (?:other )?(?:(?:[A-Z][\\w-]+) )?(?:IP|intellectual property|patents?|patent rights|technolog(?:y|ies)|know-how|rights|materials|products|inventions?|content|software|trademarks|marks|service marks)',
    suggestion: 'identify them: numbers, a schedule, or a defined term',
  },
  {
    id: 'associated-ip',
    phrase: 'associated intellectual property',
    kind: 'indefinite',
    pattern: 'associated (?:intellectual property|IP|technolog(?:y|ies)|know-how|rights|patents?)',
    suggestion: 'say which items are covered: list them or use a defined term',
  },
  // Hedges
  {
    id: 'to-the-extent-able',
    phrase: 'to the extent it is able',
    kind: 'hedge',
    pattern:
      'to the extent (?:that )?(?:it is|they are|such party is|it may be|legally) ?(?:able|possible|practicable)|to the extent (?:able|possible|practicable)',
    suggestion: 'say what is licensed; if rights may be missing, say which and what happens then',
  },
  {
    id: 'where-appropriate',
    phrase: 'where appropriate',
    kind: 'hedge',
    pattern: '(?:where|if|when) appropriate',
    suggestion: 'say who decides and by what standard',
    replacement: '',
  },
  {
    id: 'to-the-extent-required',
    phrase: 'to the extent required',
    kind: 'hedge',
    pattern: 'to the extent (?:required|necessary|needed)',
    suggestion: 'say when the licence applies and who decides',
  },
  {
    id: 'potentially',
    phrase: 'potentially may include',
    kind: 'hedge',
    pattern:
      'potentially (?:may )?(?:include|includes|including|cover|covers|relate to|apply to|be)|may potentially(?: include)?',
    suggestion: 'say what is included',
  },
  {
    id: 'as-agreed',
    phrase: 'as agreed by the parties',
    kind: 'hedge',
    pattern:
      'as (?:may be |shall be |to be |will be )?(?:mutually )?agreed (?:upon )?(?:in writing )?(?:by|between) the parties',
    suggestion:
      'state what is covered now, or say how and by when it will be agreed (and what happens if it is not)',
  },
  {
    id: 'customarily',
    phrase: 'customarily granted',
    kind: 'hedge',
    pattern: 'customar(?:ily|y)(?: granted| included| licensed)?',
    suggestion: 'state the limit itself instead of pointing at custom or other agreements',
  },
  {
    id: 'in-support-of',
    phrase: 'in support of',
    kind: 'hedge',
    pattern: 'in (?:support|furtherance)(?: and furtherance)? (?:of|to)',
    suggestion: 'name what is covered instead of a purpose it serves',
  },
  {
    id: 'save-for-rights-reserved',
    phrase: 'save for rights reserved',
    kind: 'hedge',
    pattern: '(?:save|except) for (?:the )?rights reserved(?: to [A-Z][\\w-]*)?(?: hereunder| herein)?',
    suggestion: 'list the reserved rights where the exclusivity is stated',
  },
  {
    id: 'in-any-possible-way',
    phrase: 'in any possible way',
    kind: 'hedge',
    pattern: 'in any (?:possible|conceivable) (?:way|manner)',
    suggestion: 'list the rights granted',
  },
  // Connectors
  {
    id: 'and-or',
    phrase: 'and/or',
    kind: 'connector',
    pattern: 'and ?/ ?or',
    suggestion: 'say "or" (which includes both) or "A, B or both"',
    replacement: 'or',
    info: true,
  },
];
