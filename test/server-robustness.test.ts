import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigResolver, lintDocument, loadText, looksLikeAgreement } from '../engine/index.js';
import { catalog } from '../rules/index.js';
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

// Edits that open a block which can swallow what follows (a comment, a fence), or close one.
const BLOCK_FRAGMENTS = ['\n\n<!-- draft', '-->\n\n', '\n```\n', '\n\n    indented', '\n\n> ', '\n\n1. '];

const blockEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 10 }),
  text: fc.constantFrom(...BLOCK_FRAGMENTS, ...FRAGMENTS),
});

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

  // The same text linted from scratch in this process (no incremental parse, no memos).
  const resolver = new ConfigResolver(catalog);
  const path = join(ROOT, 'fixtures/markdown/robustness.md');
  const rules = resolver.effectiveRules(resolver.forFile(path));
  function coldFindings(text: string): string[] | undefined {
    if (text.trim() === '') return undefined; // an empty buffer gets a load-error diagnostic
    const result = lintDocument(loadText(text, path, 'markdown'), rules);
    // Without a config file, text that does not read like an agreement gets no diagnostics.
    if (!result.model || !looksLikeAgreement(result.model)) return [];
    return result.findings.map((f) => `${f.ruleId}@${f.range.start}-${f.range.end}`).sort();
  }

  it('reports after every edit exactly what a lint from scratch finds', async () => {
    // The server re-parses only the blocks an edit touched and answers unchanged paragraphs from
    // memos; the reference here lints each version from scratch, in this process.
    const other = fileUri(join(ROOT, 'fixtures/markdown/robustness-incremental.md'));
    await client.open(other, ORIGINAL);
    await client.pushedFor(other, 1);
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(blockEdit, { minLength: 1, maxLength: 6 }), async (sequence) => {
        await client.change(other, [{ text: ORIGINAL }]);
        for (const e of sequence) {
          const open = client.docs.get(other);
          if (!open) throw new Error('closed');
          const text = open.doc.getText();
          const start = Math.floor(e.at * text.length);
          const end = Math.min(text.length, start + e.length);
          await client.change(other, [
            { range: { start: open.doc.positionAt(start), end: open.doc.positionAt(end) }, text: e.text },
          ]);
          const diagnostics = await client.pushedFor(other, open.version);
          const cold = coldFindings(open.doc.getText());
          if (!cold) continue;
          const served = diagnostics
            .map((d) => `${d.code}@${open.doc.offsetAt(d.range.start)}-${open.doc.offsetAt(d.range.end)}`)
            .sort();
          expect(served).toEqual(cold);
          compared++;
        }
      }),
      { numRuns: 60, seed: 977, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(100);
    await client.close(other);
  }, 110_000);

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
