import type { Rule } from '../../engine/lint/rule.js';
import { describeGrant, exclusivePatentGrant } from '../support/profile.js';
import { appliesToLicense, clauseAnchor, labelledText } from './support.js';

const COSTS =
  /\bcosts?\b|\bexpenses?\b|\bfees\b|\bpay\b|\bbear\b|\bat (?:its|their) (?:own|sole) (?:cost|expense|discretion)\b/i;
const ABANDONMENT =
  /\babandon|\blapse|\bcontinuations?\b|\bdivisionals?\b|\bcease (?:to )?(?:prosecut|maint|pay)|\bnot to (?:file|prosecute|maintain)|\bdecides? (?:not )?to (?:file|prosecute|maintain)/i;

export const missingProsecutionAllocation: Rule = {
  id: 'missing-prosecution-allocation',
  description:
    'No word on who prosecutes and maintains the licensed patents, who pays, and who decides on continuations and abandonment.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'Nothing says who prosecutes and maintains the licensed patents or who pays for it: add a prosecution and maintenance clause.',
    incomplete: 'The prosecution clause says nothing about {missing}: say who decides and who pays.',
  },
  rationale: `A licence is worth what the licensed patents are worth, and they are worth nothing once abandoned.
The agreement should say who files, prosecutes and maintains each party's licensed patents, who
pays the costs, who controls continuations and claim amendments, and what happens when the owner
wants to let a patent lapse (typically: notice, and the other party may take it over).

Reported for exclusive (or partially exclusive) patent licences, where the licensee depends on
the licensor keeping the patents alive; in a non-exclusive licence each owner looks after its own
patents and silence is normal practice. Gaps in a prosecution clause that exists (who pays,
continuations, abandonment) are information for the reviewer.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee an exclusive, royalty-bearing licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
      },
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee an exclusive, royalty-bearing licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n## 6. Prosecution\n\n6.1 Each Party controls the prosecution and maintenance of its patents at its own cost.\n',
        note: 'Silent on continuations and abandonment.',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee a non-exclusive, royalty-free licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
        note: 'A non-exclusive licensee does not depend on who keeps or enforces the patents: silence is normal practice.',
      },
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee an exclusive licence to use the Licensed Marks on Products in the Territory.\n',
        note: 'A trademark licence: no patents to prosecute.',
      },
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee an exclusive, royalty-bearing licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n## 6. Prosecution\n\n6.1 Each Party controls, at its own cost, the prosecution and maintenance of its patents, including continuations and any decision to abandon.\n',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, profile, report }) {
    // Only an exclusive patent licensee depends on the licensor keeping and enforcing the patents.
    const exclusive = exclusivePatentGrant(profile);
    if (!exclusive) return;
    const grantInfo = [{ message: describeGrant(exclusive), range: exclusive.range }];
    if (!clauses.has('prosecution')) {
      report({
        messageId: 'missing',
        range: clauseAnchor(model, clauses, ['enforcement', 'license-grant']),
        related: grantInfo,
        extra: { template: 'prosecution' },
      });
      return;
    }
    const text = labelledText(model, clauses, ['prosecution']);
    const missing: string[] = [];
    if (!COSTS.test(text)) missing.push('who pays');
    if (!ABANDONMENT.test(text)) missing.push('continuations or abandonment');
    if (missing.length === 0) return;
    report({
      messageId: 'incomplete',
      // The clause exists: what it leaves out is for a reviewer to weigh.
      severity: 'info',
      data: { missing: missing.join(' or ') },
      range: clauseAnchor(model, clauses, ['prosecution']),
      extra: { template: 'prosecution', missing },
    });
  },
};
