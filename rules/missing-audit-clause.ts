import type { Rule } from '../engine/lint/rule.js';
import { documentAnchor } from './support/anchors.js';

export const missingAuditClause: Rule = {
  id: 'missing-audit-clause',
  description:
    "No right to audit or inspect books and records: an error when royalties or a revenue share are computed on the payer's own figures, otherwise a note.",
  category: 'audit',
  defaultSeverity: 'error',
  fixable: 'template',
  messages: {
    missingWithRoyalty:
      'Money here is computed on the payer\'s own figures ("{evidence}") but nothing lets the payee audit the payer\'s books and records: add an audit clause (who may audit, how often, on what notice, who pays, how long records are kept).',
    missing:
      "No right to audit or inspect books and records was found. The payment terms found ({model}) do not rest on the other party's figures, so this is only a note: add an audit clause if any payment or compliance depends on the other party's reports.",
  },
  rationale: `Royalties and revenue shares are computed from the payer's own figures. Without a right to audit
the books and records behind them, the payee cannot check a report or recover an underpayment. A
complete audit clause says who may audit (often an independent accountant), how often, on what
notice, who bears the cost (usually the payee, shifting to the payer above an underpayment
threshold) and how long records must be kept.

The rule reads how money flows before it judges. Where royalties or a revenue share are computed on
the payer's sales, revenue or units, a missing audit right is an error. Where the licences are
royalty-free or fully paid, or the fees are fixed sums or milestones, the payee has nothing to
verify, and the absence is reported as information only.`,
  examples: {
    invalid: [
      {
        text: '## 4. Royalties\n\nLicensee shall pay Licensor a royalty of five percent (5%) of Net Sales each quarter.\n',
      },
    ],
    valid: [
      {
        text: '## 4. Fees\n\nLicensee shall pay Licensor a one-time licence fee of $50,000 within thirty (30) days of the Effective Date.\n',
        note: 'A fixed fee rests on nothing the payer reports: only an information note.',
        info: 1,
      },
      {
        text: "## 4. Royalties\n\nLicensee shall pay Licensor a royalty of five percent (5%) of Net Sales each quarter.\n\n## 5. Audit\n\nLicensor may, once per year on thirty (30) days' notice and at its own cost, audit Licensee's books and records, which Licensee shall keep for three (3) years.\n",
      },
    ],
  },
  check({ model, clauses, profile, report }) {
    if (clauses.has('audit')) return;
    const { money } = profile;
    const royalty = money.evidence.royalty;
    if (royalty) {
      report({
        messageId: 'missingWithRoyalty',
        data: { evidence: royalty.text.length > 120 ? `${royalty.text.slice(0, 117)}…` : royalty.text },
        range: royalty.range,
        related: [{ message: "The payment computed on the payer's figures.", range: royalty.range }],
        extra: { template: 'audit', royalty: true },
      });
      return;
    }
    report({
      messageId: 'missing',
      data: { model: money.model === 'none' ? 'none' : money.model },
      range: documentAnchor(model),
      // Nothing to verify: a gap worth a look, not a defect.
      severity: 'info',
      extra: { template: 'audit', royalty: false },
    });
  },
};
