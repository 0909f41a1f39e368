import type { Rule } from '../../engine/lint/rule.js';
import { appliesToLicense, boilerplateAnchor } from './support.js';

export const missingDisputeResolution: Rule = {
  id: 'missing-dispute-resolution',
  description: 'No dispute-resolution clause (negotiation or escalation, mediation, arbitration or courts).',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'The agreement does not say how disputes are resolved: add a dispute-resolution clause (escalation, mediation, arbitration or named courts).',
  },
  rationale: `Licence disputes — about royalties, scope, improvements — are frequent and technical. Without a
clause, each party may sue where it prefers, and patent owners in different countries may end up
in parallel proceedings. Say how disputes are handled: escalation to executives, then mediation,
arbitration (with institution, seat and number of arbitrators) or the courts of a named place.`,
  examples: {
    invalid: [{ text: '## 9. General\n\n9.1 Notices shall be sent to the addresses above.\n' }],
    valid: [
      {
        text: '## 9. General\n\n9.1 Any dispute arising out of this Agreement shall be resolved by arbitration in London under the LCIA Rules.\n',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, profile, report }) {
    if (clauses.has('dispute-resolution')) return;
    // "Subject in all respects to the Asset Purchase Agreement": its dispute clause governs.
    if (profile.master.subjectTo) return;
    // Where a forum or arbitration clause usually sits: next to the governing law.
    const law = clauses.hits('governing-law')[0];
    report({
      messageId: 'missing',
      range: boilerplateAnchor(model),
      ...(law
        ? {
            related: [
              { message: 'The governing-law clause: it chooses a law but no forum.', range: law.range },
            ],
          }
        : {}),
      extra: { template: 'dispute-resolution' },
    });
  },
};
