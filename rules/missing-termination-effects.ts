import type { Rule } from '../engine/lint/rule.js';
import { documentAnchor, sectionAnchor } from './support/anchors.js';

export const missingTerminationEffects: Rule = {
  id: 'missing-termination-effects',
  description:
    'Termination is provided for, but nothing says what happens after it (wind-down, survival, licences, improvements).',
  category: 'termination',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'Termination has no stated effects: say which clauses survive, what happens to licences, sublicences and improvements, and whether there is a wind-down period.',
  },
  rationale: `When an agreement ends, the parties need to know what is left: accrued payment obligations,
confidentiality, licences to improvements made during the term, sublicences already granted, stock
that may be sold off during a wind-down period, and the return or destruction of confidential
information. Silence leaves each of these to be argued.`,
  examples: {
    invalid: [
      {
        text: '## 9. Termination\n\nEither party may terminate this Agreement if the other party materially breaches it and fails to cure the breach within thirty (30) days after notice.\n',
      },
    ],
    valid: [
      {
        text: '## 9. Termination\n\nEither party may terminate this Agreement if the other party materially breaches it and fails to cure the breach within thirty (30) days after notice. Sections 5 and 7 survive termination.\n',
      },
    ],
  },
  check({ model, clauses, report }) {
    if (!clauses.has('termination')) return;
    if (clauses.has('termination-effects') || clauses.has('survival')) return;
    const anchor =
      sectionAnchor(model, clauses.sectionsOf('termination')[0]) ??
      clauses.hits('termination')[0]?.range ??
      documentAnchor(model);
    report({ messageId: 'missing', range: anchor, extra: { template: 'termination-effects' } });
  },
};
