import { profileAgreement } from '../../engine/classify/profile.js';
import { collapsedSentences, collapseSpaces } from '../../engine/classify/sentence-text.js';
import type { ClauseIndex, ClauseType } from '../../engine/classify/types.js';
import type { ContractModel, Range, Section } from '../../engine/model/types.js';
import { documentAnchor, sectionAnchor } from '../support/anchors.js';

/** Gate of the cross-license-only rules: grants run both ways, or the agreement says it is a cross-licence. */
export const appliesToCrossLicense = ({ model, clauses }: { model: ContractModel; clauses: ClauseIndex }) =>
  profileAgreement(model, clauses).crossLicence;

/** Gate of the generic rules: any agreement that grants (or covenants, or promises) a licence. */
export const appliesToLicense = ({ model, clauses }: { model: ContractModel; clauses: ClauseIndex }) =>
  profileAgreement(model, clauses).grants.some((g) => g.kind !== 'denial');

/**
 * Where a missing clause would belong: the heading of the first section of the given clause types
 * (then their first sentence evidence), else the title.
 */
export function clauseAnchor(model: ContractModel, clauses: ClauseIndex, types: ClauseType[]): Range {
  for (const type of types) {
    const heading = sectionAnchor(model, clauses.sectionsOf(type)[0]);
    if (heading) return heading;
  }
  for (const type of types) {
    const hit = clauses.hits(type)[0];
    if (hit) return hit.range;
  }
  return documentAnchor(model);
}

const GENERAL =
  /^(?:general|miscellaneous|general provisions|boilerplate|other provisions|final provisions)\b/i;

/** Boilerplate (governing law, disputes, assignment) belongs in the "General" article when there is one. */
export function boilerplateAnchor(model: ContractModel): Range {
  const general = findSection(model.sections, (s) => GENERAL.test(s.title.replace(/[*_]/g, '').trim()));
  return general?.headingRange ?? documentAnchor(model);
}

function findSection(sections: Section[], test: (s: Section) => boolean): Section | undefined {
  for (const s of sections) {
    if (test(s)) return s;
    const inner = findSection(s.children, test);
    if (inner) return inner;
  }
  return undefined;
}

/** The plain text of every paragraph carrying one of the clause labels. */
export function labelledText(model: ContractModel, clauses: ClauseIndex, types: ClauseType[]): string {
  const out: string[] = [];
  model.paragraphs.forEach((p, i) => {
    const labels = clauses.labelsOf(i);
    if (types.some((t) => labels.includes(t))) out.push(collapseSpaces(p.text));
  });
  return out.join('\n');
}

type SentenceText = { text: string; range: Range; paragraph: number };
/** Computed once per model: every pack rule reads the same list. */
const sentenceCache = new WeakMap<ContractModel, SentenceText[]>();

/** Every sentence of the agreement (whitespace runs collapsed), with its range. */
export function allSentences(model: ContractModel): SentenceText[] {
  const cached = sentenceCache.get(model);
  if (cached) return cached;
  const out: SentenceText[] = [];
  const texts = collapsedSentences(model);
  model.paragraphs.forEach((p, i) => {
    for (const s of p.sentences)
      out.push({ text: texts[out.length] as string, range: s.range, paragraph: i });
  });
  sentenceCache.set(model, out);
  return out;
}

/** "Harbor and Lumen" for messages, or "the parties". */
export function partyNames(model: ContractModel): string {
  const names = model.parties.map((p) => p.shortName ?? p.name);
  return names.length >= 2 ? `${names[0]} and ${names[1]}` : 'the parties';
}
