import type { Rule } from '../engine/lint/rule.js';
import { paragraphSource } from '../engine/model/paragraph-source.js';
import { TextMemo } from '../engine/text/memo.js';

interface Open {
  char: string;
  at: number;
}

const CLOSER_OF: Record<string, string> = { '(': ')', '[': ']', '“': '”', '‘': '’' };
const OPENER_OF: Record<string, string> = { ')': '(', ']': '[', '”': '“' };

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Markup that is not prose: HTML tags and comments, link destinations, inline code, autolinks,
 * bare URLs, backslash escapes. Returned as a mask (1 = skip) over the paragraph's view.
 */
function maskMarkup(view: string): Uint8Array | null {
  // Plain prose (most paragraphs of a filing copy) has none of the markup: nothing to mask.
  if (!/[<`\\]|\]\(|https?:/.test(view)) return null;
  const mask = new Uint8Array(view.length);
  const skip = (start: number, end: number) => mask.fill(1, start, end);
  for (const m of view.matchAll(/<!--[\s\S]*?-->|<\/?[A-Za-z][^<>\n]*>|<https?:[^>\s]*>|`[^`\n]*`|\\./g))
    skip(m.index, m.index + m[0].length);
  // Link destinations "](url)", balanced one level deep.
  for (const m of view.matchAll(/\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)/g))
    skip(m.index + 1, m.index + m[0].length);
  for (const m of view.matchAll(/https?:\/\/[^\s<>"()[\]]*[^\s<>".,;:()[\]]/g))
    skip(m.index, m.index + m[0].length);
  return mask;
}

/** "a)", "iv)", "3)" used as a list marker: at the start or after a separator, with no opener. */
function isListMarkerClose(view: string, at: number): boolean {
  const before = view.slice(Math.max(0, at - 8), at);
  return /(?:^|[\s;:,—–-]|^[>*+-]\s)(?:[A-Za-z]|[ivxlcIVXLC]{1,5}|\d{1,3})$/.test(before);
}

