import type { Rule } from '../../engine/lint/rule.js';
import { describeGrant, isConveyance, licenceGrants } from '../support/profile.js';
import { allSentences, appliesToLicense, clauseAnchor } from './support.js';

/** A payment model stated without a payment clause: royalty-free, paid-up, lump sum, none due. */
const PAYMENT_MODEL =
  /\broyalty(?:-\s?|\s)free\b|\bfully(?:-\s?|\s)paid(?:(?:-\s?|\s)up)?\b|\bpaid(?:-\s?|\s)up\b|\blump[- ]sum\b|\bmilestone payments?\b|\bbalancing payments?\b|\bfree of (?:charge|any (?:fee|royalt\w*|payment))\b|\bwithout (?:charge|payment|any (?:fee|payment|royalt\w*|consideration))\b|\bno (?:fees?|royalt(?:y|ies)|payments?|(?:further |other )?consideration)\b[^.;]{0,30}\b(?:payable|due|owed|owing|required)\b|\bin consideration (?:of|for) the (?:mutual |reciprocal )?(?:licen[cs]es?|grants?|covenants?|rights)\b/i;

export const missingPaymentTerms: Rule = {
  id: 'missing-payment-terms',
  description:
    'No payment model: neither royalty, lump sum, milestones, a balancing payment, nor a statement that the licences are royalty-free.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'The agreement grants licences but says nothing about money: state the payment model (royalty, lump sum, milestones, balancing payment) or that the licences are royalty-free.',
  },
  rationale: `Every licence has a price, even when it is zero. A cross-license between unequal portfolios is
usually balanced by a payment; one between equals is royalty-free. An agreement that says neither
leaves open whether royalties are owed at all — and an implied "reasonable royalty" is the last
thing either party wants to litigate. Say it: royalty-bearing (with rate, base and period), lump
sum, milestones, a balancing payment, or royalty-free and fully paid-up.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee a non-exclusive, royalty-free licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
      },
      {
        text: '## 2. License Grant\n\n2.1 Licensor grants Licensee a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n## 3. Payment\n\n3.1 Licensee shall pay Licensor a lump sum of ten thousand dollars ($10,000) within thirty (30) days after signature.\n',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, profile, report }) {
    if (licenceGrants(profile).length === 0 || isConveyance(profile)) return;
    if (profile.money.model !== 'none') return;
    // The price of a licence ancillary to a purchase or separation lives in that agreement.
    if (profile.master.subjectTo || (profile.kinds.includes('ip-transaction') && profile.master.name)) return;
    if (clauses.has('payment') || clauses.has('royalty')) return;
    if (allSentences(model).some((s) => PAYMENT_MODEL.test(s.text))) return;
    const grant = licenceGrants(profile)[0];
    report({
      messageId: 'missing',
      range: clauseAnchor(model, clauses, ['license-grant']),
      ...(grant ? { related: [{ message: describeGrant(grant), range: grant.range }] } : {}),
      extra: { template: 'payment-terms' },
    });
  },
};
