import type { Rule } from '../../engine/lint/rule.js';
import { appliesToLicense, boilerplateAnchor } from './support.js';

export const missingConfidentiality: Rule = {
  id: 'missing-confidentiality',
  description: 'No confidentiality or non-disclosure obligation.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'Nothing obliges the parties to keep information confidential: add a confidentiality clause (what is confidential, permitted use and disclosure, duration).',
  },
  rationale: `Licensing exchanges more than patents: unpublished applications, know-how, sales figures in
royalty reports, the terms of the deal itself. Without a confidentiality clause none of it is
protected once disclosed. Say what is confidential, how it may be used and disclosed, and for how
long the obligation lasts.`,
  examples: {
    invalid: [{ text: '## 9. General\n\n9.1 Notices shall be sent to the addresses above.\n' }],
    valid: [
      {
        text: "## 8. Confidentiality\n\n8.1 Each Party shall keep the other Party's confidential information confidential and use it only to perform this Agreement.\n",
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, report }) {
    if (clauses.has('confidentiality')) return;
    report({
      messageId: 'missing',
      range: boilerplateAnchor(model),
      extra: { template: 'confidentiality' },
    });
  },
};
