import type { ClauseType } from '../engine/classify/types.js';
import type { Rule } from '../engine/lint/rule.js';
import type { Fix } from '../engine/lint/types.js';
import type { Definition, Paragraph } from '../engine/model/types.js';
import { VAGUE_COVERAGE_PHRASES, type VaguePhrase } from './data/vague-coverage-phrases.js';
import { sentenceRange } from './support/sentences.js';

interface Options {
  addPhrases: string[];
  removePhrases: string[];
}

/** Clause types where the words decide what is licensed. */
const COVERAGE_CLAUSES: ClauseType[] = ['license-grant', 'field-of-use', 'territory', 'exclusivity'];
const CLAUSE_NAMES: Partial<Record<ClauseType, string>> = {
  'license-grant': 'licence grant',
  'field-of-use': 'field of use',
  territory: 'territory',
  exclusivity: 'exclusivity',
};
/** Definitions of licensed subject matter decide coverage as much as the grant does. */
const SUBJECT_MATTER_TERM =
  /licen[cs]ed|patent|technolog|product|field|territor|know-how|improvement|invention|intellectual property/i;

export const vagueCoverage: Rule<Options> = {
  id: 'vague-coverage',
  description:
    'Loose wording ("and/or", "related technologies", "etc.") where the scope of a licence is decided.',
  category: 'coverage',
  defaultSeverity: 'warning',
  fixable: 'edit',
  messages: {
    vague: '"{phrase}" makes the {clause} open to dispute: {suggestion}.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        addPhrases: {
          type: 'array',
          items: { type: 'string', minLength: 2 },
          description: 'More phrases to flag.',
        },
        removePhrases: {
          type: 'array',
          items: { type: 'string' },
          description: 'Built-in phrases not to flag.',
        },
      },
    },
    defaults: { addPhrases: [], removePhrases: [] },
  },
  rationale: `A licence covers exactly what its words say. Fillers such as "related technologies", "similar
products", "and/or" or "etc." in a grant, field-of-use, territory or exclusivity clause — or in the
definition of the licensed subject matter — leave the reach of the licence to be argued later.
Name the items, cite a schedule, or use a defined term. The same words elsewhere (boilerplate,
notices) are not flagged.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\nLicensor grants Licensee a non-exclusive licence under its patents covering sensors and related technologies.\n',
      },
      {
        text: '## 2. License Grant\n\nLicensor hereby grants to Licensee a licence to make and/or sell Products, etc.\n',
        findings: 2,
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\nLicensor grants Licensee a non-exclusive licence under the Licensed Patents listed in Schedule A.\n',
      },
      {
        text: '## 9. Notices\n\nNotices may be sent by email and/or courier.\n',
        note: 'Not a coverage clause: boilerplate stays quiet.',
      },
    ],
  },
  check({ model, clauses, options, report }) {
    const phrases = activePhrases(options);
    if (phrases.length === 0) return;
    const matcher = buildMatcher(phrases);
    const definitionSpans = subjectMatterDefinitions(model.definitions);

    model.paragraphs.forEach((paragraph, index) => {
      const labels = clauses.labelsOf(index);
      const clause = COVERAGE_CLAUSES.find((c) => labels.includes(c));
      const inDefinition = clause
        ? undefined
        : definitionSpans.find((d) => overlaps(d.definitionRange, paragraph.range));
      if (!clause && !inDefinition) return;
      const clauseName = clause ? (CLAUSE_NAMES[clause] ?? clause) : `definition of "${inDefinition?.term}"`;
      for (const sentence of paragraph.sentences) {
        for (const match of sentence.text.matchAll(matcher)) {
          const text = match[0];
          const entry = phrases.find((p) => p.phrase.toLowerCase() === text.toLowerCase());
          if (!entry) continue;
          const range = sentenceRange(paragraph, sentence, match.index, match.index + text.length);
          report({
            messageId: 'vague',
            data: { phrase: text, clause: clauseName, suggestion: entry.suggestion },
            range,
            fixes: fixesFor(entry, paragraph, sentence, match.index, text),
            extra: { phrase: entry.phrase, clause: clause ?? 'definition' },
          });
        }
      }
    });
  },
};

function activePhrases(options: Options): VaguePhrase[] {
  const removed = new Set(options.removePhrases.map((p) => p.toLowerCase()));
  const builtIn = VAGUE_COVERAGE_PHRASES.filter((p) => !removed.has(p.phrase.toLowerCase()));
  const added = options.addPhrases
    .filter((p) => !removed.has(p.toLowerCase()))
    .map((phrase) => ({
      phrase,
      suggestion: 'name the items covered, cite a schedule, or use a defined term',
    }));
  return [...builtIn, ...added];
}

/** One alternation, longest phrase first, bounded by non-word characters. */
function buildMatcher(phrases: VaguePhrase[]): RegExp {
  const parts = [...phrases]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((p) => p.phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`(?<![\\w/])(?:${parts.join('|')})(?![\\w/])`, 'gi');
}

function subjectMatterDefinitions(definitions: Definition[]): Definition[] {
  return definitions.filter(
    (d) => d.style !== 'has-meaning' && d.style !== 'inline' && SUBJECT_MATTER_TERM.test(d.term),
  );
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function fixesFor(
  entry: VaguePhrase,
  paragraph: Paragraph,
  sentence: Paragraph['sentences'][number],
  at: number,
  text: string,
): Fix[] {
  if (entry.replacement === undefined) return [];
  let start = at;
  let end = at + text.length;
  if (entry.replacement === '') {
    // Deleting "etc." or ", among other things" also takes the separator before it.
    const before = sentence.text.slice(0, start);
    const lead = /,?\s+$/.exec(before);
    if (lead) start -= lead[0].length;
    // Keep the full stop of "etc." when it also ends the sentence.
    if (text.endsWith('.') && sentence.text.slice(end).trim() === '') end -= 1;
  }
  const range = sentenceRange(paragraph, sentence, start, end);
  const label =
    entry.replacement === '' ? `Delete "${text}"` : `Replace "${text}" with "${entry.replacement}"`;
  return [{ label, edits: [{ range, newText: entry.replacement }], safe: false }];
}
