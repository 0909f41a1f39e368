import { sentenceWords } from '../../engine/classify/clauses.js';
import type { Grant } from '../../engine/classify/grants.js';
import { SENTENCE_WORD } from '../../engine/classify/sentence-words.js';
import type { Rule } from '../../engine/lint/rule.js';
import { licenceGrants } from '../support/profile.js';
import { allSentences, appliesToLicense } from './support.js';

/**
 * Exclusivity stated once for the grants: "All licences granted under this Agreement are
 * non-exclusive", "ConvergTV has the exclusive right to exercise the rights granted to it".
 */
const BLANKET =
  /\b(?:licen[cs]es?|rights?)\b[^.;]{0,100}\b(?:is|are|shall be|will be) (?:\w+ )?(?:non-?\s?)?exclusive\b|\b(?:non-?\s?)?exclusive right to exercise the rights granted\b|\bnothing (?:in this Agreement )?(?:shall )?(?:restrict|prevent|limit)s?\b[^.;]{0,80}\bfrom (?:granting|licensing)\b/i;
// Every BLANKET match has "exclusive" or "nothing", every UNTICKED match "exclusiv" (SENTENCE_WORD).
/** A form left blank: "Content exclusive: [ ] Yes [ ] No". */
const UNTICKED = /\bexclusiv\w*\s*:?\s*\[\s*\]\s*(?:Yes|No)\s*\[\s*\]\s*(?:Yes|No)\b/i;
/** A licence over things, not rights: equipment, premises, space. */
const PROPERTY =
  /\b(?:equipment|premises|facilit(?:y|ies)|space|machines?|machinery|vehicles?|buildings?|land|offices?)\b/i;

export const ambiguousExclusivity: Rule = {
  id: 'ambiguous-exclusivity',
  description:
    'A licence grant that says neither exclusive nor non-exclusive, says both, or is "partially exclusive" without saying by what.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    unstated:
      'This grant does not say whether the licence is exclusive or non-exclusive (it reads "{chain}"): state it, once and unambiguously.',
    unticked:
      'The form leaves exclusivity blank (neither "Yes" nor "No" is ticked): tick one, or state in the grant whether the licence is exclusive.',
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
      {
        text: '## 2. License Grant\n\nAlpha hereby grants to Beta a worldwide, non-transferable (except as set forth herein), non- exclusive license under the patents listed in Schedule A to make and sell products.\n',
        note: 'Exclusivity anywhere in the adjective chain, however a filing copy broke the word.',
      },
      {
        text: '## 2. No Other Rights\n\nExcept as expressly set out in this Agreement, neither Party grants to the other Party any right or license under any patent.\n',
        note: 'A denial of a grant is not a grant.',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, severity, profile, report }) {
    const grants = licenceGrants(profile).filter(
      (g) => !g.derivative && !g.conditional && !isBarePermission(g) && !isPropertyLicence(g),
    );
    // The gate words have no spaces: the clause scan's masks have them exactly.
    const words = sentenceWords(model);
    const sentences = allSentences(model);
    const unticked = sentences.find(
      (s, i) => ((words[i] as number) & SENTENCE_WORD.exclusiv) !== 0 && UNTICKED.test(s.text),
    );
    if (unticked && profile.grants.some((g) => g.kind === 'grant')) {
      report({ messageId: 'unticked', range: unticked.range, extra: { template: 'exclusivity' } });
      return;
    }
    if (grants.length === 0) return;
    const blanket = sentences.some(
      (s, i) =>
        ((words[i] as number) & SENTENCE_WORD.blanket) !== 0 &&
        BLANKET.test(s.text) &&
        !grants.some((g) => g.range.start === s.range.start),
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
          data: { chain: quoteChain(g.chain) },
          range: g.range,
          extra: { template: 'exclusivity', exclusivity: g.exclusivity },
        });
      }
    }
  },
};

/** The words of the grant up to the licence noun, for the message. */
function quoteChain(chain: string): string {
  const words = chain.trim().replace(/\s+/g, ' ');
  const short = words.length > 90 ? `…${words.slice(-90)}` : words;
  return `${short} licence`.trim();
}

/** "grants Beta rights to use such materials as are reasonably necessary": a permission, not a licence to qualify. */
function isBarePermission(g: Grant): boolean {
  const chain = g.chain.trim();
  return (
    chain.split(/\s+/).length <= 3 &&
    !/\b(?:a|an|the)\b/i.test(chain) &&
    !/licen[cs]/i.test(g.segment.slice(0, 300))
  );
}

/** "grants Liquidmetal a license to use the Equipment": a licence of things, not of intellectual property. */
function isPropertyLicence(g: Grant): boolean {
  return g.subjects.length === 0 && PROPERTY.test(g.segment.slice(0, 300));
}
