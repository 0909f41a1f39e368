import type { Rule } from '../engine/lint/rule.js';
import type { Definition, Range } from '../engine/model/types.js';
import { isJsSpace } from '../engine/text/chars.js';
import { escapeRegExp } from '../engine/text/regexp.js';

export interface UnusedDefinitionOptions {
  ignore: string[];
}

/** Terms that name the document itself: always "used" by being the thing read. */
const ALWAYS_USED = new Set(['Agreement', 'this Agreement', 'Contract', 'Terms', 'Addendum']);

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

/** `[\p{L}\p{N}]` matches the code point at `at` (false at the end). */
function letterOrDigitAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(at) as number));
}

/** One character of the separator `(?:\s|\*\*|__|\*|_)+` between a term's words. */
function isSeparator(code: number): boolean {
  return code === 42 || code === 95 || isJsSpace(code);
}

/** End of `words` joined by separators at `at`, or -1. */
function wordsEnd(text: string, at: number, words: string[]): number {
  let i = at;
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as string;
    if (!text.startsWith(word, i)) return -1;
    i += word.length;
    if (k < words.length - 1) {
      const from = i;
      while (i < text.length && isSeparator(text.charCodeAt(i))) i++;
      if (i === from) return -1;
    }
  }
  return i;
}

/**
 * End of `(?:e?s)?(?:['’]s?)?(?![\p{L}\p{N}])` after a form ending at `q`, trying the choices in the
 * order the regex backtracks through them; -1 when none passes the lookahead.
 */
function suffixEnd(text: string, q: number): number {
  const ends: number[] = [];
  if (text[q] === 'e' && text[q + 1] === 's') ends.push(q + 2);
  if (text[q] === 's') ends.push(q + 1);
  ends.push(q);
  for (const r of ends) {
    if (text[r] === "'" || text[r] === '’') {
      if (text[r + 1] === 's' && !letterOrDigitAt(text, r + 2)) return r + 2;
      if (!letterOrDigitAt(text, r + 1)) return r + 1;
    }
    if (!letterOrDigitAt(text, r)) return r;
  }
  return -1;
}

/**
 * A second look in the text view for uses the model's scanner may have missed (a term split by
 * markup, a singular of a plural term): the exact spelling, word-bounded, outside definitions.
 *
 * The pattern is `(?<![\p{L}\p{N}])(?:forms)(?:e?s)?(?:['’]s?)?(?![\p{L}\p{N}])`, whitespace in a
 * form matching runs of whitespace, `*` and `_`. Compiled per term it is slow (Unicode property
 * classes), so the usual case — forms whose words start with neither `*` nor `_`, where each form
 * matches in only one way — is matched by hand from the occurrences of the forms' first words.
 */
function usedInText(textView: string, term: string, excluded: Range[]): boolean {
  const forms = [term];
  if (/[^s]s$/.test(term)) forms.push(term.slice(0, -1));
  if (/ies$/.test(term)) forms.push(`${term.slice(0, -3)}y`);
  const split = forms.map((f) => f.split(/\s+/));
  const simple =
    forms.every((f) => f.length > 0 && f === f.trim()) &&
    split.every((ws) => ws.every((w) => /^[^*_]/.test(w)));
  if (simple) {
    const finder = new RegExp([...new Set(split.map((ws) => escapeRegExp(ws[0] as string)))].join('|'), 'gu');
    for (let m = finder.exec(textView); m !== null; m = finder.exec(textView)) {
      const at = m.index;
      let end = -1;
      if (!letterOrDigitBefore(textView, at)) {
        for (const words of split) {
          const q = wordsEnd(textView, at, words);
          if (q >= 0) end = suffixEnd(textView, q);
          if (end >= 0) break;
        }
      }
      if (end < 0) {
        finder.lastIndex = at + ((textView.codePointAt(at) as number) > 0xffff ? 2 : 1);
        continue;
      }
      if (!inside(excluded, at, end)) return true;
      finder.lastIndex = end;
    }
    return false;
  }
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
