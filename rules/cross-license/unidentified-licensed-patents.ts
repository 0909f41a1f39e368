import { spacesToOne } from '../../engine/classify/sentence-text.js';
import type { Rule } from '../../engine/lint/rule.js';
import type { ContractModel, Definition, Range } from '../../engine/model/types.js';
import { licenceGrants } from '../support/profile.js';
import { appliesToLicense } from './support.js';

/**
 * A schedule, a list or patent numbers, the applications that follow, or a class drawn by an
 * objective test (the patents filed before a date).
 */
const IDENTIFIED =
  /\b(?:schedule|exhibit|annex|appendix|attachment)\b|\blisted\b|\bset (?:out|forth) (?:in|on)\b|\bthe following\b|\b(?:filed|issued|filing date|priority date)\b[^.;]{0,100}\b(?:prior to|before|on or before|after|during|within)\b|\b(?:prior to|before|on or before)\b[^.;]{0,60}\b(?:filed|issued)\b|\bpatent (?:nos?\.|numbers?)|\b(?:U\.?S\.?|EP|JP|WO|DE|GB|CN|KR)\s?(?:Patent\s)?(?:(?:Application\s)?No\.?\s?)?\d[\d,/ ]{5,}|\ball (?:of (?:its|the|their) )?(?:patents|patent rights)\b[^.;]{0,100}\b(?:owned|controlled|held)\b[^.;]{0,100}\b(?:filed|issued|prior to|before|during|as of|on or before)\b/i;
/** Continuations, divisionals, reissues, foreign counterparts. */
const FAMILIES =
  /\bcontinuations?\b|\bdivisionals?\b|\breissues?\b|\bre-?examinations?\b|\bcounterparts?\b|\bpatent famil(?:y|ies)\b|\bfamil(?:y|ies)\b|\bextensions?\b|\bforeign (?:patents|equivalents)\b|\bclaim(?:s|ing)? priority\b/i;

export const unidentifiedLicensedPatents: Rule = {
  id: 'unidentified-licensed-patents',
  description:
    'Licensed patents described only by subject matter (no schedule, numbers or families), or with no word on continuations, divisionals, reissues and foreign counterparts.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    unidentified:
      'The licensed patents are described only by subject matter ("{description}"): list them in a schedule by number or family.',
    noFamilies:
      'The licensed patents are listed, but nothing says whether continuations, divisionals, reissues and foreign counterparts are included.',
  },
  rationale: `A patent licence is only as definite as its list of patents. "Its patents relating to optical
coatings" invites a dispute about every patent at the edge of the subject; a schedule of patent
numbers or families does not. The same schedule should say whether continuations,
continuations-in-part, divisionals, reissues, re-examinations and foreign counterparts are
included — otherwise a patent that issues from a continuation after signing may fall outside the
licence.`,
  examples: {
    invalid: [
      {
        text: '## 1. Definitions\n\n1.1 "Licensed Patents" means all patents of Alpha relating to optical coatings.\n\n## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive licence under the Licensed Patents to make and sell products worldwide in all fields.\n',
      },
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n## Schedule A\n\nUS 10,000,001.\n',
        note: 'Listed, but silent on continuations and counterparts.',
      },
    ],
    valid: [
      {
        text: '## 1. Definitions\n\n1.1 "Licensed Patents" means the patents listed in Schedule A and all continuations, divisionals, reissues and foreign counterparts of them.\n\n## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive licence under the Licensed Patents to make and sell products worldwide in all fields.\n\n## Schedule A\n\nUS 10,000,001.\n',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, profile, report }) {
    // Defined terms for patents, and the terms a grant licenses whose definitions take in patents ("Shared IP").
    const patentTerms = model.definitions.filter(
      (d) =>
        d.style !== 'has-meaning' &&
        (/patent/i.test(d.term) ||
          (/\bpatents?\b/i.test(d.definitionText) &&
            /\b(?:IP|Intellectual|Technology|Licensed)\b/.test(d.term))),
    );
    const seen = new Set<string>();
    // A schedule of patents may say what the definition does not ("with their continuations and divisionals").
    const scheduleText = patentSchedules(model);
    for (const grant of licenceGrants(profile)) {
      if (!grant.subjects.includes('patents') || grant.derivative) continue;
      // The defined patent terms the grant uses ("the Northwind Licensed Patents" uses "Licensed Patents").
      const used = patentTerms.filter(
        (d) => grant.segment.includes(d.term) || grant.subjectTerms.includes(d.term),
      );
      const expanded = new Set<Definition>(used);
      for (const d of used)
        for (const other of patentTerms) if (d.definitionText.includes(other.term)) expanded.add(other);
      let description: string;
      let range: Range;
      let key: string;
      if (expanded.size > 0) {
        description = [...expanded].map((d) => wholeDefinition(model, d)).join(' ');
        const first = [...expanded][0] as Definition;
        range = first.range;
        key = `def:${first.term}`;
      } else {
        description = grant.segment;
        range = grant.range;
        key = `grant:${grant.range.start}`;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      if (!IDENTIFIED.test(description)) {
        const subject =
          /\b(?:(?:all|its|the) )?patents?\b(?!["”])[^.;]{0,80}/i.exec(description)?.[0]?.trim() ?? 'patents';
        report({
          messageId: 'unidentified',
          data: { description: subject.length > 70 ? `${subject.slice(0, 70)}…` : subject },
          range,
          extra: { template: 'licensed-patents' },
        });
      } else if (!FAMILIES.test(description) && !FAMILIES.test(scheduleText)) {
        // Listed patents: whether the families are in is a completeness question for a reviewer.
        report({ messageId: 'noFamilies', range, severity: 'info', extra: { template: 'licensed-patents' } });
      }
    }
  },
};

/** The text of attachments whose title names patents ("Schedule A – Licensed Patents"). */
function patentSchedules(model: ContractModel): string {
  const ids = new Set<string>();
  const visit = (sections: ContractModel['sections'], inside: boolean) => {
    for (const s of sections) {
      const hit = inside || (s.kind === 'attachment' && /patent/i.test(s.title));
      if (hit) ids.add(s.id);
      visit(s.children, hit);
    }
  };
  visit(model.sections, false);
  return model.paragraphs
    .filter((p) => p.sectionId !== undefined && ids.has(p.sectionId))
    .map((p) => p.text)
    .join('\n');
}

/**
 * A definition with the sentences that follow it in its paragraph ("For purposes of this
 * definition … All patents listed on Exhibit A …"), up to the next definition.
 */
function wholeDefinition(model: ContractModel, d: Definition): string {
  const p = model.paragraphs.find(
    (x) => x.range.start <= d.definitionRange.start && d.definitionRange.start < x.range.end,
  );
  if (!p) return spacesToOne(d.definitionText);
  const next = model.definitions
    .filter(
      (o) =>
        o !== d &&
        o.style !== 'inline' &&
        o.range.start > d.definitionRange.end &&
        o.range.start < p.range.end,
    )
    .sort((a, b) => a.range.start - b.range.start)[0];
  const rest = p.sentences
    .filter((s) => s.range.start >= d.definitionRange.start && (!next || s.range.start < next.range.start))
    .map((s) => s.text)
    .join(' ');
  return spacesToOne(`${d.definitionText} ${rest}`);
}
