import type { Rule } from '../../engine/lint/rule.js';
import { describeGrant, exclusivePatentGrant } from '../support/profile.js';
import { allSentences, appliesToLicense, clauseAnchor, labelledText } from './support.js';

/** "Each Party may sue infringers": the classifier's enforcement pattern wants "bring an action". */
const SUE = /\bsue[sd]?\b[^.;]{0,80}\binfring|\binfring\w*[^.;]{0,80}\bsue\b/i;
const WHO = /\bsue\b|\bactions?\b|\bsuits?\b|\bproceedings?\b|\benforce|\blitigat/i;
const COOPERATION =
  /\bcooperat|\bco-operat|\bassist|\bjoin(?:der| as a party|s? (?:in|the))\b|\bjoin\b|\bnecessary party\b/i;
const RECOVERIES =
  /\brecover(?:y|ies|ed)?\b|\bdamages\b|\bawards?\b|\bproceeds\b|\bsettlements?\b|\bcompensation\b|\bamounts? (?:recovered|received|obtained)\b/i;

export const missingEnforcementProvisions: Rule = {
  id: 'missing-enforcement-provisions',
  description:
    'No word on who may sue infringers of the licensed patents, on cooperation, or on sharing recoveries.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'Nothing says who may sue infringers of the licensed patents: add an enforcement clause (who sues, cooperation, sharing of recoveries).',
    incomplete: 'The enforcement clause says nothing about {missing}.',
  },
  rationale: `When a third party infringes a licensed patent, both the owner and the licensee lose. The
agreement should say who has the first right to sue (and whether the other may step in), whether
the other party must cooperate or join the action, who pays its costs and how any recovery is
shared. Without it, a licensee may find the infringer is a competitor it cannot stop, and an owner
may find a licensee settling on its patent.

Reported for exclusive (or partially exclusive) patent licences, where the licensee's market
depends on infringers being stopped; a non-exclusive licensee has no say in enforcement and
silence is normal practice. Gaps in an enforcement clause that exists are information.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee an exclusive, royalty-bearing licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
      },
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee an exclusive, royalty-bearing licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n## 6. Enforcement\n\n6.1 Each Party may sue infringers of its patents, and the other Party shall cooperate at the suing Party\u2019s expense.\n',
        note: 'Silent on recoveries.',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee a non-exclusive, royalty-free licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
        note: 'A non-exclusive licensee does not depend on who keeps or enforces the patents: silence is normal practice.',
      },
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee an exclusive, royalty-bearing licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n## 6. Enforcement\n\n6.1 Each Party has the first right to sue infringers of its patents. The other Party shall cooperate at the suing Party\u2019s expense, and recoveries are shared equally after costs.\n',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, profile, report }) {
    // Only an exclusive patent licensee depends on the licensor keeping and enforcing the patents.
    const exclusive = exclusivePatentGrant(profile);
    if (!exclusive) return;
    const grantInfo = [{ message: describeGrant(exclusive), range: exclusive.range }];
    const sue = allSentences(model).filter((s) => SUE.test(s.text));
    if (!clauses.has('enforcement') && sue.length === 0) {
      report({
        messageId: 'missing',
        range: clauseAnchor(model, clauses, ['prosecution', 'license-grant']),
        related: grantInfo,
        extra: { template: 'enforcement' },
      });
      return;
    }
    const text = `${labelledText(model, clauses, ['enforcement'])}\n${sue.map((s) => s.text).join('\n')}`;
    const missing: string[] = [];
    if (!WHO.test(text)) missing.push('who may sue');
    if (!COOPERATION.test(text)) missing.push('cooperation');
    if (!RECOVERIES.test(text)) missing.push('how recoveries are shared');
    if (missing.length === 0) return;
    const anchor = clauses.has('enforcement')
      ? clauseAnchor(model, clauses, ['enforcement'])
      : (sue[0]?.range ?? clauseAnchor(model, clauses, ['enforcement']));
    report({
      messageId: 'incomplete',
      // The clause exists: what it leaves out is for a reviewer to weigh.
      severity: 'info',
      data: { missing: missing.join(' or ') },
      range: anchor,
      extra: { template: 'enforcement', missing },
    });
  },
};
