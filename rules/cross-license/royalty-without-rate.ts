import { sentenceWords } from '../../engine/classify/clauses.js';
import { isOwnRoyaltySentence } from '../../engine/classify/profile.js';
import { spacesToOne } from '../../engine/classify/sentence-text.js';
import { SENTENCE_WORD } from '../../engine/classify/sentence-words.js';
import type { Rule } from '../../engine/lint/rule.js';
import { sentences } from '../support/sentences.js';
import { appliesToLicense, labelledText } from './support.js';

const NOT_PAYABLE =
  /^\s*(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:in the event|if|should|unless)\b|\bto be (?:mutually )?agreed\b|\bno royalt|\broyalty(?:-\s?|\s)free\b|\bwithout (?:any )?royalt|\bfree of (?:any )?royalt|\broyalties? (?:paid|payable) (?:to|by) (?:any )?third part/i;
/** A royalty or revenue share whose figures are in a schedule ("stated in Exhibit B"). */
const SHARE_IN_SCHEDULE =
  /\b(?:royalt(?:y|ies)|revenue[- ]shar\w*|share of (?:the )?(?:net |gross )?revenues?)\b[^.;]{0,120}\b(?:stated|set (?:forth|out)|specified|described|provided|listed)\s+(?:in|on|at)\s+(?:the\s+)?(?:Schedule|Exhibit|Annex|Appendix)\b/i;
const RATE =
  /\d+(?:\.\d+)?\s?%|\bper ?cent(?:age)?\b|\bpercent(?:age)?\b|[$€£¥]\s?\d|\b(?:USD|EUR|GBP|CHF|JPY|US\$)\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|cents|pounds|yen)\b|\[\*+\]|\*\*\*/i;
const BASE =
  /\bnet (?:sales|revenues?|receipts|selling price|income|proceeds)\b|\bgross (?:sales|revenues?|receipts|amounts?|selling price|income)\b|\bsales (?:price|revenues?)\b|\b(?:invoiced|selling|sale|list|wholesale|purchase) prices?\b|\bamounts? (?:invoiced|received|collected)\b|\bper (?:unit|item|copy|licensed product|product|device|system|chip|licen[cs]e)\b|\beach (?:unit|item|copy|licensed product|product|device|system) (?:sold|made|manufactured|distributed|shipped)\b|\brevenues?\b|\bsales\b|\breceipts\b|\bunits? sold\b/i;
const PERIOD =
  /\bquarter|\bmonth|\bannual|\bsemi-?annual|\byear|\bweek|\bwithin [\w-]+ (?:\(\d+\) )?(?:business |calendar )?days\b|\bdays (?:after|following|of|from)\b|\b(?:payment|reporting|royalty|accounting) periods?\b/i;

export const royaltyWithoutRate: Rule = {
  id: 'royalty-without-rate',
  description:
    'A royalty is mentioned without a rate, a base (such as Net Sales) or a payment period, directly or in a schedule that exists.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    incomplete:
      'A royalty is payable but the agreement gives no {missing}: state it here or in a schedule that exists.',
    missingSchedule:
      'The royalty or revenue share is "stated in" {schedule}, which is not attached: attach it, or state the rate, base and payment period here.',
  },
  rationale: `"A royalty on sales of Licensed Products" is an agreement to agree. To be collectable a royalty
needs a rate (a percentage or an amount per unit), a base it applies to (Net Sales, itself
defined, or units sold) and a period with a payment deadline. A schedule may carry the figures,
but then the schedule must be attached: a royalty pointing at a missing schedule has no rate.`,
  examples: {
    invalid: [
      {
        text: '## 3. Royalties\n\n3.1 Licensee shall pay Licensor a royalty on Licensed Products.\n',
      },
    ],
    valid: [
      {
        text: '## 3. Royalties\n\n3.1 Licensee shall pay Licensor a royalty of three percent (3%) of Net Sales within forty-five (45) days after the end of each calendar quarter.\n',
      },
      {
        text: '## 3. Royalties\n\n3.1 Licensee shall pay Licensor the royalties set out in Schedule B.\n\n## Schedule B — Royalties\n\nThree percent (3%) of Net Sales, payable within forty-five (45) days after the end of each calendar quarter.\n',
        note: 'The figures are in a schedule that exists.',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, report }) {
    const hits = clauses.hits('royalty').filter((h) => h.source === 'sentence');
    const payable = hits.filter((h) => {
      const p = model.paragraphs[h.paragraph];
      const s = p?.sentences.find((x) => x.range.start === h.range.start);
      return s !== undefined && !NOT_PAYABLE.test(s.text) && isOwnRoyaltySentence(spacesToOne(s.text));
    });
    // "The revenue share for the Program is stated in Exhibit B" — and Exhibit B is not attached,
    // and no rate is given anywhere else (a rate in the text makes it a broken reference only).
    const words = sentenceWords(model);
    let index = -1;
    for (const s of sentences(model)) {
      index++;
      // The clause scan found which sentences have "royalt" or "share", one of which SHARE_IN_SCHEDULE needs.
      if (((words[index] as number) & SENTENCE_WORD.royalty) === 0 || !SHARE_IN_SCHEDULE.test(s.text))
        continue;
      if (RATE.test(labelledText(model, clauses, ['royalty', 'payment']))) break;
      const missingRef = model.crossReferences.find(
        (r) =>
          !r.resolved &&
          ['schedule', 'exhibit', 'annex', 'appendix'].includes(r.kind) &&
          r.range.start >= s.range.start &&
          r.range.end <= s.range.end,
      );
      if (!missingRef) continue;
      report({
        messageId: 'missingSchedule',
        data: {
          schedule: `${missingRef.kind.charAt(0).toUpperCase()}${missingRef.kind.slice(1)} ${missingRef.label}`,
        },
        range: s.range,
        extra: { template: 'royalty-terms' },
      });
      return;
    }
    const first = payable[0];
    if (!first) return;
    // A royalty schedule that exists carries the figures.
    const inSchedule = model.crossReferences.some(
      (r) =>
        r.resolved &&
        ['schedule', 'exhibit', 'annex', 'appendix'].includes(r.kind) &&
        payable.some((h) => r.range.start >= h.range.start && r.range.end <= h.range.end + 40),
    );
    if (inSchedule) return;
    const royaltyText = labelledText(model, clauses, ['royalty']);
    const moneyText = `${royaltyText}\n${labelledText(model, clauses, ['payment', 'reports'])}`;
    const missing: string[] = [];
    if (!RATE.test(royaltyText)) missing.push('rate');
    if (!BASE.test(royaltyText)) missing.push('base');
    if (!PERIOD.test(moneyText)) missing.push('payment period');
    if (missing.length === 0) return;
    const list =
      missing.length === 1
        ? (missing[0] as string)
        : `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`;
    report({
      messageId: 'incomplete',
      data: { missing: list },
      range: first.range,
      extra: { template: 'royalty-terms', missing },
    });
  },
};
