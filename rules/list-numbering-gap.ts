import type { Rule, RuleReport } from '../engine/lint/rule.js';
import type { Section } from '../engine/model/types.js';

/** How a sibling is numbered; only siblings of the same style are compared. */
type Style = 'decimal' | 'roman-upper' | 'roman-lower' | 'alpha-upper' | 'alpha-lower' | 'digit' | 'other';

interface Numbered {
  section: Section;
  style: Style;
  /** Everything before the last component ("4." for "4.2", "" for "(b)"). */
  prefix: string;
  /** The ordinal of the last component (1-based). */
  ordinal: number;
  /** The number as written, without brackets: "4.2", "b", "IV". */
  plain: string;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(s: string): number | null {
  const lower = s.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(lower)) return null;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const v = ROMAN[lower[i] as string] as number;
    const next = ROMAN[lower[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function toRoman(n: number, upper: boolean): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return upper ? out.toUpperCase() : out;
}

/** Reads a sibling's number; `previous` decides whether "(i)" continues "(h)" or starts a roman list. */
function classify(section: Section, previous: Numbered | undefined): Numbered | null {
  const number = section.number;
  if (number === undefined) return null;
  const bracketed = /^\((.*)\)$/.exec(number.trim());
  const plain = (bracketed ? (bracketed[1] as string) : number.trim()).replace(/\.$/, '');
  if (plain === '') return null;
  const decimal = /^((?:\d+\.)*)(\d+)$/.exec(plain);
  if (decimal) {
    const prefix = decimal[1] as string;
    return {
      section,
      style: prefix === '' && bracketed ? 'digit' : 'decimal',
      prefix,
      ordinal: Number(decimal[2]),
      plain,
    };
  }
  if (/^[A-Za-z]$/.test(plain)) {
    const upper = plain === plain.toUpperCase();
    const alphaStyle: Style = upper ? 'alpha-upper' : 'alpha-lower';
    const ordinal = plain.toLowerCase().charCodeAt(0) - 96;
    const roman = romanValue(plain);
    // "(i)" after "(h)", "(v)" after "(u)", "(x)" after "(w)": letters, not roman numerals.
    const continuesAlpha = previous?.style === alphaStyle && previous.ordinal + 1 === ordinal;
    // A roman "(i)"/"(v)"/"(x)" only when it does not continue letters and (for v, x, l, c) continues numerals.
    if (roman !== null && !continuesAlpha) {
      const romanStyle: Style = upper ? 'roman-upper' : 'roman-lower';
      if (roman === 1 || (previous?.style === romanStyle && previous.ordinal + 1 === roman)) {
        return { section, style: romanStyle, prefix: '', ordinal: roman, plain };
      }
    }
    return { section, style: alphaStyle, prefix: '', ordinal, plain };
  }
  const roman = romanValue(plain);
  if (roman !== null) {
    return {
      section,
      style: plain === plain.toUpperCase() ? 'roman-upper' : 'roman-lower',
      prefix: '',
      ordinal: roman,
      plain,
    };
  }
  return null;
}

function labelFor(n: Numbered, ordinal: number): string {
  let core: string;
  switch (n.style) {
    case 'decimal':
    case 'digit':
      core = `${n.prefix}${ordinal}`;
      break;
    case 'alpha-upper':
      core = String.fromCharCode(64 + ordinal);
      break;
    case 'alpha-lower':
      core = String.fromCharCode(96 + ordinal);
      break;
    case 'roman-upper':
      core = toRoman(ordinal, true);
      break;
    case 'roman-lower':
      core = toRoman(ordinal, false);
      break;
    default:
      core = String(ordinal);
  }
  return n.section.number?.trim().startsWith('(') ? `(${core})` : core;
}

function display(n: Numbered): string {
  const number = n.section.number?.trim().replace(/\.$/, '') ?? n.plain;
  return number;
}

function kindWord(section: Section): string {
  if (section.kind === 'attachment') {
    const k = section.attachmentKind ?? 'attachment';
    return k.charAt(0).toUpperCase() + k.slice(1);
  }
  if (section.kind === 'article') return 'Article';
  if (section.kind === 'clause') return 'Clause';
  return 'Section';
}

const ENUMERATED_TITLE = /^\(?(?:[A-Za-z]{1,2}|\d{1,3}(?:\.\d{1,3})*|[IVXLCivxlc]{1,6})[.)]\s/;

/** Numbers (as written, without brackets, lower case) of every section below `section`. */
function descendantNumbers(section: Section): Set<string> {
  const out = new Set<string>();
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.number !== undefined)
        out.add(
          s.number
            .trim()
            .replace(/^\(|\)$/g, '')
            .replace(/\.$/, '')
            .toLowerCase(),
        );
      walk(s.children);
    }
  };
  walk(section.children);
  return out;
}

/** Group key of a sibling: same kind (and attachment kind) and style. */
function groupKey(n: Numbered): string {
  return `${n.section.kind}:${n.section.attachmentKind ?? ''}:${n.style}`;
}

