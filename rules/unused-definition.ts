import type { Rule } from '../engine/lint/rule.js';
import type { Definition, Range } from '../engine/model/types.js';

export interface UnusedDefinitionOptions {
  ignore: string[];
}

/** Terms that name the document itself: always "used" by being the thing read. */
const ALWAYS_USED = new Set(['Agreement', 'this Agreement', 'Contract', 'Terms', 'Addendum']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function inside(ranges: Range[], start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && r.start < end);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `[\p{L}\p{N}]` matches the code point just before `at` (what a lookbehind there would test). */
function letterOrDigitBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  let code = text.charCodeAt(at - 1);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) code = (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

/**
 * A second look in the text view for uses the model's scanner may have missed (a term split by
 * markup, a singular of a plural term): the exact spelling, word-bounded, outside definitions.
 */
function usedInText(textView: string, term: string, excluded: Range[]): boolean {
  const forms = [term];
  if (/[^s]s$/.test(term)) forms.push(term.slice(0, -1));
  if (/ies$/.test(term)) forms.push(`${term.slice(0, -3)}y`);
  const body = forms.map((f) => escapeRegExp(f).replace(/\s+/g, '(?:\\s|\\*\\*|__|\\*|_)+')).join('|');
  // `(?<![\p{L}\p{N}])(?:forms)…`, with the lookbehind checked by hand so the regex engine can skip
  // quickly to the term's first character.
  const re = new RegExp(`(?:${body})(?:e?s)?(?:['’]s?)?(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(textView); m !== null; m = re.exec(textView)) {
    if (letterOrDigitBefore(textView, m.index)) {
      re.lastIndex = m.index + ((textView.codePointAt(m.index) as number) > 0xffff ? 2 : 1);
      continue;
    }
    if (!inside(excluded, m.index, m.index + m[0].length)) return true;
  }
  return false;
}

export const unusedDefinition: Rule<UnusedDefinitionOptions> = {
  id: 'unused-definition',
  description: 'A defined term that is never used outside its own definition.',
  category: 'definitions',
  defaultSeverity: 'info',
  messages: {
    unused:
      '"{term}" is defined but never used: delete the definition, or use the term where the agreement means it.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Defined terms never reported (exact spelling), e.g. terms kept for use in a related document.',
        },
      },
    },
    defaults: { ignore: [] },
  },
  rationale: [
    'A definition nobody uses is dead weight at best. At worst it is a sign that the operative clause which should have',
    'used it was rewritten in other words ("the licensed patents" instead of "Licensed Patents"), so the careful',
    'definition no longer governs anything. Delete the definition or put the term back where it belongs. Uses inside the',
    'term\'s own definition do not count; "Agreement" (the document itself) is never reported; pointer definitions',
    '("X" has the meaning given in Section 4) are not reported separately.',
  ].join(' '),
  examples: {
    invalid: [
      {
        text: '"Licensed Patents" means the patents listed in Schedule 1.\n\n"Territory" means worldwide.\n\nThe Licensor grants a licence under the Licensed Patents.\n',
      },
    ],
    valid: [
      {
        text: '"Licensed Patents" means the patents listed in Schedule 1.\n\nThe Licensor grants a licence under the Licensed Patents.\n',
      },
    ],
  },
  check({ model, textView, options, report }) {
    const ignore = new Set(options.ignore ?? []);
    const used = new Set(model.termUses.map((u) => u.term));
    const byTerm = new Map<string, Definition[]>();
    for (const def of model.definitions) {
      const list = byTerm.get(def.term) ?? [];
      list.push(def);
      byTerm.set(def.term, list);
    }
    const termRanges = model.definitions.map((d) => d.range);
    for (const [term, defs] of byTerm) {
      if (used.has(term) || ignore.has(term) || ALWAYS_USED.has(term)) continue;
      const real = defs.find((d) => d.style !== 'has-meaning');
      if (!real) continue;
      const excluded = [...termRanges, ...defs.map((d) => d.definitionRange)];
      if (usedInText(textView, term, excluded)) continue;
      report({ messageId: 'unused', data: { term }, range: real.range, extra: { term } });
    }
  },
};
