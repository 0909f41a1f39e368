import { spacesToOne } from '../engine/classify/sentence-text.js';
import type { Rule } from '../engine/lint/rule.js';

/** What a complete audit clause settles, with the words that show it is settled. */
const ELEMENTS: { name: string; pattern: RegExp }[] = [
  {
    name: 'how often',
    pattern:
      /\b(?:once|twice|no more (?:frequently|often) than|not more than|more than (?:once|one)|annual(?:ly)?|per (?:calendar |fiscal )?(?:year|quarter)|each (?:calendar |fiscal )?year|in any (?:calendar |fiscal )?year|(?:calendar |fiscal )?year(?:ly)?)\b/i,
  },
  {
    name: 'on what notice',
    pattern: /\bnotice\b|\bnotif(?:y|ied|ication)\b|\bbusiness hours\b|\bupon (?:\w+ )?request\b/i,
  },
  { name: 'who pays', pattern: /\bcosts?\b|\bexpenses?\b|\bat (?:its|their) own\b|\bbear\b|\breimburse/i },
  {
    name: 'how long records are kept',
    pattern:
      /\b(?:retain|keep|maintain|preserve)\b[^.;]{0,120}(?:\b(?:\d+|one|two|three|four|five|six|seven|ten)\b|\[[^\]]{0,12}\])[^.;]{0,20}\byears?\b|\bfor (?:a period of )?(?:at least )?(?:\w+ )?\(?(?:\d*|\[[^\]]{0,12}\])\)?\s*years?\b|\buntil\b[^.;]{0,60}\byears?\b[^.;]{0,20}\b(?:after|following)\b/i,
  },
];

/** An audit of the books behind payments (not a quality inspection of a plant or a centre). */
const MONEY_AUDIT = {
  test: (text: string) =>
    /\b(?:books|records|accounts)\b/i.test(text) &&
    /\b(?:payments?|fees|royalt\w+|amounts? (?:due|paid|payable|owed)|sales|revenues?|underpay\w*|trades|invoic\w+)\b/i.test(
      text,
    ),
};

export const incompleteAuditClause: Rule = {
  id: 'incomplete-audit-clause',
  description:
    'An audit right that does not say how often, on what notice, who pays, or how long records are kept.',
  category: 'audit',
  defaultSeverity: 'warning',
  messages: {
    incomplete:
      'The audit clause does not say {missing}: settle it, or the first audit becomes a negotiation.',
  },
  rationale: `An audit right is only as useful as its mechanics. A clause that grants "the right to audit" but
does not say how often, on what notice, who bears the cost (and when it shifts to the audited
party) or how long books and records must be kept leaves each of those to be fought over at the
moment the audit is needed.

The mechanics are read from the audit and records paragraphs, the paragraph after each, and the
audit section. A gap is a warning where the audit checks payments (royalties, a revenue share, fees
computed on the payer's own records), and information otherwise (a quality or compliance
inspection).`,
  examples: {
    invalid: [{ text: "## 5. Audit\n\nLicensor may audit Licensee's books and records.\n" }],
    valid: [
      {
        text: "## 5. Audit\n\nLicensee shall keep books and records for three (3) years. Licensor may audit them once per calendar year on thirty (30) days' notice, at its own cost.\n",
      },
    ],
  },
  check({ model, clauses, profile, report }) {
    const audit = clauses.hits('audit');
    if (audit.length === 0) return;
    // The mechanics are often spread over the audit and records paragraphs and the audit section.
    const paragraphs = new Set<number>();
    for (const h of [...audit, ...clauses.hits('records')]) {
      paragraphs.add(h.paragraph);
      paragraphs.add(h.paragraph + 1);
    }
    const sections = new Set(clauses.sectionsOf('audit'));
    const evidence: string[] = [];
    model.paragraphs.forEach((p, i) => {
      if (paragraphs.has(i) || (p.sectionId !== undefined && sections.has(p.sectionId)))
        evidence.push(p.text);
    });
    const text = spacesToOne(evidence.join('\n'));
    const missing = ELEMENTS.filter((e) => !e.pattern.test(text)).map((e) => e.name);
    if (missing.length === 0) return;
    const first = audit.find((h) => h.source === 'sentence') ?? audit[0];
    if (!first) return;
    report({
      messageId: 'incomplete',
      data: { missing: joinList(missing) },
      range: first.range,
      // Mechanics matter most where the audit checks money computed on the payer's figures.
      ...(profile.money.royaltyOnPayerFigures || MONEY_AUDIT.test(text) ? {} : { severity: 'info' as const }),
      extra: { missing },
    });
  },
};

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
