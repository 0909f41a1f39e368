import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocx } from '../engine/load/docx/index.js';
import { CORPUS } from './helpers/corpus.js';

const corpus = `${CORPUS}agreements`;
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as {
  files: Array<{ path: string; docx_features?: { paragraphs: number } }>;
};
const files = readdirSync(join(corpus, 'docx')).filter((f) => f.endsWith('.docx'));

describe('real Word agreements load', () => {
  it('finds the corpus', () => expect(files.length).toBeGreaterThanOrEqual(11));

  for (const file of files) {
    it(file, async () => {
      const path = join(corpus, 'docx', file);
      const doc = await loadDocx(new Uint8Array(readFileSync(path)), path);
      expect(doc.format).toBe('docx');
      expect(doc.textView.trim().length).toBeGreaterThan(1000);
      expect(doc.textView).not.toMatch(/[\uE000\uE001]/);
      expect(doc.textView).not.toMatch(/&#x[0-9a-f]+;/i);
      expect(doc.blocks.length).toBeGreaterThan(20);
      expect(doc.blocks.filter((b) => b.wordParagraph === undefined)).toEqual([]);
      // Every body w:p is indexed, matching the manifest's own paragraph count.
      const expected = manifest.files.find((f) => f.path === `docx/${file}`)?.docx_features?.paragraphs;
      expect(doc.wordParagraphs?.length).toBe(expected);
      for (const span of doc.wordParagraphs ?? []) {
        expect(span.range.start).toBeLessThanOrEqual(span.range.end);
        expect(span.range.end).toBeLessThanOrEqual(doc.textView.length);
      }
      // A block's paragraph span overlaps the block.
      for (const block of doc.blocks) {
        const span = doc.wordParagraphs?.find((s) => s.index === block.wordParagraph);
        expect(span, `span for block ${block.text.slice(0, 30)}`).toBeDefined();
        if (span) {
          expect(span.range.end).toBeGreaterThan(block.range.start);
          expect(span.range.start).toBeLessThanOrEqual(block.range.end);
        }
      }
      expect(doc.comments).toEqual([]);
    });
  }
});
