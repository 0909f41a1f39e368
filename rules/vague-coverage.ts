import { coverageSpans } from '../engine/classify/coverage.js';
import type { Rule } from '../engine/lint/rule.js';
import type { Fix } from '../engine/lint/types.js';
import type { Paragraph, Sentence } from '../engine/model/types.js';
import { VAGUE_COVERAGE_PHRASES, type VaguePhrase } from './data/vague-coverage-phrases.js';
import { sentenceRange } from './support/sentences.js';

interface Options {
  addPhrases: string[];
  removePhrases: string[];
}

/** The wording is tied to a list ("the patents and/or applications listed in Exhibit A"). */
const TETHERED =
  /^[^.;]{0,100}?\b(?:listed|set (?:forth|out)|identified|described|specified|enumerated) (?:in|on|at)\b|^[^.;]{0,60}?\b(?:Schedule|Exhibit|Annex|Appendix|Attachment)\s+[A-Z0-9]/;
/** "(e.g. coal, oil, etc.)", "such as AFS, DNS, etc.": examples, not the list itself. */
const EXAMPLES_BEFORE = /(?:\be\.g\.|\bsuch as\b|\bfor example\b|\bincluding\b)[^.;)]{0,120}$/i;
/** "distribute and/or sublicense", "own, acquire and / or operate": verbs, not subject matter. */
const VERB_AFTER =
  /^\s*(?:use|make|sell|distribute|sublicense|license|operate|acquire|establish|manufacture|market|copy|modify|display|perform|reproduce|import|export|develop|provide|own|control|maintain|repair|test|promote|offer|create|exploit|practi[cs]e|disclose|transfer|assign)\b/i;

