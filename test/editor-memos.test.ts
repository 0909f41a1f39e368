import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { EffectiveRule } from '../engine/config/resolve.js';
import { lintDocument } from '../engine/lint/lint.js';
import { IncrementalMarkdown } from '../engine/load/markdown-incremental.js';
import { loadText } from '../engine/load/text.js';
import { useTextMemos } from '../engine/text/memo.js';
import { catalog } from '../rules/index.js';

// The editor keeps memos between lints (by block text and by sentence, keys kept as they are) and
// re-uses the blocks an edit did not touch. Whatever a typist does, each lint must give what a
// first lint of the same text gives.
const agreement = readFileSync(
  new URL('../fixtures/markdown/patent-cross-license.md', import.meta.url),
  'utf8',
);
const rules: EffectiveRule[] = catalog.rules.map((rule) => ({
  rule,
  severity: rule.defaultSeverity,
  options: (rule.options?.defaults ?? {}) as Record<string, unknown>,
}));

function findingsOf(text: string, parse?: IncrementalMarkdown) {
  const result = lintDocument(loadText(text, '/tmp/agreement.md', 'markdown', parse), rules);
  return result.findings.map((f) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.message}`);
}

const piece = fc.constantFrom(
  'a',
  ' ',
  '.',
  '. The',
  '\n',
  '\n\n',
  '"',
  '"Term" means',
  'Licensee',
  '(',
  ')',
);
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: piece });

describe('lints with the editor’s memos', () => {
  afterAll(() => useTextMemos(false));

  it('give the findings of a first lint after every random edit', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        useTextMemos(true);
        const parse = new IncrementalMarkdown();
        let text = agreement;
        findingsOf(text, parse);
        for (const { at, remove, insert } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(start + remove);
          const edited = findingsOf(text, parse);
          useTextMemos(false);
          const fresh = findingsOf(text);
          useTextMemos(true);
          expect(edited).toEqual(fresh);
        }
      }),
      { numRuns: 40 },
    );
  });
});
