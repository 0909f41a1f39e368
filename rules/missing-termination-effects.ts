import type { Rule } from '../engine/lint/rule.js';
import { documentAnchor, sectionAnchor } from './support/anchors.js';

export const missingTerminationEffects: Rule = {
  id: 'missing-termination-effects',
  description:
    'A party may terminate, but nothing says what happens after it (wind-down, survival, licences, improvements).',
  category: 'termination',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'The agreement can be terminated ({how}) but has no stated effects of termination: no survival clause and no "upon termination" provision was found. Say which clauses survive, what happens to licences, sublicences and improvements, and whether there is a wind-down period.',
  },
  rationale: `When an agreement ends, the parties need to know what is left: accrued payment obligations,
confidentiality, licences to improvements made during the term, sublicences already granted, stock
that may be sold off during a wind-down period, and the return or destruction of confidential
information. Silence leaves each of these to be argued.

The rule fires only where a party has a right to terminate (or the agreement ends on an event); an
agreement that cannot be terminated has nothing to attach effects to.`,
  examples: {
    invalid: [
      {
        text: '## 9. Termination\n\nEither party may terminate this Agreement if the other party materially breaches it and fails to cure the breach within thirty (30) days after notice.\n',
      },
    ],
    valid: [
      {
        text: '## 9. Termination\n\nEither party may terminate this Agreement if the other party materially breaches it and fails to cure the breach within thirty (30) days after notice. Sections 5 and 7 survive termination.\n',
      },
      {
        text: '## 9. Duration\n\nThis Agreement shall not be terminable for any reason.\n',
        note: 'No right to terminate: nothing to attach effects to.',
      },
    ],
  },
  check({ model, clauses, profile, report }) {
    if (!profile.ending.terminable) return;
    if (clauses.has('termination-effects') || clauses.has('survival')) return;
    const first = profile.ending.rights[0];
    const anchor =
      sectionAnchor(model, clauses.sectionsOf('termination')[0]) ??
      first?.evidence.range ??
      documentAnchor(model);
    const grounds = first?.grounds.filter((g) => g !== 'other') ?? [];
    report({
      messageId: 'missing',
      data: { how: grounds.length ? `for ${grounds.join(', ')}` : 'a termination right exists' },
      range: anchor,
      ...(first ? { related: [{ message: 'The termination right.', range: first.evidence.range }] } : {}),
      extra: { template: 'termination-effects' },
    });
  },
};