export const vagueCoverage: Rule<Options> = {
  id: 'vague-coverage',
  description:
    'Loose wording that widens or blurs what is licensed ("and similar equipment", "as that business may evolve", "to the extent it is able") in grants, fields, territories and the definitions they use.',
  category: 'coverage',
  defaultSeverity: 'warning',
  fixable: 'edit',
  messages: {
    vague: '"{phrase}" in the {clause} leaves what is licensed open: {suggestion}.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        addPhrases: {
          type: 'array',
          items: { type: 'string', minLength: 2 },
          description: 'More phrases to flag (literal, case-insensitive).',
        },
        removePhrases: {
          type: 'array',
          items: { type: 'string' },
          description: 'Built-in entries not to flag, by id ("and-or") or phrase ("and/or").',
        },
      },
    },
    defaults: { addPhrases: [], removePhrases: [] },
  },
  rationale: `A licence covers exactly what its words say. Wording that compares ("and similar equipment",
"identical or similar"), that grows with a business ("as that business may evolve", "the natural
development thereof", "future extensions"), that never ends a list ("and other related services",
"and other Intellectual Property Rights", "etc."), that points at nothing ("certain Honeywell IP")
or that hedges the grant itself ("to the extent it is able", "where appropriate", "as agreed by
the parties", "rights customarily granted") leaves the reach of the licence to be argued later.
Name the items, cite a schedule, fix the field at a date, or use a defined term.

Only coverage text is read: the grants (and covenants not to sue, and promises to license), the
sentences that limit a licence, exclusivity commitments, the definitions of the terms these use
(two levels down), and the schedules a grant points at. The same words in payment, notice,
warranty or confidentiality clauses are not flagged, nor are lists tied to a schedule ("the
patents and/or applications listed in Exhibit A") or examples in brackets ("(e.g. coal, oil,
etc.)"). "and/or" rarely changes what is licensed: it is reported as information.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\nLicensor grants Licensee a non-exclusive licence under the Licensed Patents to make mass spectrometers and similar equipment.\n',
      },
      {
        text: '## 2. License Grant\n\nLicensor hereby grants to Licensee a non-exclusive licence to use the Licensed Software solely for use in the Licensee Business and as that business may evolve and change in the future.\n',
      },
      {
        text: '## 1. Definitions\n\n1.1 "Field" means industrial robots and other related technical services.\n\n## 2. License Grant\n\nLicensor grants Licensee an exclusive licence under the Licensed Patents in the Field.\n',
        note: 'In the definition the grant uses.',
      },
      {
        text: '## 2. License Grant\n\nLicensor grants Licensee a non-exclusive licence to use the Licensed Software, together with natural extensions and evolutions thereof.\n',
      },
      {
        text: '## 8. Technology\n\nTo the extent that either party owns patents on components of the Assay, it will, to the extent it is able, grant a non-exclusive license to the other party.\n',
        note: 'A hedged promise to license.',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\nLicensor grants Licensee a non-exclusive licence under the patents and/or patent applications listed in Schedule A.\n',
        note: 'Tied to a schedule: nothing left open.',
      },
      {
        text: '## 9. Notices\n\nNotices may be sent by email, courier and the like, to the addresses above.\n',
        note: 'Not coverage text: boilerplate stays quiet.',
      },
      {
        text: '## 2. License Grant\n\nLicensor grants Licensee a non-exclusive licence under the Licensed Patents and/or Improvements to make Licensed Products in the Field.\n',
        note: '"and/or" is only noted.',
        info: 1,
      },
    ],
  },
  check({ model, clauses, profile, options, report }) {
    const phrases = activePhrases(options);
    if (phrases.length === 0) return;
    const matcher = matcherFor(phrases);
    const reported = new Set<string>();
    for (const span of coverageSpans(model, clauses, profile)) {
      const paragraph = model.paragraphs[span.paragraph];
      const sentence = paragraph?.sentences[span.sentence];
      if (!paragraph || !sentence) continue;
      const text = sentence.text.slice(0, span.end);
      matcher.lastIndex = span.start;
      for (let m = matcher.exec(text); m !== null; m = matcher.exec(text)) {
        const at = m.index;
        const found = m[0];
        if (found === '') {
          matcher.lastIndex++;
          continue;
        }
        const groups = m.groups ?? {};
        const entry = phrases[phrases.findIndex((_, i) => groups[`p${i}`] !== undefined)];
        const key = `${sentence.range.start}:${at}`;
        if (!entry || reported.has(key) || found.trim() === '') continue;
        if (harmless(entry, sentence.text, at, found)) continue;
        reported.add(key);
        report({
          messageId: 'vague',
          data: { phrase: found.replace(/\s+/g, ' '), clause: span.clause, suggestion: entry.suggestion },
          range: sentenceRange(paragraph, sentence, at, at + found.length),
          fixes: fixesFor(entry, paragraph, sentence, at, found),
          ...(entry.info ? { severity: 'info' as const } : {}),
          extra: { phrase: entry.id, kind: entry.kind, clause: span.kind },
        });
      }
    }
  },
};

/** The last matcher built, and the phrases it was built from: options rarely change between lints. */
let lastMatcher: { key: string; matcher: RegExp } | undefined;

/** One pass per span: every phrase is an alternative of one pattern, named by its index. */
function matcherFor(phrases: VaguePhrase[]): RegExp {
  const key = phrases.map((p) => p.pattern).join('\u0000');
  if (lastMatcher?.key !== key) {
    const source = `(?<![\\w/])(?:${phrases.map((p, i) => `(?<p${i}>${spaced(p.pattern)})`).join('|')})(?![\\w/])`;
    lastMatcher = { key, matcher: new RegExp(source, 'gi') };
  }
  return lastMatcher.matcher;
}

function harmless(entry: VaguePhrase, text: string, at: number, found: string): boolean {
  const after = text.slice(at + found.length, at + found.length + 140);
  const before = text.slice(Math.max(0, at - 140), at);
  // "other government-issued rights substantially similar to any of the foregoing" closes a list of
  // patent forms: the comparison is with the forms just listed, as patent definitions do.
  if (
    entry.kind === 'similarity' &&
    /^\s*(?:to )?(?:any of )?the foregoing\b/i.test(after) &&
    /\b(?:patents?|certificates?|utility models?|registrations?|reissues?|applications?)\b/i.test(before)
  )
    return true;
  // "retains the right … to the extent necessary to perform its obligations": bounded by the obligations.
  if (
    entry.kind === 'hedge' &&
    /^\s*(?:for it |for (?:the )?(?:licensor|licensee|such party) )?to (?:perform|fulfil+|carry out|comply with|discharge)\b[^.;]{0,40}\bobligations\b/i.test(
      after,
    )
  )
    return true;
  if (
    (entry.kind === 'connector' || entry.kind === 'indefinite' || entry.kind === 'open-list') &&
    TETHERED.test(after)
  )
    return true;
  if (entry.id === 'etc' || entry.id === 'and-or' || entry.id === 'among-other-things') {
    // Inside brackets, or a list of examples.
    const open = before.lastIndexOf('(');
    if (open > before.lastIndexOf(')')) return true;
    if (EXAMPLES_BEFORE.test(before)) return true;
  }
  if (entry.id === 'and-or') {
    if (VERB_AFTER.test(after)) return true;
    // Two defined terms: "LICENSED PRODUCT(S) and/or LICENSED SERVICE(S)".
    if (/[A-Z][A-Z()]+\s*$/.test(before) && /^\s*[A-Z][A-Z]/.test(after)) return true;
  }
  return false;
}

function activePhrases(options: Options): VaguePhrase[] {
  const removed = new Set(options.removePhrases.map((p) => p.toLowerCase()));
  const builtIn = VAGUE_COVERAGE_PHRASES.filter(
    (p) => !removed.has(p.id.toLowerCase()) && !removed.has(p.phrase.toLowerCase()),
  );
  const added = options.addPhrases
    .filter((p) => !removed.has(p.toLowerCase()))
    .map(
      (phrase): VaguePhrase => ({
        id: phrase.toLowerCase(),
        phrase,
        kind: 'open-list',
        pattern: phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
        suggestion: 'name the items covered, cite a schedule, or use a defined term',
      }),
    );
  return [...builtIn, ...added];
}

function fixesFor(
  entry: VaguePhrase,
  paragraph: Paragraph,
  sentence: Sentence,
  at: number,
  text: string,
): Fix[] {
  if (entry.replacement === undefined) return [];
  let start = at;
  let end = at + text.length;
  if (entry.replacement === '') {
    // Deleting "etc." or ", among other things" also takes the separator before it.
    const before = sentence.text.slice(0, start);
    const lead = /,?\s+$/.exec(before);
    if (lead) start -= lead[0].length;
    // Keep the full stop of "etc." when it also ends the sentence.
    if (text.endsWith('.') && sentence.text.slice(end).trim() === '') end -= 1;
  }
  const range = sentenceRange(paragraph, sentence, start, end);
  const label =
    entry.replacement === '' ? `Delete "${text}"` : `Replace "${text}" with "${entry.replacement}"`;
  return [{ label, edits: [{ range, newText: entry.replacement }], safe: false }];
}

/** A space in a phrase matches any run of whitespace: filing copies keep the PDF's line breaks and double spaces. */
function spaced(pattern: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch !== ' ' || depth > 0) out += ch;
    else if (pattern[i + 1] === '?') {
      // "and ?/ ?or": an optional space is optional whitespace.
      out += '\\s*';
      i++;
    } else out += '\\s+';
  }
  return out;
}
