import type { Rule } from '../../engine/lint/rule.js';
import { allSentences, appliesToCrossLicense, clauseAnchor } from './support.js';

const ENDS = /\bterminat(?:e|es|ed|ion)\b|\brevok(?:e|es|ed)\b|\brevocation\b|\bsuspen(?:d|ds|ded|sion)\b/i;
const SUES =
  /\b(?:sues?|sued|suing|brings?|brought|institutes?|instituted|commences?|commenced|initiates?|initiated|files?|filed|asserts?|asserted|threatens?|challenges?|challenged|contests?)\b[^.;]{0,160}\b(?:infring|patents?\b|validity|invalid|enforceability)/i;

export const missingDefensiveTermination: Rule = {
  id: 'missing-defensive-termination',
  description:
    'No defensive termination: nothing lets a party end or suspend the licence of a party that sues it on patents.',
  category: 'cross-license',
  defaultSeverity: 'info',
  fixable: 'template',
  messages: {
    missing:
      'Nothing lets a party terminate or suspend the licence it granted if the other party sues it for patent infringement or challenges its patents: consider a defensive-termination clause.',
  },
  rationale: `A cross-license is a peace treaty. Defensive termination keeps it one: if a party (or its
affiliate) sues the other for infringement of patents outside the licence, or challenges the
validity of the licensed patents, the other party may terminate or suspend the licence it granted.
Often deliberate to omit, hence informational.`,
  examples: {
    invalid: [
      {
        text: '## 7. Term and Termination\n\n7.1 Either Party may terminate this Agreement if the other Party materially breaches it and fails to cure the breach within sixty (60) days after written notice.\n',
      },
    ],
    valid: [
      {
        text: '## 7. Term and Termination\n\n7.1 If a Party sues the other Party for infringement of a patent, the other Party may terminate the licence it granted to the suing Party.\n',
      },
    ],
  },
  appliesTo: appliesToCrossLicense,
  check({ model, clauses, report }) {
    if (clauses.has('defensive-termination')) return;
    if (allSentences(model).some((s) => ENDS.test(s.text) && SUES.test(s.text))) return;
    report({
      messageId: 'missing',
      range: clauseAnchor(model, clauses, ['termination', 'term']),
      extra: { template: 'defensive-termination' },
    });
  },
};
