import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../engine/load/markdown.js';
import { IncrementalMarkdown } from '../engine/load/markdown-incremental.js';
import type { Block } from '../engine/model/types.js';

const agreement = readFileSync(
  new URL('../fixtures/markdown/patent-cross-license.md', import.meta.url),
  'utf8',
);

// Pieces that open and close Markdown constructs, so random edits hit the hard cases.
const piece = fc.constantFrom(
  'a',
  'Licensee',
  ' ',
  '\n',
  '\n\n',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<div>',
  '# ',
  '## 3. Term',
  '1. ',
  '- ',
  '* ',
  '    ',
  '> ',
  '|',
  '| a | b |\n| - | - |',
  ':-:',
  '---',
  '===',
  '[^1]',
  '[x]: https://example.com',
  '**',
  '_',
  '\\',
  '&amp;',
  '"Term" means',
);

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 30 }),
  insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/**
 * The blocks without the source text each keeps (Block.source), after checking that it is the
 * block's slice of the text.
 */
function withoutSource(blocks: Block[], text: string): Block[] {
  return blocks.map(({ source, ...block }) => {
    expect(source).toBe(text.slice(block.range.start, block.range.end));
    return block;
  });
}

describe('IncrementalMarkdown', () => {
  it('gives the blocks of a full parse after every random edit', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const doc = new IncrementalMarkdown();
        let text = agreement;
        doc.update(text);
        for (const e of edits) {
          text = apply(text, e);
          expect(withoutSource(doc.update(text), text)).toEqual(markdownBlocks(text));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('re-parses only a window for a one-character edit in a paragraph', () => {
    const doc = new IncrementalMarkdown();
    doc.update(agreement);
    const at = agreement.indexOf('Licensee', agreement.length / 2);
    const edited = `${agreement.slice(0, at)}x${agreement.slice(at)}`;
    expect(withoutSource(doc.update(edited), edited)).toEqual(markdownBlocks(edited));
    expect(doc.lastUpdate).toBe('window');
  });

  it('parses the whole text when an edit opens a fence that swallows what follows', () => {
    const doc = new IncrementalMarkdown();
    doc.update(agreement);
    const at = agreement.indexOf('\n\n', agreement.length / 3) + 2;
    const edited = `${agreement.slice(0, at)}\`\`\`\n${agreement.slice(at)}`;
    expect(withoutSource(doc.update(edited), edited)).toEqual(markdownBlocks(edited));
    expect(doc.lastUpdate).toBe('full');
  });
});
