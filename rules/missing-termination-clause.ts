import type { Rule } from '../engine/lint/rule.js';
import { documentAnchor } from './support/anchors.js';

const SETTLED: Partial<Record<string, string>> = {
  'not-terminable': 'the agreement or its licences are stated not to be terminable',
  perpetual: 'the licences are granted perpetual and irrevocable',
  'patent-life': 'it runs until the last licensed patent expires',
  'fixed-term': 'it runs for a fixed term',
  completed: 'it is a one-off conveyance with nothing continuing between the parties',
  terminable: 'a party may terminate it',
};

export const missingTerminationClause: Rule = {
  id: 'missing-termination-clause',
  description:
    'No provision says how the agreement ends: no term or expiry, no right to terminate, and no perpetual, irrevocable or non-terminable grant.',
  category: 'termination',
  defaultSeverity: 'error',
  fixable: 'template',
  messages: {
    missing:
      'Nothing says how this agreement ends: no term or expiry date, no right to terminate, and no grant stated to be perpetual and irrevocable or not terminable. Add a term and termination rights (for breach with a cure period, for insolvency).',
    settled:
      'No term or termination clause, but the duration is settled: {how}. Nothing to add unless a party should be able to end the agreement.',
  },
  rationale: `An agreement that never says when or how it ends invites a dispute about whether it can end at
all. State the term (a fixed period, until the last licensed patent expires, or until terminated)
and who may terminate it and why (material breach after a cure period, insolvency, convenience
on notice). The editor offers a termination clause template.

The rule reads the agreement's profile first and stays quiet when the duration is settled another
way: licences granted "perpetual and irrevocable", a statement that the agreement or the licences
"shall not be terminable", a term that runs to the expiry of the last licensed patent, or a one-off
conveyance (an assignment that leaves nothing continuing between the parties). Then the finding
is information only, and names what settles the duration.`,
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
      {
        text: '# Licence\n\nThis Agreement is made between Alpha Ltd. ("Alpha") and Beta Inc. ("Beta").\n\n## 1. Licence\n\nAlpha hereby grants Beta a perpetual, irrevocable, non-exclusive, royalty-free licence under the Licensed Patents to make and sell Products worldwide.\n',
        note: 'A perpetual, irrevocable grant settles how long the licence lasts: an information note, not a defect.',
        info: 1,
      },
      {
        text: '# Cross-Licence\n\nEach Party hereby grants the other Party a non-exclusive licence under its Patents to make and sell Products worldwide. The licences granted in this Agreement shall not be terminable or revocable for any reason.\n',
        note: 'Expressly not terminable: an information note.',
        info: 1,
      },
    ],
  },
  check({ model, clauses, profile, report }) {
    if (clauses.has('termination') || clauses.has('term')) return;
    const { ending } = profile;
    if (ending.kind === 'unstated') {
      report({ messageId: 'missing', range: documentAnchor(model), extra: { template: 'termination' } });
      return;
    }
    // Settled another way: a note, so a reviewer sees what was found instead of a clause.
    const how = SETTLED[ending.kind] ?? 'the agreement says how long it lasts';
    const where = ending.evidence[0];
    report({
      messageId: 'settled',
      data: { how },
      range: where?.range ?? documentAnchor(model),
      severity: 'info',
    });
  },
};
