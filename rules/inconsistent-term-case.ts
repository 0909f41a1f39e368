import type { Rule } from '../engine/lint/rule.js';
import type { Range } from '../engine/model/types.js';

export interface InconsistentTermCaseOptions {
  /** Also check single-word terms (off by default: "party", "agreement" are ordinary English). */
  singleWords: boolean;
  /** Terms never checked (exact spelling of the definition). */
  ignore: string[];
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function overlapsAny(ranges: Range[], start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && r.start < end);
}

/** Offsets of HTML tags, link destinations and inline code in a paragraph's view (not prose). */
function markupRanges(view: string, base: number): Range[] {
  const out: Range[] = [];
  for (const m of view.matchAll(/<[^>\n]*>|\]\([^)\s]*\)|`[^`\n]*`|https?:\/\/\S+/g)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/**
 * The spelling the defined term would have in place of `found` ("licensed patents" →
 * "Licensed Patents", "licensed patent's" → "Licensed Patent's"), keeping the suffix.
 */
function recase(term: string, found: string): string {
  const words = term.split(/\s+/);
  const foundWords = found.split(/\s+/);
  return foundWords
    .map((w, i) => {
      const t = words[i];
      if (t === undefined) return w;
      return t + w.slice(t.length);
    })
    .join(' ');
}

export const inconsistentTermCase: Rule<InconsistentTermCaseOptions> = {
  id: 'inconsistent-term-case',
  description:
    'A defined term written with different capitalisation ("licensed patents" when "Licensed Patents" is defined).',
  category: 'definitions',
  defaultSeverity: 'warning',
  fixable: 'edit',
  messages: {
    case: '"{found}" differs in capitalisation from the defined term "{term}": write "{replacement}" if the defined meaning is intended, or reword to avoid the clash.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        singleWords: {
          type: 'boolean',
          description:
            'Also check single-word defined terms ("licensee" for "Licensee"). Off by default: most are ordinary words.',
        },
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description: 'Defined terms never checked (exact spelling).',
        },
      },
    },
    defaults: { singleWords: false, ignore: [] },
  },
  rationale: [
    'A capitalised defined term carries its definition; the same words in lower case arguably do not. When an agreement',
    'defines "Licensed Patents" and later says "the licensed patents", a reader cannot tell whether the narrower defined',
    'meaning applies or the ordinary one, and the difference can decide what is licensed. Write the defined term exactly',
    'as defined where its meaning is intended; where the ordinary meaning is intended, reword so the two are not confused.',
    'Only multi-word terms are checked by default, because single words such as "party" or "agreement" are ordinary English;',
    "uses inside the term's own definition are ignored. The fix (not applied automatically) restores the defined capitalisation.",
  ].join(' '),
  examples: {
    invalid: [
      {
        text: '"Licensed Patents" means the patents listed in Schedule 1.\n\nThe Licensor grants a licence under the Licensed Patents. The Licensee shall mark products with the licensed patents.\n',
      },
    ],
    valid: [
      {
        text: '"Licensed Patents" means the patents listed in Schedule 1.\n\nThe Licensor grants a licence under the Licensed Patents. Each Party owns its other patents.\n',
      },
      {
        text: '"Confidential Information" means all confidential information disclosed by a Party.\n\nThe Recipient shall protect Confidential Information.\n',
        note: "Lower-case words inside the term's own definition are not reported.",
      },
    ],
  },
  check({ model, textView, options, report }) {
    const ignore = new Set(options.ignore ?? []);
    const definedTerms = new Set(model.definitions.map((d) => d.term));
    const definedLower = new Map<string, string>();
    for (const d of model.definitions) {
      if (!ignore.has(d.term)) definedLower.set(d.term.toLowerCase(), d.term);
    }
    const terms = [...definedLower.values()].filter((t) => {
      if (!/\p{Lu}/u.test(t)) return false;
      const words = t.split(/\s+/);
      if (words.length < 2 && !options.singleWords) return false;
      return true;
    });
    if (terms.length === 0) return;
    // Longest terms first so "Licensed Patent Rights" wins over "Licensed Patent".
    terms.sort((a, b) => b.length - a.length);
    const body = terms.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s+')).join('|');
    const re = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${body})(?:e?s)?(?:['’]s?)?(?![\\p{L}\\p{N}_-])`, 'giu');
    const ownDefinition = new Map<string, Range[]>();
    for (const d of model.definitions) {
      const list = ownDefinition.get(d.term.toLowerCase()) ?? [];
      list.push(d.definitionRange, d.range);
      ownDefinition.set(d.term.toLowerCase(), list);
    }
    const termRanges = model.definitions.map((d) => d.range);
    const useRanges = model.termUses.map((u) => u.range);
    for (const paragraph of model.paragraphs) {
      if (paragraph.kind === 'heading') continue;
      const base = paragraph.range.start;
      const view = textView.slice(base, paragraph.range.end);
      const markup = markupRanges(view, base);
      re.lastIndex = 0;
      for (let m = re.exec(view); m !== null; m = re.exec(view)) {
        const found = m[0];
        const stem = found.replace(/(?:e?s)?(?:['’]s?)?$/u, '');
        const term =
          definedLower.get(norm(found)) ??
          definedLower.get(norm(found.replace(/['’]s?$/u, ''))) ??
          definedLower.get(norm(stem));
        if (term === undefined) continue;
        const foundWords = found.split(/\s+/);
        const termWords = term.split(/\s+/);
        // Exactly the defined spelling (or another defined term's spelling): nothing to report.
        if (foundWords.every((w, i) => termWords[i] === undefined || w.startsWith(termWords[i] as string)))
          continue;
        if (definedTerms.has(stem.replace(/\s+/g, ' '))) continue;
        // Only forms that read as the term in lower case: every differing word is the lower-case form of the term's word.
        const lowered = foundWords.every((w, i) => {
          const t = termWords[i];
          if (t === undefined) return true;
          return w.startsWith(t) || w.startsWith(t.toLowerCase());
        });
        if (!lowered) continue;
        const start = base + m.index;
        const end = start + found.length;
        if (overlapsAny(ownDefinition.get(term.toLowerCase()) ?? [], start, end)) continue;
        if (
          overlapsAny(termRanges, start, end) ||
          overlapsAny(useRanges, start, end) ||
          overlapsAny(markup, start, end)
        )
          continue;
        // A sentence-initial capital on the first word only ("Licensed patents are…") still differs; a fully
        // capitalised heading-like run ("LICENSED PATENTS") is emphasis, not a different term.
        if (found === found.toUpperCase()) continue;
        const replacement = recase(term, found);
        report({
          messageId: 'case',
          data: { found: found.replace(/\s+/g, ' '), term, replacement: replacement.replace(/\s+/g, ' ') },
          range: { start, end },
          fixes: [
            {
              label: `Write "${replacement.replace(/\s+/g, ' ')}"`,
              edits: [{ range: { start, end }, newText: replacement }],
              safe: false,
            },
          ],
          extra: { term },
        });
      }
    }
  },
};
