import { grantsOf } from '../../engine/classify/cross-license.js';
import type { Rule } from '../../engine/lint/rule.js';
import { allSentences, appliesToLicense } from './support.js';

/** "All licences granted under this Agreement are non-exclusive." */
const BLANKET = /\blicen[cs]es?\b[^.;]{0,100}\b(?:is|are|shall be|will be) (?:\w+ )?(non-?\s?)?exclusive\b/i;

export const ambiguousExclusivity: Rule = {
  id: 'ambiguous-exclusivity',
  description:
    'A licence grant that says neither exclusive nor non-exclusive, says both, or is "partially exclusive" without saying by what.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    unstated:
      'This grant does not say whether the licence is exclusive or non-exclusive: state it, once and unambiguously.',
    contradictory:
      'This grant calls the licence both exclusive and non-exclusive: keep one, or define the partial exclusivity by field, territory or time.',
    partialUndefined:
      'A "{wording}" licence needs its limits: say in which field, territory or period it is exclusive.',
  },
  rationale: `Whether a licence is exclusive decides whether the licensor may license anyone else, and sometimes
whether the licensee may sue infringers. A grant that is silent leaves the answer to default rules
that differ between jurisdictions; a grant that says both "exclusive" and "non-exclusive" is a
contradiction a court will have to resolve; and "partially exclusive" or "semi-exclusive" means
nothing until the agreement says by what (a field, a territory, a period). Reported as an error
when the grant contradicts itself, as a warning otherwise.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\nAlpha grants Beta a licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
      },
      {
        text: '## 2. License Grant\n\nAlpha grants Beta an exclusive, non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
        note: 'Contradictory: an error.',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\nAlpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
      },
      {
        text: '## 2. License Grant\n\nAlpha grants Beta a licence, exclusive in the Field of Use and non-exclusive outside it, under the patents listed in Schedule A to make and sell products worldwide.\n',
        note: 'Partial exclusivity defined by field.',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, severity, report }) {
    const grants = grantsOf(model, clauses).filter(
      (g) => !g.derivative && (g.mutual || g.grantor || g.grantee),
    );
    if (grants.length === 0) return;
    const blanket = allSentences(model).some(
      (s) => BLANKET.test(s.text) && !grants.some((g) => g.range.start === s.range.start),
    );
    for (const g of grants) {
      if (g.exclusivity === 'both') {
        report({
          messageId: 'contradictory',
          range: g.range,
          severity: severity === 'info' ? 'info' : 'error',
          extra: { template: 'exclusivity', exclusivity: g.exclusivity },
        });
      } else if (g.exclusivity === 'partial' && !g.partialQualified) {
        const wording =
          /\b(?:partially|partly|semi|co|quasi)[- ]?exclusive\b/i.exec(g.segment)?.[0] ??
          'partially exclusive';
        report({
          messageId: 'partialUndefined',
          data: { wording },
          range: g.range,
          extra: { template: 'exclusivity', exclusivity: g.exclusivity },
        });
      } else if (g.exclusivity === 'unstated' && !blanket) {
        report({
          messageId: 'unstated',
          range: g.range,
          extra: { template: 'exclusivity', exclusivity: g.exclusivity },
        });
      }
    }
  },
};
