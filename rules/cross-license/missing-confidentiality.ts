import type { Rule } from '../../engine/lint/rule.js';
import { describeGrant, exchangesInformation, licenceGrants } from '../support/profile.js';
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
long the obligation lasts.

Reported where information changes hands: know-how, software, data or technology is licensed,
the parties collaborate or one serves the other, or one reports its sales to the other. An
assignment of filed patents, or a bare licence of patents or marks, passes no secrets and is not
reported.`,
  examples: {
    invalid: [
      {
        text: '## 2. Licence\n\n2.1 Licensor grants Licensee a non-exclusive licence to use the Licensed Software and Know-How.\n\n## 9. General\n\n9.1 Notices shall be sent to the addresses above.\n',
      },
    ],
    valid: [
      {
        text: '## 1. Assignment\n\n1.1 Inventor hereby assigns to Company all right, title and interest in the patent applications listed in Schedule A.\n',
        note: 'An assignment of filed patents passes no secrets.',
      },
      {
        text: "## 8. Confidentiality\n\n8.1 Each Party shall keep the other Party's confidential information confidential and use it only to perform this Agreement.\n",
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, profile, report }) {
    if (clauses.has('confidentiality')) return;
    // An assignment of filed patents or a bare trademark licence passes no secrets.
    if (!exchangesInformation(profile)) return;
    // Why it is needed: the grant of know-how, software or data, if there is one.
    const grant = licenceGrants(profile).find((g) =>
      g.subjects.some((s) => ['know-how', 'software', 'data', 'technology'].includes(s)),
    );
    report({
      messageId: 'missing',
      range: boilerplateAnchor(model),
      ...(grant
        ? {
            related: [
              {
                message: `${describeGrant(grant)} It passes information that needs protecting.`,
                range: grant.range,
              },
            ],
          }
        : {}),
      extra: { template: 'confidentiality' },
    });
  },
};
