import type { Rule } from '../engine/lint/rule.js';
import { escapeRegExp } from '../engine/text/regexp.js';

export interface VagueDeadlineOptions {
  phrases: string[];
}

const DEFAULT_PHRASES = [
  'promptly',
  'as soon as practicable',
  'as soon as reasonably practicable',
  'as soon as possible',
  'as soon as reasonably possible',
  'in due course',
  'without undue delay',
  'within a reasonable time',
  'within a reasonable period',
  'within a reasonable period of time',
];

const NUMBER_WORD =
  '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an)';
/** "30 days", "thirty (30) business days", "forty-eight hours", "one month". */
const PERIOD = new RegExp(
  `\\b${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD})*\\s*(?:\\(\\s*\\d+\\s*\\)\\s*)?(?:business\\s+|calendar\\s+|working\\s+|banking\\s+)?(?:days?|hours?|weeks?|months?|years?|quarters?)\\b`,
  'i',
);

interface PhraseMatcher {
  /** The phrases as whole words. */
  words: RegExp;
  /** The phrases anywhere, without the word-boundary lookarounds: cheap to run over a paragraph. */
  anywhere: RegExp;
}

/**
 * Where `words` can first match in `view`: the first place a phrase stands at all (`words` tests
 * the word boundaries at every character before it, which costs more than finding the phrase),
 * or -1 when no phrase does and `words` cannot match.
 */
function firstCandidate(matcher: PhraseMatcher, view: string): number {
  const m = matcher.anywhere.exec(view);
  return m === null ? -1 : m.index;
}

/** The last matcher built, by its phrases: options rarely change between lints, and compiling costs. */
let lastMatcher: { key: string; matcher: PhraseMatcher | null } | undefined;

function phraseMatcher(phrases: string[]): PhraseMatcher | null {
  const key = phrases.join('\u0000');
  if (lastMatcher?.key !== key) lastMatcher = { key, matcher: buildPhraseMatcher(phrases) };
  return lastMatcher.matcher;
}

function buildPhraseMatcher(phrases: string[]): PhraseMatcher | null {
  const list = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return null;
  const body = list.map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+')).join('|');
  return {
    words: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu'),
    anywhere: new RegExp(body, 'iu'),
  };
}

export const vagueDeadline: Rule<VagueDeadlineOptions> = {
  id: 'vague-deadline',
  description:
    'An obligation timed with "promptly", "as soon as practicable" or the like, with no number of days.',
  category: 'timing',
  defaultSeverity: 'info',
  messages: {
    vague:
      '"{phrase}" sets no clear deadline: state a period ("within 10 business days") or add an outer limit ("promptly, and in any event within 30 days").',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        phrases: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Phrases treated as vague timing (case-insensitive). Replaces the default list.',
        },
      },
    },
    defaults: { phrases: DEFAULT_PHRASES },
  },
  rationale: [
    'Words such as "promptly", "as soon as practicable" or "in due course" leave the deadline to be argued about after the fact:',
    'what is prompt to one party is late to the other, and a breach is hard to prove.',
    'Where timing matters (notices, reports, payments, cure of a breach) state a number of days, or keep the flexible word',
    'and add an outer limit: "promptly, and in any event within 30 days". A sentence that already names a period is not reported.',
  ].join(' '),
  examples: {
    invalid: [
      { text: 'The Licensee shall promptly notify the Licensor of any infringement.\n' },
      {
        text: 'Each Party shall return the materials as soon as practicable. Disputes will be resolved in due course.\n',
        findings: 2,
      },
    ],
    valid: [
      {
        text: 'The Licensee shall promptly, and in any event within ten (10) days, notify the Licensor of any infringement.\n',
      },
      { text: 'The Licensee shall notify the Licensor within 30 days.\n' },
    ],
  },
  check({ model, textView, options, report }) {
    const matcher = phraseMatcher(options.phrases ?? DEFAULT_PHRASES);
    if (!matcher) return;
    const re = matcher.words;
    for (const paragraph of model.paragraphs) {
      if (paragraph.kind === 'heading') continue;
      // A sentence is a slice of its paragraph: no phrase in the paragraph, none in its sentences.
      if (!matcher.anywhere.test(textView.slice(paragraph.range.start, paragraph.range.end))) continue;
      for (const sentence of paragraph.sentences) {
        const view = textView.slice(sentence.range.start, sentence.range.end);
        const from = firstCandidate(matcher, view);
        if (from < 0) continue;
        re.lastIndex = from;
        if (!re.test(view)) continue;
        if (PERIOD.test(sentence.text) || PERIOD.test(view)) continue;
        re.lastIndex = from;
        for (let m = re.exec(view); m !== null; m = re.exec(view)) {
          const start = sentence.range.start + m.index;
          report({
            messageId: 'vague',
            data: { phrase: m[0].replace(/\s+/g, ' ') },
            range: { start, end: start + m[0].length },
          });
        }
      }
    }
  },
};