export const unbalancedPunctuation: Rule = {
  id: 'unbalanced-punctuation',
  description: 'An opening or closing bracket or quotation mark without its partner in the same paragraph.',
  category: 'consistency',
  defaultSeverity: 'warning',
  messages: {
    unclosed: "This '{char}' is never closed in the paragraph: add the matching '{partner}' or delete it.",
    unopened: "This '{char}' closes nothing in the paragraph: add the matching '{partner}' or delete it.",
  },
  rationale: [
    'An unclosed bracket or quotation mark makes the reader guess where a parenthetical, a quoted term or a carve-out',
    'ends, and with it what the surrounding obligation covers; an unclosed quote around a defined term can swallow the',
    'definition. They are usually left over from editing. The rule pairs round and square brackets and double quotation',
    'marks (straight and curly) within each paragraph, and curly single quotes that open a quotation. Apostrophes ("Party\'s",',
    '"Licensors\'") and list markers such as "a)" or "1)" are not brackets and are ignored, and so are Markdown links,',
    'HTML tags and code.',
  ].join(' '),
  examples: {
    invalid: [
      { text: 'The Licensee shall pay the fees (including any taxes within 30 days.\n' },
      { text: 'The "Licensed Patents means the patents listed in Schedule 1.\n' },
    ],
    valid: [
      {
        text: "The Licensee shall pay the fees (including any taxes) within 30 days. The Party's and the Licensors' rights survive.\n",
      },
      { text: 'The Licensee shall:\n\na) pay the fees; and\n\nb) deliver the reports [quarterly].\n' },
    ],
  },
  check({ model, textView, report }) {
    for (const paragraph of model.paragraphs) {
      const base = paragraph.range.start;
      const { text: view, kept } = paragraphSource(paragraph, textView);
      if (!/[()[\]"“”‘]/.test(view)) continue;
      for (const u of unmatchedByView.get(view, () => unmatchedIn(view), kept)) {
        report({
          messageId: u.messageId,
          data: { char: u.char, partner: u.partner },
          range: { start: base + u.at, end: base + u.at + 1 },
        });
      }
    }
  },
};

interface Unmatched {
  /** Offset in the paragraph's view. */
  at: number;
  char: string;
  messageId: 'unclosed' | 'unopened';
  partner: string;
}

/** Results by paragraph text: in the editor, only the edited paragraph is paired again. */
const unmatchedByView = new TextMemo<Unmatched[]>();

const PUNCTUATION = /[()[\]“”‘’"]/g;

/** The unpaired brackets and quotation marks of one paragraph (its text-view slice). */
function unmatchedIn(view: string): Unmatched[] {
  const mask = maskMarkup(view);
  const stack: Open[] = [];
  let straight: number | undefined;
  const unmatched: Unmatched[] = [];
  // Only brackets and quotation marks matter: jump from one to the next.
  PUNCTUATION.lastIndex = 0;
  for (let m = PUNCTUATION.exec(view); m !== null; m = PUNCTUATION.exec(view)) {
    const i = m.index;
    if (mask?.[i]) continue;
    const c = m[0];
    if (c === '(' || c === '[' || c === '“' || c === '‘') {
      // A curly single quote that opens a word is an elided letter ("‘til"), not a quotation.
      if (c === '‘' && !LETTER.test(view[i + 1] ?? '')) continue;
      stack.push({ char: c, at: i });
    } else if (c === ')' || c === ']' || c === '”') {
      const opener = OPENER_OF[c] as string;
      const index = findOpen(stack, opener);
      if (index >= 0) {
        stack.splice(index, 1);
      } else if (c === '”' && straight !== undefined) {
        // Mixed quotes ("Term”), common in Word documents edited by several people: a pair.
        straight = undefined;
      } else if (
        !(c === ')' && isListMarkerClose(view, i)) &&
        !(c === ']' && /\[[ xX]?$/.test(view.slice(Math.max(0, i - 2), i)))
      ) {
        unmatched.push({ at: i, char: c, messageId: 'unopened', partner: opener });
      }
    } else if (c === '’') {
      // Closes an open curly single quote; otherwise an apostrophe.
      const index = findOpen(stack, '‘');
      if (index >= 0 && !(LETTER.test(view[i - 1] ?? '') && LETTER.test(view[i + 1] ?? '')))
        stack.splice(index, 1);
    } else if (c === '"') {
      // An inch mark after a number (5' 10") is not a quotation mark.
      if (
        straight === undefined &&
        /\d$/.test(view.slice(Math.max(0, i - 1), i)) &&
        !LETTER.test(view[i + 1] ?? '')
      )
        continue;
      const top = stack[stack.length - 1];
      if (straight === undefined && top?.char === '“') {
        // “Term" — a curly quote closed by a straight one: a pair.
        stack.pop();
        continue;
      }
      straight = straight === undefined ? i : undefined;
    }
  }
  for (const open of stack) {
    // A curly single quote is reported only when no closing one follows at all (’ doubles as an apostrophe).
    if (open.char === '‘' && view.indexOf('’', open.at) >= 0) continue;
    unmatched.push({
      at: open.at,
      char: open.char,
      messageId: 'unclosed',
      partner: CLOSER_OF[open.char] as string,
    });
  }
  if (straight !== undefined)
    unmatched.push({ at: straight, char: '"', messageId: 'unclosed', partner: '"' });
  unmatched.sort((a, b) => a.at - b.at);
  return unmatched;
}

/** Index of the innermost open bracket of the given kind, not crossing another kind of bracket. */
function findOpen(stack: Open[], opener: string): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i] as Open;
    if (open.char === opener) return i;
    // Quotes may straddle brackets in drafting ("(the “Term”)"); brackets do not cross brackets.
    if ((opener === '(' || opener === '[') && (open.char === '(' || open.char === '[')) return -1;
  }
  return -1;
}
