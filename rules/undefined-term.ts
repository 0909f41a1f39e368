import type { Rule } from '../engine/lint/rule.js';
import type { RelatedLocation } from '../engine/lint/types.js';
import { allSections } from '../engine/model/build.js';
import { KEY_TERMS } from '../engine/model/terms.js';
import type { CandidateTerm, ContractModel } from '../engine/model/types.js';
import { escapeRegExp } from '../engine/text/regexp.js';

export interface UndefinedTermOptions {
  /** How many times the phrase must be used before it is reported. */
  minUses: number;
  /** Also report single capitalised words (off by default: too many are names). */
  singleWords: boolean;
  /** Phrases never reported (exact spelling). */
  ignore: string[];
}

const MAX_RELATED = 3;

/**
 * Last words of phrases that name documents, defined (if anywhere) in those documents: "Order
 * Form", "Acceptable Use Policy", "Statement of Work", "Additional Product Terms".
 */
const DOCUMENT_WORDS =
  /\b(?:Agreements?|Terms|Forms?|Polic(?:y|ies)|Addend(?:um|a)|Statements?(?: of Work)?|Orders?|Guidelines|Conditions|Notices?|Plans?|Specifications?|Documentation|Manuals?|Handbooks?|Charters?|Bylaws|Certificates?|Protocols?|Procedures?|Standards?|Schedules?|Exhibits?|Annex(?:es)?|Appendix|Appendices|Attachments?|Program(?:me)?s?|Rules|Laws?|Regulations?|Act|Code|Clauses)$/;

/** Legal and general proper nouns that are capitalised without being defined. */
const PROPER_NOUNS = new Set([
  'Standard Contractual Clauses',
  'Data Protection Laws',
  'Member State',
  'Member States',
  'Supervisory Authority',
  'Force Majeure',
  'Intellectual Property',
]);

function wordsRe(phrase: string): string {
  return escapeRegExp(phrase).replace(/\s+/g, '\\s+');
}

/** The text of `labelText`, each whitespace run as one space, and its lower case when it is ASCII. */
interface Labels {
  text: string;
  lower: string | undefined;
}

/** Text that labels things rather than uses terms: headings, section titles, table cells, the title. */
function labelText(model: ContractModel): Labels {
  const parts: string[] = [];
  if (model.title) parts.push(model.title);
  for (const s of allSections(model.sections)) parts.push(s.title);
  for (const p of model.paragraphs) if (p.kind === 'heading' || p.kind === 'tableCell') parts.push(p.text);
  const text = parts.join('\n').replace(/\s+/g, ' ');
  return { text, lower: isAscii(text) ? text.toLowerCase() : undefined };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The code point just before `at` (-1 at the start), as a lookbehind sees it. */
function codePointBefore(text: string, at: number): number {
  if (at === 0) return -1;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  }
  return code;
}

