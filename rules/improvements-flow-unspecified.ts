import type { Rule } from '../engine/lint/rule.js';
import { sentences } from './support/sentences.js';

const IMPROVEMENT = /\bimprovements?\b/i;
const OWNERSHIP =
  /\b(?:own|owns|owned|ownership|title|vest(?:s|ed)?|belong(?:s)?|(?:sole|exclusive) property|property of)\b/i;
const FLOW =
  /\b(?:licen[cs]e[sd]?|grants?|granted|disclose[sd]?|assigns?|assigned|notify|notif(?:ies|ied)|offer(?:s|ed)?|share[sd]?|grant-?back|deliver|make available)\b/i;

export const improvementsFlowUnspecified: Rule = {
  id: 'improvements-flow-unspecified',
  description: 'Improvements are defined, but nothing says who owns them or how they reach the other party.',
  category: 'improvements',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    unspecified:
      '"{term}" is defined but the agreement never says {gap}: state who owns improvements and whether and on what terms they are licensed or disclosed to the other party.',
  },
  rationale: `Defining Improvements is half the job. The agreement must also say who owns an improvement (its
maker, the licensor, jointly), and how it travels: a grant-back licence, a duty to disclose, a
right of first negotiation — in both directions when the deal is meant to be balanced.`,
  examples: {
    invalid: [
      {
        text: '## 1. Definitions\n\n"Improvement" means any modification of the Licensed Technology.\n\n## 2. Grant\n\nLicensor grants Licensee a licence under the Licensed Technology and any Improvement.\n',
      },
    ],
    valid: [
      {
        text: '## 1. Definitions\n\n"Improvement" means any modification of the Licensed Technology.\n\n## 3. Improvements\n\nEach party owns the Improvements it makes and grants the other party a non-exclusive licence under them.\n',
      },
      {
        text: '## 1. Definitions\n\n"Improvements" means any modification of the Licensed Technology.\n\n## 2. Grant\n\nLicensor grants Licensee a licence under the Licensed Technology.\n',
        note: 'Defined but never used: there is no improvements regime to complete (unused-definition reports the term).',
      },
    ],
  },
  check({ model, report }) {
    const definition = model.definitions.find(
      (d) => /improvement/i.test(d.term) && d.style !== 'has-meaning',
    );
    if (!definition) return;
    let owned = false;
    let flows = false;
    let used = false;
    for (const { text, range } of sentences(model)) {
      // The definition itself says what an improvement is, not where it goes.
      if (range.start >= definition.definitionRange.start && range.end <= definition.definitionRange.end)
        continue;
      if (!IMPROVEMENT.test(text)) continue;
      used = true;
      if (OWNERSHIP.test(text)) owned = true;
      if (FLOW.test(text)) flows = true;
      if (owned && flows) return;
    }
    // A definition nothing else uses has no regime to complete: unused-definition reports it.
    if (!used) return;
    const gap =
      !owned && !flows
        ? 'who owns them or how they reach the other party'
        : !owned
          ? 'who owns them'
          : 'how they reach the other party';
    report({
      messageId: 'unspecified',
      data: { term: definition.term, gap },
      range: definition.range,
      extra: { template: 'improvements', owned, flows },
    });
  },
};
