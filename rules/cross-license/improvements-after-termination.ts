import type { ClauseIndex } from '../../engine/classify/types.js';
import type { Rule } from '../../engine/lint/rule.js';
import { allSections } from '../../engine/model/build.js';
import type { ContractModel, Range } from '../../engine/model/types.js';
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
        text: '## 3. Grant Back\n\n3.1 Beta hereby grants to Alpha a non-exclusive licence under the Transferred Patents.\n\n## 7. Term and Termination\n\n7.1 Either Party may terminate this Agreement if the other Party materially breaches it and fails to cure the breach within sixty (60) days after written notice.\n',
        note: 'A licence-back of transferred patents is no improvements regime.',
      },
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
    const regimeHits = clauses.hits('improvements').filter((h) => {
      if (h.source !== 'sentence') return false;
      const sentence = model.paragraphs[h.paragraph]?.sentences.find((s) => s.range.start === h.range.start);
      // "To discuss … licensing of any improvement": a topic for later, not a regime.
      // "3.2 Grant Back by PURCHASER" names a licence-back of patents, not improvements.
      return (
        sentence !== undefined &&
        /\b(?:improvements?|enhancements?|modifications?|derivative works?)\b/i.test(sentence.text) &&
        REGIME.test(sentence.text) &&
        !/\bto (?:discuss|negotiate|consider|explore)\b/i.test(sentence.text)
      );
    });
    if (regimeHits.length === 0) return;
    // "Sections 6, 7 and 8.4-8.6 survive": the improvements regime is among the survivors.
    if (
      survives(
        model,
        clauses,
        regimeHits.map((h) => h.range.start),
      )
    )
      return;
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

/** Some survival clause names a section (or a range of sections) that holds one of the offsets. */
function survives(model: ContractModel, clauses: ClauseIndex, offsets: number[]): boolean {
  const sections = new Map(allSections(model.sections).map((s) => [s.id, s]));
  for (const hit of [...clauses.hits('survival'), ...clauses.hits('termination-effects')]) {
    if (hit.source !== 'sentence') continue;
    const refs = model.crossReferences.filter(
      (r) =>
        r.resolved && r.targetId && r.range.start >= hit.range.start && r.range.end <= hit.range.end + 400,
    );
    const text = model.paragraphs[hit.paragraph]?.text ?? '';
    const spans: Range[] = [];
    refs.forEach((r, i) => {
      const target = sections.get(r.targetId ?? '');
      if (!target) return;
      spans.push(target.range);
      // "8.4-8.6", "3.01 to 3.04": everything between the two ends.
      const next = refs[i + 1];
      const nextTarget = next ? sections.get(next.targetId ?? '') : undefined;
      if (
        next &&
        nextTarget &&
        /^\s*(?:-|–|to|through)\s*$/.test(gapText(model, text, r.range.end, next.range.start))
      )
        spans.push({ start: target.range.start, end: nextTarget.range.end });
    });
    if (offsets.some((o) => spans.some((r) => r.start <= o && o < r.end))) return true;
  }
  return false;
}

/** The text view between two offsets of one paragraph (short gaps only). */
function gapText(model: ContractModel, _paragraph: string, from: number, to: number): string {
  if (to < from || to - from > 20) return 'x';
  for (const p of model.paragraphs) {
    if (from < p.range.start || to > p.range.end) continue;
    // Offsets are text-view offsets; the paragraph text is plain text, close enough for short gaps.
    const seg = p.segments.find((s) => from >= s.view && from <= s.view + s.length);
    if (!seg) return 'x';
    const start = seg.plain + (from - seg.view);
    return p.text.slice(start, start + (to - from));
  }
  return 'x';
}
