import type { ClauseIndex } from '../../engine/classify/types.js';
import type { Rule } from '../../engine/lint/rule.js';
import type { ContractModel } from '../../engine/model/types.js';
import { isConveyance } from '../support/profile.js';
import { appliesToLicense, boilerplateAnchor, clauseAnchor } from './support.js';

export const missingAssignmentClause: Rule = {
  id: 'missing-assignment-clause',
  description:
    'No clause on assignment of the agreement (and, in a cross-license, on what a change of control does to the licences).',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'The agreement does not say whether it (or the licences) may be assigned: add an assignment and change-of-control clause.',
    conveyance:
      'No assignment clause, but this instrument is itself a one-off conveyance with nothing continuing between the parties: nothing to add.',
    noChangeOfControl:
      'The assignment clause does not say what happens on a merger or change of control: say whether the licences survive it and extend to the acquirer.',
  },
  rationale: `A licence is personal to the licensee in some legal systems and freely transferable in others.
Without an assignment clause, a party may find its competitor holding the licence after a sale of
the business. In a cross-license the question that matters most is the change of control: does
the licence survive a merger, and does it then extend to the acquirer's products and patents?
The second finding is informational and raised only in cross-licenses.`,
  examples: {
    invalid: [
      { text: '## 9. General\n\n9.1 Notices shall be sent to the addresses above.\n' },
      {
        text: "# Patent Cross-License Agreement\n\n## 9. General\n\n9.1 Neither Party may assign this Agreement without the other Party's prior written consent.\n",
        note: 'Silent on change of control (info).',
      },
    ],
    valid: [
      {
        text: "## 9. General\n\n9.1 Neither Party may assign this Agreement without the other Party's prior written consent, except to a successor in a merger or change of control that assumes it in writing.\n",
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, severity, profile, report }) {
    const conveyance = isConveyance(profile);
    const assignment = assignmentEvidence(model, clauses);
    const control = clauses.has('change-of-control');
    // A change-of-control section alone does not say whether the agreement may be assigned.
    if (!assignment) {
      // The instrument is itself the assignment of a completed sale: a note, not a defect.
      if (conveyance) report({ messageId: 'conveyance', range: boilerplateAnchor(model), severity: 'info' });
      else
        report({ messageId: 'missing', range: boilerplateAnchor(model), extra: { template: 'assignment' } });
      return;
    }
    if (!control && profile.crossLicence) {
      report({
        messageId: 'noChangeOfControl',
        range: clauseAnchor(model, clauses, ['assignment']),
        severity: severity === 'error' ? 'warning' : 'info',
        extra: { template: 'assignment' },
      });
    }
  },
};

/** A licence that is "non-transferable" says nothing about assigning the agreement. */
const LICENCE_ONLY =
  /^(?![\s\S]*\b(?:assign|delegat|novat)\w*\b)[\s\S]*\b(?:non-?\s?transferable|transferable)\b[^.;]{0,60}\blicen[cs]e/i;

/** Assignment evidence, without sentences that only call a licence (non-)transferable. */
function assignmentEvidence(model: ContractModel, clauses: ClauseIndex): boolean {
  return clauses.hits('assignment').some((h) => {
    if (h.source === 'heading') return true;
    const s = model.paragraphs[h.paragraph]?.sentences.find((x) => x.range.start === h.range.start);
    return s !== undefined && !LICENCE_ONLY.test(s.text);
  });
}
