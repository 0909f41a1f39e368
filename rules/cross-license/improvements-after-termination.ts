import type { Rule } from '../../engine/lint/rule.js';
import { allSentences, appliesToCrossLicense, clauseAnchor, labelledText } from './support.js';

const IMPROVEMENT = /\bimprovements?\b|\bgrant[- ]?backs?\b|\benhancements?\b/i;
const EXIT = /\bterminat|\bexpir|\bsurviv/i;
/** A regime for improvements: who owns them, or a licence or duty to disclose or offer them. */
const REGIME =
  /\b(?:own(?:s|ed|ership)?|title|vest|belong|licen[cs]\w*|grant\w*|assign\w*|disclose|offer|right of first)\b/i;

export const improvementsAfterTermination: Rule = {
  id: 'improvements-after-termination',
  description: 'The termination provisions are silent on improvements made during the term.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'The agreement deals with improvements, but its termination provisions do not say what happens to improvements made during the term (ownership, and whether licences to them survive).',
  },
  rationale: `Improvements made during a cross-license are often built on both parties' patents. When the
agreement ends, the question is whether each party may keep using the improvements licensed to it,
whether grant-back licences survive, and who owns joint improvements. Termination provisions that
say nothing leave products built on those improvements stranded, or freely copied.

Reported only where both exist: a right to terminate, and an improvements regime (ownership of
improvements, or a licence, assignment, disclosure or offer of them).`,
  examples: {
    invalid: [
      {
        text: '## 3. Improvements\n\n3.1 Each Party grants the other Party a non-exclusive licence under its improvements.\n\n## 7. Term and Termination\n\n7.1 Either Party may terminate this Agreement if the other Party materially breaches it and fails to cure the breach within sixty (60) days after written notice.\n',
      },
    ],
    valid: [
      {
        text: '## 3. Improvements\n\n3.1 Each Party grants the other Party a non-exclusive licence under its improvements.\n\n## 7. Term and Termination\n\n7.1 Either Party may terminate this Agreement if the other Party materially breaches it and fails to cure the breach within sixty (60) days after written notice.\n\n7.2 On termination, licences to improvements made during the term survive.\n',
      },
    ],
  },
  appliesTo: appliesToCrossLicense,
  check({ model, clauses, profile, report }) {
    if (!clauses.has('improvements')) return;
    // Nothing to carry past termination without a termination right, or without an improvements regime.
    if (!profile.ending.terminable) return;
    const regime = clauses.hits('improvements').some((h) => {
      if (h.source !== 'sentence') return false;
      const sentence = model.paragraphs[h.paragraph]?.sentences.find((s) => s.range.start === h.range.start);
      return sentence !== undefined && REGIME.test(sentence.text);
    });
    if (!regime) return;
    const exitText = labelledText(model, clauses, ['termination', 'termination-effects', 'survival']);
    if (IMPROVEMENT.test(exitText)) return;
    if (allSentences(model).some((s) => IMPROVEMENT.test(s.text) && EXIT.test(s.text))) return;
    report({
      messageId: 'missing',
      range: clauseAnchor(model, clauses, ['termination-effects', 'termination']),
      extra: { template: 'improvements-after-termination' },
    });
  },
};
