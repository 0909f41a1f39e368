import type { Rule } from '../engine/lint/rule.js';
import { sentenceTextIndex } from './support/sentences.js';

/** What a complete audit clause settles, with the words that show it is settled. */
const ELEMENTS: { name: string; pattern: RegExp }[] = [
  {
    name: 'how often',
    pattern:
      /\b(?:once|twice|no more (?:frequently|often) than|not more than|annual(?:ly)?|per (?:calendar |fiscal )?(?:year|quarter)|each (?:calendar |fiscal )?year|in any (?:calendar |fiscal )?year|(?:calendar |fiscal )?year(?:ly)?)\b/i,
  },
  { name: 'on what notice', pattern: /\bnotice\b|\bnotif(?:y|ied|ication)\b/i },
  { name: 'who pays', pattern: /\bcosts?\b|\bexpenses?\b|\bat (?:its|their) own\b|\bbear\b|\breimburse/i },
  {
    name: 'how long records are kept',
    pattern:
      /\b(?:retain|keep|maintain|preserve)\b[^.;]{0,120}\b(?:\d+|one|two|three|four|five|six|seven|ten)\b[^.;]{0,20}\byears?\b|\bfor (?:a period of )?(?:at least )?(?:\w+ )?\(?\d*\)?\s*years?\b/i,
  },
];

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
moment the audit is needed.`,
  examples: {
    invalid: [{ text: "## 5. Audit\n\nLicensor may audit Licensee's books and records.\n" }],
    valid: [
      {
        text: "## 5. Audit\n\nLicensee shall keep books and records for three (3) years. Licensor may audit them once per calendar year on thirty (30) days' notice, at its own cost.\n",
      },
    ],
  },
  check({ model, clauses, report }) {
    const audit = clauses.hits('audit');
    if (audit.length === 0) return;
    const textOf = sentenceTextIndex(model);
    // The mechanics are often spread over the audit and records sentences and the audit section.
    const evidence = [...audit, ...clauses.hits('records')].map((h) => textOf(h.range));
    for (const id of clauses.sectionsOf('audit')) {
      for (const p of model.paragraphs) if (p.sectionId === id) evidence.push(p.text);
    }
    const text = evidence.join('\n');
    const missing = ELEMENTS.filter((e) => !e.pattern.test(text)).map((e) => e.name);
    if (missing.length === 0) return;
    const first = audit.find((h) => h.source === 'sentence') ?? audit[0];
    if (!first) return;
    report({
      messageId: 'incomplete',
      data: { missing: joinList(missing) },
      range: first.range,
      extra: { missing },
    });
  },
};

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
