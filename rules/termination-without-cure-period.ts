import type { TerminationRight } from '../engine/classify/profile.js';
import { spacesToOne } from '../engine/classify/sentence-text.js';
import type { Rule } from '../engine/lint/rule.js';
import type { ContractModel } from '../engine/model/types.js';

/** Time to put a breach right: a cure or remedy period, or "for thirty (30) days after … notice". */
const CURE =
  /\b(?:(?:un)?cur(?:e|ed|es|ing)|(?:un)?remed(?:y|ied|ies)|correct(?:ed)?|rectif(?:y|ied))\b|\b(?:\w+\s+)?\(?\d{1,3}\)?\s+(?:business |calendar )?(?:days?|months?)\b[^.;]{0,60}\bafter\b[^.;]{0,120}\bnotice\b|\bwithin (?:\w+\s+)?\(?\d{1,3}\)?\s+(?:business |calendar )?(?:days?|months?)\b[^.;]{0,80}\b(?:notice|notif)/i;
/** "may terminate this Agreement in accordance with Section 11.2": the cure lives in the clause referred to. */
const DEFERS =
  /\bterminat\w*\b[^.;]{0,80}\b(?:in accordance with|as (?:set forth|provided|described) in|pursuant to|under)\s+(?:Section|Article|Clause|paragraph)s?\s+\d/i;
/** A cure rule for every breach right: "may terminate for breach only if … fails to cure it within 30 days". */
const GENERAL_CURE =
  /\bterminat\w*\b[^.;]{0,80}\bfor (?:any )?(?:material )?(?:breach|default)\b[^.;]{0,60}\b(?:only|unless)\b[^.;]{0,200}\b(?:cure|remed)|\bno (?:party|termination)\b[^.;]{0,100}\b(?:breach|default)\b[^.;]{0,100}\bunless\b[^.;]{0,160}\b(?:cure|remed)/i;
/** A right limited to named provisions ("breach of Section 7", confidentiality): often deliberately immediate. */
const SPECIFIC_BREACH =
  /\bbreach(?:es|ed)?\s+(?:of\s+)?(?:any of\s+)?(?:its obligations under\s+)?(?:Sections?|Articles?|Clauses?|Paragraphs?)\s+\d|\bbreach(?:es|ed)? (?:of )?(?:the )?(?:confidentiality|non-?compet|exclusivity)/i;

export const terminationWithoutCurePeriod: Rule = {
  id: 'termination-without-cure-period',
  description: 'A right to terminate for breach with no period to cure the breach first.',
  category: 'termination',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    noCure:
      'This right to terminate for breach gives no cure period (no "cure", "remedy" or "N days after notice" in it or the sentences around it): give the breaching party written notice and a period (e.g. thirty (30) days) to cure before termination takes effect.',
  },
  rationale: `Termination for any breach, with no chance to cure, lets a party walk away over a trivial or
fixable default. The usual drafting gives written notice of the breach and a period (often 30 days,
10 for non-payment) to cure it; only an uncured material breach ends the agreement.

Each right to terminate for breach is read on its own, with the sentences next to it: a 30-day cure
in one clause does not cure an "immediately upon any breach" right in another. Rights limited to
named provisions (breach of the confidentiality clause, of Section 7) are often immediate by design,
and a right exercised "in accordance with Section 11.2" takes its cure from that section: neither
is reported.`,
  examples: {
    invalid: [
      {
        text: '## 9. Termination\n\nEither party may terminate this Agreement immediately if the other party breaches it.\n',
      },
      {
        text: '## 9. Termination\n\n9.1 Either party may terminate this Agreement if the other party materially breaches it and fails to cure the breach within thirty (30) days after written notice.\n\n9.2 Upon any breach by Licensee of any covenant or obligation hereunder, Licensor may immediately terminate this Agreement.\n',
        note: 'The second right swallows the cure period of the first.',
      },
    ],
    valid: [
      {
        text: '## 9. Termination\n\nEither party may terminate this Agreement if the other party materially breaches it and fails to cure the breach within thirty (30) days after written notice.\n',
      },
      {
        text: '## 9. Termination\n\nEither Party may terminate this Agreement if the other Party is in breach and continues in breach for thirty (30) days after its attention has been directed to the breach by notice in writing.\n',
        note: 'A period after notice is a cure period, whatever it is called.',
      },
      {
        text: '## 9. Term\n\nThis Agreement continues for two (2) years.\n',
        note: 'No termination for breach at all: nothing to cure.',
      },
    ],
  },
  check({ model, profile, report }) {
    const uncured = profile.ending.rights.filter(
      (r) => r.grounds.includes('breach') && r.cureDays === undefined,
    );
    // The general cure clause is looked for only when a right would be reported without it.
    if (uncured.length === 0) return;
    if (model.paragraphs.some((p) => /\b(?:cure|remed)/i.test(p.text) && GENERAL_CURE.test(collapse(p.text))))
      return;
    for (const right of uncured) {
      const { sentence, around } = neighbourhood(model, right);
      if (right.conditions && CURE.test(right.conditions)) continue;
      if (CURE.test(around) || SPECIFIC_BREACH.test(sentence) || DEFERS.test(sentence)) continue;
      report({ messageId: 'noCure', range: right.evidence.range, extra: { template: 'termination' } });
      return;
    }
  },
};

/**
 * The right's sentence, and the text around it: up to two sentences before and after in its
 * paragraph, and the neighbouring paragraph when a filing copy broke the clause over lines (the
 * paragraph ends without a full stop, or the next starts in lower case).
 */
function neighbourhood(model: ContractModel, right: TerminationRight): { sentence: string; around: string } {
  const { start } = right.evidence.range;
  const index = model.paragraphs.findIndex((p) => p.range.start <= start && start < p.range.end);
  const paragraph = model.paragraphs[index];
  if (!paragraph) return { sentence: right.evidence.text, around: right.evidence.text };
  const i = paragraph.sentences.findIndex((s) => s.range.start === start);
  const parts = paragraph.sentences.slice(Math.max(0, i - 2), i + 3).map((s) => s.text);
  const previous = model.paragraphs[index - 1];
  const next = model.paragraphs[index + 1];
  if (previous && (!/[.;:!?)]\s*$/.test(previous.text) || /^\s*[a-z]/.test(paragraph.text)))
    parts.unshift(previous.text);
  if (next && (!/[.;:!?)]\s*$/.test(paragraph.text) || /^\s*[a-z]/.test(next.text))) parts.push(next.text);
  const flat = spacesToOne;
  return {
    sentence: flat(paragraph.sentences[i]?.text ?? right.evidence.text),
    around: flat(parts.join(' ')),
  };
}

function collapse(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? spacesToOne(text) : text;
}
