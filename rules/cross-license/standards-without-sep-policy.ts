import type { Rule } from '../../engine/lint/rule.js';
import { allSentences, appliesToCrossLicense } from './support.js';

const STANDARDS =
  /\bstandards?[- ](?:essential|setting|development|developing|body|bodies|organi[sz]ations?)\b|\bFRAND\b|\bRAND\b|\bSEPs?\b|\bessential (?:patents?|claims?) (?:to|for) (?:a |an |the |any )?(?:\w+ )?standards?\b|\bindustry standards?\b/;
/** A licensing commitment for standards: FRAND terms, a declaration or the SSO's IPR policy. */
const POLICY =
  /\b(?:FRAND|RAND)\b[^.;]{0,120}\b(?:terms?|licen[cs]|commit|declar|offer|undertak|rates?|royalt)|\b(?:licen[cs]|terms?|commit|declar|offer|undertak)\w*\b[^.;]{0,120}\b(?:FRAND|RAND|fair,? reasonable,? and non-?discriminatory)\b|\bfair,? reasonable,? and non-?discriminatory\b|\b(?:IPR|patent|licensing) polic(?:y|ies)\b|\blicensing (?:declarations?|commitments?|undertakings?)\b/i;

/**
 * A word every match of each pattern has: a few plain words are found much faster than the
 * patterns themselves, and most sentences have none.
 */
const STANDARD_WORDS = /standard|RAND|SEP/;
const POLICY_WORDS = /rand|discriminatory|polic|licensing/i;

export const standardsWithoutSepPolicy: Rule = {
  id: 'standards-without-sep-policy',
  description:
    'Standards, standard-essential patents (SEPs) or FRAND are mentioned, but nothing says how licensing for standardisation works.',
  category: 'cross-license',
  defaultSeverity: 'info',
  fixable: 'template',
  messages: {
    missing:
      'Standards are mentioned here, but the agreement has no licensing policy for standard-essential patents: say how licences for standardisation are granted (e.g. on FRAND terms, consistent with declarations made to the standard-setting organisation).',
  },
  rationale: `Patents essential to a standard usually carry a licensing declaration to the standard-setting
organisation (often on fair, reasonable and non-discriminatory terms). A cross-license that touches
standards should say how its licences sit with those declarations — which patents are essential,
whether the licence follows the FRAND commitment, and how licensing during standardisation works —
or one party may find its commitment to the SSO contradicted by the agreement.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\n2.1 The Parties acknowledge that some licensed patents may be standard-essential patents.\n',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\n2.1 The Parties acknowledge that some licensed patents may be standard-essential patents, and each Party shall license them on fair, reasonable and non-discriminatory terms consistent with its declarations to the standard-setting organisation.\n',
      },
    ],
  },
  appliesTo: appliesToCrossLicense,
  check({ model, report }) {
    const sentences = allSentences(model);
    const first = sentences.find((s) => STANDARD_WORDS.test(s.text) && STANDARDS.test(s.text));
    if (!first || sentences.some((s) => POLICY_WORDS.test(s.text) && POLICY.test(s.text))) return;
    report({ messageId: 'missing', range: first.range, extra: { template: 'sep-policy' } });
  },
};