function isLetterOrDigit(cp: number): boolean {
  if (cp < 0) return false;
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** Where to resume a global unicode search one code point after `at`. */
function nextIndex(text: string, at: number): number {
  return at + ((text.codePointAt(at) as number) > 0xffff ? 2 : 1);
}

/**
 * Is the phrase marked up somewhere as a unit (a link, a bold or italic run, an HTML span) or
 * quoted? Marked-up phrases usually point at a definition on a cover page or in another document;
 * quoted ones are defined in a form the model does not read ("X" has the meaning(s) …), or
 * discussed as names.
 *
 * The tests are, anywhere in the text,
 * `(?:>|\[|\*\*|__|(?<![\p{L}\p{N}*_])[*_])phrase(?:s|['’]s)?(?:<|\]|\*\*|__|[*_](?![\p{L}\p{N}*_]))`
 * and `["“‘]phrase[,.]?["”’]`. The opener is one or two characters, so every occurrence of the phrase
 * is found first, in one literal search (fast) for both, and a whole pattern is then tried, anchored,
 * just before it.
 */
function markedUpOrQuoted(textView: string, phrase: string): boolean {
  let markedUp: RegExp | undefined;
  let quoted: RegExp | undefined;
  const core = new RegExp(wordsRe(phrase), 'gu');
  for (let m = core.exec(textView); m !== null; m = core.exec(textView)) {
    // Every opener ends with one of these characters: > [ * _ for markup, " “ ‘ for quotes.
    const before = m.index > 0 ? textView.charCodeAt(m.index - 1) : -1;
    if (before === 62 || before === 91 || before === 42 || before === 95) {
      markedUp ??= new RegExp(
        `(?:>|\\[|\\*\\*|__|(?<![\\p{L}\\p{N}*_])[*_])${wordsRe(phrase)}(?:s|['’]s)?(?:<|\\]|\\*\\*|__|[*_](?![\\p{L}\\p{N}*_]))`,
        'uy',
      );
      for (const back of [1, 2]) {
        if (m.index < back) break;
        markedUp.lastIndex = m.index - back;
        if (markedUp.test(textView)) return true;
      }
    } else if (before === 34 || before === 0x201c || before === 0x2018) {
      quoted ??= new RegExp(`["“‘]${wordsRe(phrase)}[,.]?["”’]`, 'uy');
      quoted.lastIndex = m.index - 1;
      if (quoted.test(textView)) return true;
    }
    core.lastIndex = nextIndex(textView, m.index);
  }
  return false;
}

/** The code point at `at` (-1 at the end). */
function codePointAt(text: string, at: number): number {
  return at < text.length ? (text.codePointAt(at) as number) : -1;
}

/**
 * `(?<![\p{L}\p{N}])phrase(?![\p{L}\p{N}])`, case-insensitive. The phrase part can match only one
 * way at a given start (words joined by `\s+`), so both lookarounds are checked by hand: the regex
 * without them compiles and runs much faster.
 */
function containsWords(haystack: Labels, phrase: string): boolean {
  if (haystack.lower !== undefined && isAscii(phrase)) return containsAsciiWords(haystack, phrase);
  const text = haystack.text;
  const re = new RegExp(wordsRe(phrase), 'giu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (isWordBoundedAt(text, m.index, m.index + m[0].length)) return true;
    re.lastIndex = nextIndex(text, m.index);
  }
  return false;
}

function isWordBoundedAt(text: string, start: number, end: number): boolean {
  return !isLetterOrDigit(codePointBefore(text, start)) && !isLetterOrDigit(codePointAt(text, end));
}

/**
 * `containsWords` for an ASCII phrase in ASCII labels, without compiling a regex per phrase: case
 * folding is then lower-casing, and a whitespace run of the phrase (`\s+`) matches exactly the one
 * space the labels have at each of their whitespace runs.
 */
function containsAsciiWords(haystack: Labels, phrase: string): boolean {
  const lower = haystack.lower as string;
  const needle = phrase.replace(/\s+/g, ' ').toLowerCase();
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    if (isWordBoundedAt(haystack.text, at, at + needle.length)) return true;
  }
  return false;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

export const undefinedTerm: Rule<UndefinedTermOptions> = {
  id: 'undefined-term',
  description: 'A capitalised phrase used like a defined term that the agreement never defines.',
  category: 'definitions',
  defaultSeverity: 'warning',
  messages: {
    undefined:
      '"{term}" is capitalised like a defined term but is not defined ({count}): add a definition ("{term}" means …), or write it in lower case if the ordinary meaning is intended.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minUses: {
          type: 'integer',
          minimum: 1,
          description: 'Report a phrase only when it is used at least this many times.',
        },
        singleWords: {
          type: 'boolean',
          description: 'Also report single capitalised words (noisy: many are names).',
        },
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description: 'Phrases never reported (exact spelling).',
        },
      },
    },
    defaults: { minUses: 2, singleWords: false, ignore: [] },
  },
  rationale: [
    'Capitalising a phrase tells the reader it has a defined meaning. If the agreement never defines it, each party can',
    'read it as it likes, and a court will fall back on the ordinary meaning, which may be broader or narrower than the',
    'drafter had in mind. Usually a definition was deleted, renamed ("Licensed Products" became "Covered Products") or',
    'lives in another document. Add the definition, refer to where it is defined, or write the phrase in lower case. The',
    'rule is deliberately cautious: it reports only phrases of two or more words used at least twice (and the terms a licence',
    'is built on — "Confidential Information", "Licensed Products", "Net Sales", "Improvements" — at their first use), and skips section',
    'titles and headings, names of the parties and of other documents ("Order Form", "Privacy Policy"), phrases marked up',
    'as links, and statutes, courts, places and institutions. Each phrase is reported once, at its first use, with its',
    'other uses as related locations. When the agreement says its capitalised terms take their meanings from another agreement',
    '("capitalised terms not defined here have the meanings given in the Purchase Agreement"), nothing is reported: the',
    'definitions are in that document. A definition written "Product(s)" defines "Product" and "Products".',
  ].join(' '),
  examples: {
    invalid: [
      {
        text: 'This Agreement is made between Alpha Ltd ("Alpha") and Beta Inc ("Beta").\n\nWHEREAS Alpha owns patents.\n\n"Licensed Patents" means the patents in Schedule 1.\n\nBeta may sell Covered Products under the Licensed Patents. Beta shall mark all Covered Products.\n',
      },
      {
        text: 'This Agreement is made between Alpha Ltd ("Alpha") and Beta Inc ("Beta").\n\n## 8. Confidentiality\n\n8.1 Each party shall keep the Confidential Information of the other party secret.\n',
        note: 'A key term, used once in an operative clause and never defined.',
      },
    ],
    valid: [
      {
        text: 'This Agreement is made between Alpha Ltd ("Alpha") and Beta Inc ("Beta").\n\nCapitalised terms used but not defined in this Agreement have the meanings given to them in the Asset Purchase Agreement.\n\nBeta may sell Covered Products. Beta shall mark all Covered Products.\n',
        note: 'Terms defined by reference to another agreement.',
      },
      {
        text: 'This Agreement is made between Alpha Ltd ("Alpha") and Beta Inc ("Beta").\n\n"Licensed Product(s)" means the products listed in Schedule 1.\n\nBeta may sell a Licensed Product. Beta shall mark all Licensed Products.\n',
        note: 'A definition written "Product(s)" defines both forms.',
      },
      {
        text: 'This Agreement is made between Alpha Ltd ("Alpha") and Beta Inc ("Beta").\n\nWHEREAS Alpha owns patents.\n\n"Covered Products" means products that practise a Licensed Patent.\n\n"Licensed Patents" means the patents in Schedule 1.\n\nBeta may sell Covered Products. Beta shall mark all Covered Products.\n',
      },
      {
        text: 'This Agreement is made between Alpha Ltd ("Alpha") and Beta Inc ("Beta").\n\nWHEREAS Beta offers a hosted service.\n\nAlpha shall comply with the Acceptable Use Policy. Beta may update the Acceptable Use Policy.\n',
        note: 'Names of other documents are not terms of this one.',
      },
    ],
  },
  check({ model, textView, options, profile, report }) {
    const minUses = options.minUses ?? 2;
    // "Capitalised terms not defined here have the meanings given in the Purchase Agreement":
    // their definitions are in a document this one does not contain.
    if (profile.master.termsByReference) return;
    // "Product(s)" defines "Product" and "Products"; a definition in a table defines its cell.
    const definedForms = new Set<string>();
    for (const d of model.definitions) {
      const bare = d.term.replace(/\((?:s|es|S|ES)\)$/, '');
      if (bare !== d.term)
        for (const form of [bare, `${bare}s`, `${bare}es`, `${bare}S`]) definedForms.add(form.toLowerCase());
    }
    const ignore = new Set(options.ignore ?? []);
    const byPhrase = new Map<string, CandidateTerm[]>();
    for (const c of model.candidateTerms) {
      const list = byPhrase.get(c.text) ?? [];
      list.push(c);
      byPhrase.set(c.text, list);
    }
    if (byPhrase.size === 0) return;
    const labels = labelText(model);
    const partyWords = new Set<string>();
    for (const p of model.parties) {
      for (const name of [p.name, p.shortName]) {
        for (const w of name?.split(/\s+/) ?? [])
          if (/^\p{Lu}/u.test(w)) partyWords.add(w.replace(/[,.'’s]+$/u, '').toLowerCase());
      }
    }
    for (const [phrase, uses] of byPhrase) {
      const words = phrase.split(/\s+/);
      // The terms an agreement is built on are reported at their first use; others once used twice.
      const key = KEY_TERMS.test(phrase);
      if (uses.length < minUses && !key) continue;
      if (words.length < 2 && !options.singleWords && !key) continue;
      if (definedForms.has(phrase.toLowerCase())) continue;
      if (ignore.has(phrase) || PROPER_NOUNS.has(phrase)) continue;
      if (DOCUMENT_WORDS.test(phrase)) continue;
      // A section title or heading ("Section 8.2 (Damages Waiver)" cites a title, not a term).
      if (containsWords(labels, phrase)) continue;
      // Party names and products named after a party ("GitHub Copilot").
      if (partyWords.has((words[0] as string).toLowerCase())) continue;
      if (markedUpOrQuoted(textView, phrase)) continue;
      const [first, ...rest] = uses;
      if (!first) continue;
      const related: RelatedLocation[] = rest
        .slice(0, MAX_RELATED)
        .map((u) => ({ message: `"${phrase}" is also used here`, range: u.range }));
      report({
        messageId: 'undefined',
        data: { term: phrase, count: `${uses.length} use${uses.length === 1 ? '' : 's'}` },
        range: first.range,
        related,
        extra: { term: phrase, uses: uses.length },
      });
    }
  },
};
