import { describe, expect, it } from 'vitest';
import { classifyClauses, sentenceWords } from '../engine/classify/clauses.js';
import { collapseSpaces } from '../engine/classify/sentence-text.js';
import { SENTENCE_WORD, SENTENCE_WORDS_SPACED } from '../engine/classify/sentence-words.js';
import { loadText } from '../engine/load/text.js';
import { buildModel } from '../engine/model/build.js';

/** The regexes the word groups replace, as the readers ran them on a sentence's raw text. */
const GROUP_REGEXES = {
  grant: /grant|licen|covenant|not to /i,
  changes: /improvement|enhancement|modification|derivative|new filing/i,
  royalty: /royalt|share/i,
  omitted: /omitted|supplementally/i,
  exclusiv: /exclusiv/i,
  blanket: /exclusive|nothing/i,
  master: /apitali|subject |ancillary to|entered into |delivered pursuant to|governed by the terms of/i,
} as const;

const TEXT = [
  '## 1. Licence',
  '',
  'Licensor hereby GRANTS Licensee a non-exclusive Licence. Licensee agrees not\nto  sue. No covenant here.',
  '',
  'Licensee shall disclose all Improvements and\u00a0new\u00a0filings. Derivative works are owned by Licensor.',
  '',
  'The Royalties are set out in Schedule B. Each party shall SHARE costs. Nothing else.',
  '',
  'Plain sentence. Another one with licen and enhancement and modification.',
  '',
  'Schedules have been OMITTED. Nothing here is Exclusive. Exclusivity: [ ] Yes [ ] No.',
  '',
  'Capitalized terms have the meanings given in the Purchase Agreement. This Agreement is SUBJECT to it.',
  '',
].join('\n');

function model() {
  return buildModel(loadText(TEXT, 'test.md', 'markdown'));
}

describe('sentence words', () => {
  it('are the same whether or not the model was classified, but for no-break spaces read as spaces', () => {
    const classified = model();
    classifyClauses(classified);
    const scanned = [...sentenceWords(model())];
    const found = [...sentenceWords(classified)];
    expect(found.length).toBe(scanned.length);
    let spaced = 0;
    found.forEach((mask, i) => {
      const own = scanned[i] as number;
      if ((mask & SENTENCE_WORDS_SPACED) === 0) expect(mask).toBe(own);
      else {
        spaced++;
        // A copy with spaces has every word the sentence has, and perhaps more ("new filing").
        expect(mask & own).toBe(own);
      }
    });
    expect(spaced).toBe(1);
  });

  it('cover every sentence the replaced regexes match', () => {
    const m = model();
    classifyClauses(m);
    const words = sentenceWords(m);
    const texts = m.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
    expect(words.length).toBe(texts.length);
    let hits = 0;
    texts.forEach((text, i) => {
      for (const [group, re] of Object.entries(GROUP_REGEXES)) {
        const bit = SENTENCE_WORD[group as keyof typeof GROUP_REGEXES];
        if (re.test(text)) {
          hits++;
          expect(((words[i] as number) & bit) !== 0, `${group} in ${JSON.stringify(text)}`).toBe(true);
        }
      }
    });
    expect(hits).toBeGreaterThan(6);
  });
});

describe('collapseSpaces', () => {
  it('gives every whitespace run as one space, as replacing every run would', () => {
    const alphabet = ' \t\n\r\u00a0\u2003\u200bab.';
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = Math.floor(random() * 14);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const expected = /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ') : text;
      expect(collapseSpaces(text), JSON.stringify(text)).toBe(expected);
    }
  });
});