export const listNumberingGap: Rule = {
  id: 'list-numbering-gap',
  description:
    'A gap or repeat in the numbering of sibling sections, clauses or attachments ("4.1, 4.2, 4.4").',
  category: 'cross-references',
  defaultSeverity: 'warning',
  messages: {
    gap: '{kind} {number} follows {previous}: is {missing} missing? Renumber, or restore the missing {kindLower}.',
    repeat:
      '{kind} {number} repeats the number of the {kindLower} before it: renumber so each {kindLower} has its own number.',
  },
  rationale: [
    'A skipped or repeated number is a sign that a clause was deleted or copied without renumbering. Skips make readers',
    'wonder whether something was removed by mistake; repeats make cross-references ambiguous ("Section 4.3" may point at',
    'either of two sections), and any reference written before the renumbering may now point at the wrong clause. The rule',
    'compares sibling sections of the same numbering style in the section tree (decimal "4.1, 4.2", lettered "(a), (b)",',
    'roman "(i), (ii)", attachments "Exhibit A, Exhibit B"); a list that starts again from the beginning is not reported.',
  ].join(' '),
  examples: {
    invalid: [
      {
        text: '## 4. Payment\n\n4.1 Fees. The Licensee pays the fees.\n\n4.2 Taxes. The Licensee pays the taxes.\n\n4.4 Audit. The Licensor may audit.\n',
      },
      {
        text: '## 2. Licence\n\nThe Licensor grants a licence to:\n\n(a) make the products;\n\n(b) use the products;\n\n(d) sell the products.\n',
      },
    ],
    valid: [
      {
        text: '## 4. Payment\n\n4.1 Fees. The Licensee pays the fees.\n\n4.2 Taxes. The Licensee pays the taxes.\n\n4.3 Audit. The Licensor may audit.\n',
      },
      {
        text: '## 2. Licence\n\nThe licence covers:\n\n(g) design;\n\n(h) manufacture;\n\n(i) sale.\n',
        note: '"(i)" after "(h)" is a letter, not a roman numeral.',
      },
    ],
  },
  check({ model, report }) {
    const visit = (siblings: Section[]) => {
      const last = new Map<string, { numbered: Numbered; index: number }>();
      let previousAny: Numbered | undefined;
      const unreadBefore = unreadCounts(siblings);
      siblings.forEach((section, index) => {
        const n = classify(section, previousAny);
        if (n) {
          const key = groupKey(n);
          const prev = last.get(key);
          // An unnumbered heading in between that starts with its own enumerator ("D. Content") is a
          // number the model did not read: the sequence cannot be judged.
          const unread =
            prev !== undefined && (unreadBefore[index] as number) > (unreadBefore[prev.index + 1] as number);
          if (prev && prev.numbered.prefix === n.prefix && !unread) checkPair(prev.numbered, n, report);
          last.set(key, { numbered: n, index });
          previousAny = n;
        }
        visit(section.children);
      });
    };
    visit(model.sections);
  },
};

/**
 * For each index (and the end), how many of the siblings before it are unnumbered headings that
 * start with an enumerator of their own: the count between two siblings is a subtraction, where a
 * scan of the siblings in between made long lists quadratic.
 */
function unreadCounts(siblings: readonly Section[]): Uint32Array {
  const counts = new Uint32Array(siblings.length + 1);
  siblings.forEach((s, i) => {
    const unread = s.number === undefined && ENUMERATED_TITLE.test(s.title);
    counts[i + 1] = (counts[i] as number) + (unread ? 1 : 0);
  });
  return counts;
}

function checkPair(prev: Numbered, n: Numbered, report: (r: RuleReport) => void): void {
  // In sequence, or a list starting again: the common case, decided before any message is built.
  if (n.ordinal !== prev.ordinal && n.ordinal <= prev.ordinal + 1) return;
  const kind = kindWord(n.section);
  const data = { kind, kindLower: kind.toLowerCase(), number: display(n), previous: display(prev) };
  const range = n.section.headingRange;
  const related = [{ message: `${kind} ${display(prev)}`, range: prev.section.headingRange }];
  if (n.ordinal === prev.ordinal) {
    report({ messageId: 'repeat', data, range, related });
    return;
  }
  // The "missing" number sits one level down (a "(c)" read as the roman numeral 100 and nested): not missing.
  const nested = descendantNumbers(prev.section);
  for (let o = prev.ordinal + 1; o < n.ordinal; o++) {
    if (
      nested.has(
        labelFor(n, o)
          .replace(/^\(|\)$/g, '')
          .toLowerCase(),
      )
    )
      return;
  }
  const first = labelFor(n, prev.ordinal + 1);
  const lastMissing = labelFor(n, n.ordinal - 1);
  const missing = first === lastMissing ? first : `${first} to ${lastMissing}`;
  const range1 = { start: range.start, end: Math.max(range.start + 1, range.end) };
  report({ messageId: 'gap', data: { ...data, missing }, range: range1, related, extra: { missing } });
}
