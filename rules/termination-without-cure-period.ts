import type { Rule } from '../engine/lint/rule.js';
import { sentenceTextIndex } from './support/sentences.js';

const FOR_BREACH = /\bbreach(?:es|ed)?\b|\bdefault(?:s|ed)?\b|\bfails? to (?:perform|comply)\b/i;
const CURE = /\bcur(?:e|ed|es|ing)\b|\bremed(?:y|ied|ies)\b/i;

export const terminationWithoutCurePeriod: Rule = {
  id: 'termination-without-cure-period',
  description: 'A right to terminate for breach with no period to cure the breach first.',
  category: 'termination',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    noCure:
      'Termination for breach has no cure period: give the breaching party notice and a period (e.g. thirty (30) days) to cure before termination takes effect.',
  },
  rationale: `Termination for any breach, with no chance to cure, lets a party walk away over a trivial or
fixable default. The usual drafting gives written notice of the breach and a period (often 30 days,
10 for non-payment) to cure it; only an uncured material breach ends the agreement.`,
  examples: {
    invalid: [
      {
        text: '## 9. Termination\n\nEither party may terminate this Agreement immediately if the other party breaches it.\n',
      },
    ],
    valid: [
      {
        text: '## 9. Termination\n\nEither party may terminate this Agreement if the other party materially breaches it and fails to cure the breach within thirty (30) days after written notice.\n',
      },
      {
        text: '## 9. Term\n\nThis Agreement continues for two (2) years.\n',
        note: 'No termination for breach at all: nothing to cure.',
      },
    ],
  },
  check({ model, clauses, report }) {
    const textOf = sentenceTextIndex(model);
    const termination = clauses.hits('termination');
    const forBreach = termination.filter(
      (hit) => hit.source === 'sentence' && FOR_BREACH.test(textOf(hit.range)),
    );
    if (forBreach.length === 0) return;
    if (clauses.has('cure-period')) return;
    if (termination.some((hit) => CURE.test(textOf(hit.range)))) return;
    const first = forBreach[0];
    if (!first) return;
    report({ messageId: 'noCure', range: first.range, extra: { template: 'termination' } });
  },
};
