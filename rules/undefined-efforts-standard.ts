import type { Rule } from '../engine/lint/rule.js';
import type { RelatedLocation } from '../engine/lint/types.js';
import type { Range } from '../engine/model/types.js';
import { escapeRegExp } from '../engine/text/regexp.js';

export interface UndefinedEffortsStandardOptions {
  standards: string[];
}

const DEFAULT_STANDARDS = [
  'best efforts',
  'reasonable best efforts',
  'reasonable efforts',
  'all reasonable efforts',
  'commercially reasonable efforts',
  'diligent efforts',
  'best endeavours',
  'reasonable endeavours',
  'all reasonable endeavours',
];

const MAX_RELATED = 5;

interface StandardsMatcher {
  /** The standards as whole words. */
  words: RegExp;
  /**
   * The last word of each standard ("efforts", "endeavours"), anywhere: every use has one, and a
   * few words are found much faster than the standards themselves, so most paragraphs stop here.
   */
  gate: RegExp;
}

/** The last matcher built, by its standards: options rarely change between lints, and compiling costs. */
let lastMatcher: { key: string; matcher: StandardsMatcher | null } | undefined;

function standardsMatcher(standards: string[]): StandardsMatcher | null {
  const key = standards.join('\u0000');
  if (lastMatcher?.key !== key) lastMatcher = { key, matcher: buildStandardsMatcher(standards) };
  return lastMatcher.matcher;
}

function buildStandardsMatcher(standards: string[]): StandardsMatcher | null {
  const list = [...new Set(standards.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (list.length === 0) return null;
  list.sort((a, b) => b.length - a.length);
  const body = list.map((s) => escapeRegExp(s).replace(/\s+/g, '\\s+')).join('|');
  return {
    words: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu'),
    gate: new RegExp([...new Set(list.map((s) => escapeRegExp(s.split(/\s+/).at(-1) ?? s)))].join('|'), 'iu'),
  };
}

export const undefinedEffortsStandard: Rule<UndefinedEffortsStandardOptions> = {
  id: 'undefined-efforts-standard',
  description:
    'An efforts standard ("best efforts", "commercially reasonable efforts") used without a definition.',
  category: 'definitions',
  defaultSeverity: 'info',
  messages: {
    undefined:
      '"{standard}" is not defined in this agreement: define what the standard requires (for example a "Commercially Reasonable Efforts" definition) or confirm the standard was chosen deliberately.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        standards: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Efforts standards to look for (case-insensitive). Replaces the default list.',
        },
      },
    },
    defaults: { standards: DEFAULT_STANDARDS },
  },
  rationale: [
    'Efforts standards are among the most litigated words in commercial agreements. Courts read "best efforts",',
    '"reasonable best efforts", "commercially reasonable efforts" and "reasonable efforts" differently, and not consistently',
    'between jurisdictions: best efforts may require a party to act against its own commercial interest, reasonable efforts',
    'usually does not. An agreement that relies on one of them without saying what it requires (the resources, the activities,',
    'the benchmark of a comparable company) leaves the obligation to a judge. Define the standard, or at least make sure the',
    'chosen one is the one the parties meant. The rule reports each undefined standard once, at its first use, and lists the',
    'other uses; it is silent when the agreement defines any term containing "Efforts".',
  ].join(' '),
  examples: {
    invalid: [
      {
        text: 'The Licensee shall use commercially reasonable efforts to commercialise the Licensed Products.\n',
      },
      {
        text: 'The Licensee shall use best efforts to file the patents. The Licensor shall use reasonable efforts to assist. The Licensee shall use best efforts to maintain them.\n',
        findings: 2,
      },
    ],
    valid: [
      {
        text: '"Commercially Reasonable Efforts" means the efforts a similar company would use for a product of similar market potential.\n\nThe Licensee shall use Commercially Reasonable Efforts to commercialise the Licensed Products.\n',
      },
      { text: 'The Licensee shall launch the Licensed Products by 1 June 2027.\n' },
    ],
  },
  check({ model, textView, options, report }) {
    if (model.definitions.some((d) => /\b(?:efforts|endeavou?rs)\b/i.test(d.term))) return;
    const matcher = standardsMatcher(options.standards ?? DEFAULT_STANDARDS);
    if (!matcher) return;
    const re = matcher.words;
    const uses = new Map<string, Range[]>();
    for (const paragraph of model.paragraphs) {
      if (paragraph.kind === 'heading') continue;
      const view = textView.slice(paragraph.range.start, paragraph.range.end);
      if (!matcher.gate.test(view)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(view); m !== null; m = re.exec(view)) {
        const key = m[0].toLowerCase().replace(/\s+/g, ' ');
        const start = paragraph.range.start + m.index;
        const ranges = uses.get(key) ?? [];
        ranges.push({ start, end: start + m[0].length });
        uses.set(key, ranges);
      }
    }
    for (const [standard, ranges] of uses) {
      const [first, ...rest] = ranges;
      if (!first) continue;
      const related: RelatedLocation[] = rest
        .slice(0, MAX_RELATED)
        .map((range) => ({ message: `"${standard}" is also used here`, range }));
      report({
        messageId: 'undefined',
        data: { standard },
        range: first,
        related,
        extra: { standard, uses: ranges.length },
      });
    }
  },
};
