import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRanges, fileUri, LspClient, ROOT, rangeInside } from './helpers/lsp-client.js';

const ORIGINAL = readFileSync(join(ROOT, 'fixtures/markdown/patent-cross-license.md'), 'utf8');

const FRAGMENTS = [
  '"',
  '“',
  '”',
  "'s",
  'Section 9.9',
  'Sections 1.1 and 2',
  '(the "X")',
  '("Licensed Product")',
  '"Widget" means a thing.',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '😀',
  '\uD83D',
  '<!--',
  '-->',
  '<!-- contract-lint-disable-next-line undefined-term -- x -->',
  '## 9. Termination\n',
  '# ',
  '1.1 ',
  'thirty (60) days',
  'Licensed Patents',
  '|a|b|\n|-|-|\n',
  '**',
  '[',
  ')',
  ' ',
  'Schedule Z',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.constant('')),
});

describe('robustness: random edits through real JSON-RPC never crash the server or leak bad ranges', () => {
  let client: LspClient;
  const uri = fileUri(join(ROOT, 'fixtures/markdown/robustness.md'));
  beforeAll(async () => {
    client = await LspClient.start({ pull: false, debounceMs: 5 });
    await client.open(uri, ORIGINAL);
    await client.pushedFor(uri, 1);
  });
  afterAll(async () => {
    await client.stop();
  });

  it('keeps every diagnostic, symbol, link, fold and answer inside the document', async () => {
    let edits = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 8, maxLength: 30, size: 'max' }),
        fc.array(fc.double({ min: 0, max: 1.05, noNaN: true }), { minLength: 2, maxLength: 2 }),
        async (sequence, probes) => {
          await client.change(uri, [{ text: ORIGINAL }]);
          for (const e of sequence) {
            const open = client.docs.get(uri);
            if (!open) throw new Error('closed');
            const text = open.doc.getText();
            const start = Math.floor(e.at * text.length);
            const end = Math.min(text.length, start + e.length);
            await client.change(uri, [
              { range: { start: open.doc.positionAt(start), end: open.doc.positionAt(end) }, text: e.text },
            ]);
            edits++;
          }
          const open = client.docs.get(uri);
          if (!open) throw new Error('closed');
          const text = open.doc.getText();
          const diagnostics = await client.pushedFor(uri, open.version);
          const answers: unknown[] = [diagnostics];
          const td = { uri };
          answers.push(await client.request('textDocument/documentSymbol', { textDocument: td }));
          answers.push(await client.request('textDocument/documentLink', { textDocument: td }));
          const folds = await client.request<{ startLine: number; endLine: number }[]>(
            'textDocument/foldingRange',
            {
              textDocument: td,
            },
          );
          const lineCount = text.split(/\r\n|\r|\n/).length;
          for (const f of folds) expect(f.startLine <= f.endLine && f.endLine < lineCount).toBe(true);
          for (const p of probes) {
            const offset = Math.floor(p * text.length);
            const position =
              p > 1
                ? { line: lineCount + 3, character: 5 }
                : open.doc.positionAt(Math.min(offset, text.length));
            answers.push(await client.request('textDocument/hover', { textDocument: td, position }));
            answers.push(await client.request('textDocument/definition', { textDocument: td, position }));
            answers.push(
              await client.request('textDocument/references', {
                textDocument: td,
                position,
                context: { includeDeclaration: true },
              }),
            );
            answers.push(await client.request('textDocument/prepareRename', { textDocument: td, position }));
            answers.push(
              await client.request('textDocument/codeAction', {
                textDocument: td,
                range: { start: position, end: position },
                context: { diagnostics: diagnostics.slice(0, 3) },
              }),
            );
          }
          for (const r of collectRanges(answers)) {
            if (!rangeInside(text, r)) throw new Error(`range out of the document: ${JSON.stringify(r)}`);
          }
          expect(client.alive).toBe(true);
        },
      ),
      { numRuns: 100, seed: 4242, endOnFailure: true },
    );
    expect(edits).toBeGreaterThan(1000);
    expect(client.logs.filter((l) => /failed|uncaught|unhandled/.test(l))).toEqual([]);
  }, 110_000);
});
