import type { Rule } from '../../engine/lint/rule.js';
import { appliesToLicense, boilerplateAnchor } from './support.js';

export const missingGoverningLaw: Rule = {
  id: 'missing-governing-law',
  description: 'No governing-law clause.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing: 'The agreement does not say which law governs it: add a governing-law clause.',
  },
  rationale: `Parties in different countries — the usual case for a patent cross-license — otherwise leave the
applicable contract law to conflict-of-laws rules, which may point to a law neither expected.
Interpretation of "Improvement", of implied licences and of termination rights differs between
legal systems. Name the governing law, usually with an exclusion of its conflict-of-laws rules.`,
  examples: {
    invalid: [{ text: '## 9. General\n\n9.1 Notices shall be sent to the addresses above.\n' }],
    valid: [
      {
        text: '## 9. General\n\n9.1 This Agreement is governed by the laws of the State of New York.\n',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, report }) {
    if (clauses.has('governing-law')) return;
    const forum = clauses.hits('dispute-resolution')[0];
    report({
      messageId: 'missing',
      range: boilerplateAnchor(model),
      ...(forum
        ? {
            related: [
              { message: 'The dispute-resolution clause: it names a forum but no law.', range: forum.range },
            ],
          }
        : {}),
      extra: { template: 'governing-law' },
    });
  },
};
