import { sentenceWords } from '../engine/classify/clauses.js';
import { SENTENCE_WORD } from '../engine/classify/sentence-words.js';
import type { Rule } from '../engine/lint/rule.js';
import type { Definition } from '../engine/model/types.js';
import { sentenceRange, sentences } from './support/sentences.js';

/** Sentences that give rights or impose duties: where an undefined word becomes a dispute. */
const CARRIES_OBLIGATION =
  /\b(?:shall|must|will|agrees?|grants?|granted|licen[cs]es?|licen[cs]ed|owns?|owned|ownership|assigns?|assigned|disclose[sd]?|title|rights?|entitled|deliver|provide|notify)\b/i;
const IMPROVEMENT = /\bimprovements?\b/gi;
/** Related words count only when capitalised like a term ("Enhancements"); lowercase is plain English. */
const RELATED_TERMS = /\b(?:Enhancements?|Modifications?|Derivative Works?|New Filings?)\b/g;
/**
 * Lower-case modifications, derivative works and enhancements as the object of ownership or a
 * licence: "retain all right, title and interest in and to modifications", "derivative works shall
 * be owned by". Not the licensed act itself ("to modify and prepare derivative works of").
 */
/** Inside the bracketed title after a clause reference: "Section 1.3 (Product …". */
const CLAUSE_TITLE_BEFORE = /\b(?:Sections?|Articles?|Clauses?|Paragraphs?|§)\s*[\dA-Z][\w.()-]*\s*\([^()]*$/;

const OWNED_CHANGES =
  /\b(?:title|ownership|own|owns|owned|property|belong\w*|vest\w*|assign\w*|licen[cs]e (?:to|under))\b[^.;]{0,60}?\b(?:in and to |to |of |under )?(?:all |any |such |its |their )?(modifications|derivative works|enhancements)\b|\b(?:all |any |such )(modifications|derivative works|enhancements)\b[^.;]{0,80}?\b(?:shall|will) (?:be (?:owned|the (?:sole |exclusive )?property)|vest|belong|remain)\b/i;
const LICENSED_ACT_BEFORE =
  /\b(?:prepare|create|make|develop|produce|making|creating|preparing)\s+(?:\w+\s+)?$/i;
/** Mid-sentence use: after a lowercase word or a comma, optionally with a determiner between. */
const MID_SENTENCE_BEFORE = /[a-z,;]\s+(?:(?:the|any|all|such)\s+)?$/;

export const undefinedImprovement: Rule = {
  id: 'undefined-improvement',
  description:
    '"Improvements" (or Enhancements, Modifications, Derivative Works) carry rights or duties but are never defined.',
  category: 'improvements',
  defaultSeverity: 'error',
  fixable: 'template',
  messages: {
    undefined:
      '"{word}" carries rights or obligations here but is never defined: define it (what counts as an improvement, of what, made by whom and when).',
  },
  rationale: `"Improvements" is the classic source of later disputes in technology licences: a grant-back of
"all improvements", a duty to disclose "improvements", or ownership of "improvements" means little
until the agreement says improvements of what (the licensed patents? the products?), made by whom,
during what period, and whether a new invention that merely uses the technology counts. Define the
term once and use it consistently; the editor offers a definition template.`,
  examples: {
    invalid: [
      {
        text: '## 3. Improvements\n\nLicensee shall disclose all improvements to the Licensed Technology to Licensor.\n',
      },
      { text: '## 3. Grant-back\n\nLicensee grants Licensor a licence under its Enhancements.\n' },
      {
        text: '## 2. Ownership\n\nLicensee shall retain all right, title and interest in and to modifications to the Licensed Source Code made by Licensee.\n',
        note: 'Ownership of undefined "modifications".',
      },
    ],
    valid: [
      {
        text: '## 1. Definitions\n\n"Improvement" means any modification of the Licensed Technology that would infringe a Licensed Patent.\n\n## 3. Improvements\n\nLicensee shall disclose each Improvement to Licensor within thirty (30) days.\n',
      },
      {
        text: 'The parties expect the market to see improvements in pricing.\n',
        note: 'No right or duty attached.',
      },
      {
        text: '## 2. Licence\n\nLicensor grants Licensee a licence to use, modify and prepare derivative works of the Software.\n',
        note: 'Preparing derivative works is the licensed act, not a class of things someone owns.',
      },
    ],
  },
  check({ model, report }) {
    const defined = (pattern: RegExp) => model.definitions.some((d: Definition) => pattern.test(d.term));
    const improvementDefined = defined(/improvement/i);
    const reported = new Set<string>();
    // Every pattern below needs one of the words of improvements, enhancements, modifications,
    // derivative works or new filings: most sentences stop at the clause scan's answer.
    const words = sentenceWords(model);
    let index = -1;
    for (const { paragraph, sentence, text } of sentences(model)) {
      index++;
      if (((words[index] as number) & SENTENCE_WORD.changes) === 0) continue;
      const p = model.paragraphs[paragraph];
      if (!p || p.kind === 'heading' || !CARRIES_OBLIGATION.test(text)) continue;
      if (!improvementDefined && !reported.has('improvement')) {
        for (const match of text.matchAll(IMPROVEMENT)) {
          // "Section 1.3 (Product Improvement) survives": the title of a clause, not a use of the word.
          if (CLAUSE_TITLE_BEFORE.test(text.slice(Math.max(0, match.index - 60), match.index))) continue;
          reported.add('improvement');
          report({
            messageId: 'undefined',
            data: { word: match[0] },
            range: sentenceRange(p, sentence, match.index, match.index + match[0].length),
            extra: { template: 'improvement-definition', word: 'Improvement' },
          });
          break;
        }
      }
      const owned = OWNED_CHANGES.exec(text);
      const word = owned?.[1] ?? owned?.[2];
      if (owned && word) {
        const at = owned.index + owned[0].toLowerCase().lastIndexOf(word.toLowerCase());
        const family = word.toLowerCase().replace(/s$/, '');
        const definedFamily = defined(new RegExp(family.replace(/ /g, '\\s+'), 'i'));
        if (
          !reported.has(family) &&
          !definedFamily &&
          !LICENSED_ACT_BEFORE.test(text.slice(Math.max(0, at - 24), at))
        ) {
          reported.add(family);
          report({
            messageId: 'undefined',
            data: { word },
            range: sentenceRange(p, sentence, at, at + word.length),
            extra: { word: family },
          });
        }
      }
      for (const match of text.matchAll(RELATED_TERMS)) {
        if (!MID_SENTENCE_BEFORE.test(text.slice(Math.max(0, match.index - 24), match.index))) continue;
        const family = match[0].replace(/s$/, '').toLowerCase();
        if (reported.has(family) || defined(new RegExp(family, 'i'))) continue;
        reported.add(family);
        report({
          messageId: 'undefined',
          data: { word: match[0] },
          range: sentenceRange(p, sentence, match.index, match.index + match[0].length),
          extra: { word: family },
        });
      }
    }
  },
};
