import type { Rule } from '../engine/lint/rule.js';
import { documentAnchor } from './support/anchors.js';

export const missingTerminationClause: Rule = {
  id: 'missing-termination-clause',
  description: 'No provision says how the agreement ends: no term or expiry, and no right to terminate.',
  category: 'termination',
  defaultSeverity: 'error',
  fixable: 'template',
  messages: {
    missing:
      'Nothing says how this agreement ends: add a term (when it expires) and termination rights (for breach with a cure period, for insolvency).',
  },
  rationale: `An agreement that never says when or how it ends invites a dispute about whether it can end at
all. State the term (a fixed period, until the last licensed patent expires, or until terminated)
and who may terminate it and why (material breach after a cure period, insolvency, convenience
on notice). The editor offers a termination clause template.`,
  examples: {
    invalid: [
      {
        text: '# Licence\n\n## 1. Grant\n\nLicensor grants Licensee a non-exclusive licence to use the Software.\n\n## 2. Fees\n\nLicensee shall pay the fees in Schedule A.\n',
      },
    ],
    valid: [
      {
        text: '# Licence\n\n## 1. Grant\n\nLicensor grants Licensee a licence to use the Software.\n\n## 2. Term\n\nThis Agreement continues for three (3) years from the Effective Date.\n',
      },
      {
        text: "# Licence\n\nEither party may terminate this Agreement on ninety (90) days' written notice.\n",
      },
    ],
  },
  check({ model, clauses, report }) {
    if (clauses.has('termination') || clauses.has('term')) return;
    report({ messageId: 'missing', range: documentAnchor(model), extra: { template: 'termination' } });
  },
};
