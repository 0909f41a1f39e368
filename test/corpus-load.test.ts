import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSections, buildModel, type ContractModel, loadFile } from '../engine/index.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const agreements = [
  ...readdirSync(join(corpus, 'agreements/md')).map((f) => join(corpus, 'agreements/md', f)),
  ...readdirSync(join(corpus, 'agreements/docx')).map((f) => join(corpus, 'agreements/docx', f)),
];
const cuad = readdirSync(join(corpus, 'cuad-dev/txt')).map((f) => join(corpus, 'cuad-dev/txt', f));

/** Every range of the model lies inside the text view and is ordered. */
function checkRanges(model: ContractModel, length: number) {
  const ranges = [
    ...model.paragraphs.map((p) => p.range),
    ...model.paragraphs.flatMap((p) => p.sentences.map((s) => s.range)),
    ...allSections(model.sections).flatMap((s) => [s.range, s.headingRange]),
    ...model.definitions.flatMap((d) => [d.range, d.definitionRange]),
    ...model.termUses.map((u) => u.range),
    ...model.crossReferences.flatMap((r) => [r.range, r.phraseRange]),
    ...model.parties.map((p) => p.range),
    ...model.numbers.map((n) => n.range),
  ];
  for (const r of ranges) {
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeGreaterThanOrEqual(r.start);
    expect(r.end).toBeLessThanOrEqual(length);
  }
}

describe('every shared agreement loads into a model', () => {
  it.each(agreements.map((p) => [p.split('/').pop() as string, p]))('%s', async (_name, path) => {
    const doc = await loadFile(path);
    const model = buildModel(doc);
    expect(model.paragraphs.length).toBeGreaterThan(5);
    expect(allSections(model.sections).length).toBeGreaterThan(0);
    checkRanges(model, doc.textView.length);
  });
});

describe('every CUAD development contract loads into a model', () => {
  it(`all ${cuad.length} files`, async () => {
    let sections = 0;
    let definitions = 0;
    for (const path of cuad) {
      const doc = await loadFile(path);
      const model = buildModel(doc);
      expect(model.paragraphs.length, path).toBeGreaterThan(0);
      checkRanges(model, doc.textView.length);
      sections += allSections(model.sections).length;
      definitions += model.definitions.length;
    }
    // Most EDGAR contracts have numbered sections and quoted definitions; these floors catch a
    // loader or model regression that silently drops them.
    expect(sections / cuad.length).toBeGreaterThan(10);
    expect(definitions / cuad.length).toBeGreaterThan(5);
  });
});
