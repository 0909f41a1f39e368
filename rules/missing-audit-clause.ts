import type { Rule } from '../engine/lint/rule.js';
import { documentAnchor, sectionAnchor } from './support/anchors.js';

export const missingAuditClause: Rule = {
  id: 'missing-audit-clause',
  description:
    'No right to audit or inspect books and records (an error when money flows by royalty or revenue share).',
  category: 'audit',
  defaultSeverity: 'error',
  fixable: 'template',
  messages: {
    missingWithRoyalty:
      "Royalties are payable but nothing lets the payee audit the payer's books and records: add an audit clause (who may audit, how often, on what notice, who pays, how long records are kept).",
    missing:
      "No right to audit or inspect books and records: if any payment or compliance depends on the other party's figures, add an audit clause.",
  },
  rationale: `Royalties and revenue shares are computed from the payer's own figures. Without a right to audit
the books and records behind them, the payee cannot check a report or recover an underpayment. A
complete audit clause says who may audit (often an independent accountant), how often, on what
notice, who bears the cost (usually the payee, shifting to the payer above an underpayment
threshold) and how long records must be kept. Reported as an error when money flows by royalty or
revenue share, as a warning otherwise.`,
  examples: {
    invalid: [
      {
        text: '## 4. Royalties\n\nLicensee shall pay Licensor a royalty of five percent (5%) of Net Sales each quarter.\n',
      },
    ],
    valid: [
      {
        text: "## 4. Royalties\n\nLicensee shall pay Licensor a royalty of five percent (5%) of Net Sales each quarter.\n\n## 5. Audit\n\nLicensor may, once per year on thirty (30) days' notice and at its own cost, audit Licensee's books and records, which Licensee shall keep for three (3) years.\n",
      },
    ],
  },
  check({ model, clauses, severity, report }) {
    if (clauses.has('audit')) return;
    const royalty = clauses.has('royalty');
    const anchor =
      (royalty
        ? (sectionAnchor(model, clauses.sectionsOf('royalty')[0]) ?? clauses.hits('royalty')[0]?.range)
        : undefined) ?? documentAnchor(model);
    report({
      messageId: royalty ? 'missingWithRoyalty' : 'missing',
      range: anchor,
      // Without money flowing by royalty, a missing audit right is a gap, not a defect.
      ...(royalty || severity !== 'error' ? {} : { severity: 'warning' as const }),
      extra: { template: 'audit', royalty },
    });
  },
};
