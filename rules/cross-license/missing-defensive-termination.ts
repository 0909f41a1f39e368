import type { Rule } from '../../engine/lint/rule.js';
import { describeGrant, patentGrant } from '../support/profile.js';
import { allSentences, appliesToLicense, clauseAnchor } from './support.js';

const ENDS = /\bterminat(?:e|es|ed|ion)\b|\brevok(?:e|es|ed)\b|\brevocation\b|\bsuspen(?:d|ds|ded|sion)\b/i;
/** The common forms: sues, brings or makes an infringement claim, challenges or contests validity. */
const SUES =
  /\b(?:sues?|sued|suing)\b[^.;]{0,100}\b(?:infring\w*|patents?)\b|\b(?:brings?|brought|institutes?|instituted|commences?|commenced|initiates?|initiated|files?|filed|makes?|made|asserts?|asserted|threatens?|participates? in)\b[^.;]{0,100}\b(?:actions?|suits?|claims?|proceedings?|litigation|challenges?|oppositions?|interferences?|re-?examinations?)\b|\b(?:challenges?|challenged|contests?|contested|opposes?|opposed|attacks?)\b[^.;]{0,100}\b(?:validity|enforceability|patentability|patents?)\b/i;
const ABOUT_PATENTS = /\bpatent|\binfring|\bvalidity\b|\binvalid/i;

export const missingDefensiveTermination: Rule = {
  id: 'missing-defensive-termination',
  description:
    'A terminable patent licence with no defensive termination: nothing lets the licensor end or suspend the licence of a licensee that sues it on patents or challenges them.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'Patents are licensed and the agreement can be terminated, but nothing ends or suspends the licence if the licensee sues on patents or challenges the licensed patents (looked for a termination, revocation or suspension tied to an infringement claim or a validity challenge): consider a defensive-termination clause.',
  },
  rationale: `A patent licence is a peace treaty. Defensive termination keeps it one: if the licensee (or its
affiliate) sues the licensor for infringement of patents outside the licence, or challenges the
validity of the licensed patents, the licensor may terminate or suspend the licence it granted.

Reported only where it can apply: patents are licensed, and the agreement has termination
machinery. A licence deliberately made irrevocable or not terminable, and a licence of
software, content or marks alone, are not reported. Any termination, revocation or suspension
tied to a suit, an infringement claim or a validity challenge counts as the clause, in whatever
words ("if Licensee makes any Infringement Claim … the licence terminates").`,
  examples: {
    invalid: [
      {
        text: '## 2. Licence\n\nAlpha grants Beta a non-exclusive licence under the Licensed Patents to make and sell Products worldwide.\n\n## 7. Term and Termination\n\n7.1 Either Party may terminate this Agreement if the other Party materially breaches it and fails to cure the breach within sixty (60) days after written notice.\n',
      },
    ],
    valid: [
      {
        text: '## 2. Licence\n\nAlpha grants Beta a non-exclusive licence under the Licensed Patents to make and sell Products worldwide.\n\n## 7. Term and Termination\n\n7.1 Either Party may terminate this Agreement if the other Party materially breaches it and fails to cure the breach within sixty (60) days after written notice. 7.2 If Beta or its Affiliate makes any claim that a product of Alpha infringes a patent, the licence granted to Beta terminates.\n',
      },
      {
        text: '## 2. Licence\n\nAlpha grants Beta a perpetual, irrevocable, non-exclusive licence under the Licensed Patents to make and sell Products worldwide.\n',
        note: 'Deliberately irrevocable: nothing to terminate.',
      },
      {
        text: '## 2. Licence\n\nAlpha grants Beta a non-exclusive licence to use the Software.\n\n## 7. Termination\n\nEither party may terminate this Agreement on ninety (90) days notice.\n',
        note: 'No patents licensed.',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, profile, report }) {
    const grant = patentGrant(profile);
    if (!grant) return;
    const { ending } = profile;
    if (!ending.terminable || ending.notTerminable) return;
    // A licence granted perpetual or irrevocable is meant to outlive disputes.
    if (grant.duration.irrevocable || grant.duration.perpetual) return;
    if (clauses.has('defensive-termination')) return;
    if (ending.rights.some((r) => r.grounds.includes('patent-challenge'))) return;
    if (allSentences(model).some((s) => ENDS.test(s.text) && SUES.test(s.text) && ABOUT_PATENTS.test(s.text)))
      return;
    report({
      messageId: 'missing',
      range: clauseAnchor(model, clauses, ['termination', 'term']),
      related: [{ message: describeGrant(grant), range: grant.range }],
      extra: { template: 'defensive-termination' },
    });
  },
};
