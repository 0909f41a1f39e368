import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT } from './helpers/lsp-client.js';

// Loading and linting run on the server's lint threads: a hostile or slow document costs its
// own diagnostics, never the server's answers about other documents (issue 12).
const agreement = readFileSync(join(ROOT, 'fixtures/markdown/cross-license-defects.md'), 'utf8');
// Nested lists: micromark needs about 26 s for these 60 KB; the limit below is 6 s.
const slowText = '- - x\n'.repeat(10_000);

describe('the language server keeps answering while a document is linted', () => {
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contract-lint-budget-'));
    client = await LspClient.start({ root: dir, initializationOptions: { fileTimeout: 6 } });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const symbols = (uri: string) =>
    client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

  it("answers another document's symbols while a slow one is linted; the slow one gets one error", async () => {
    const slow = fileUri(join(dir, 'slow.md'));
    const other = fileUri(join(dir, 'licence.md'));
    await client.open(slow, slowText);
    await client.open(other, agreement);
    const outline = await symbols(other);
    expect(outline.map((s) => s.name).join(' | ')).toMatch(/\w/);
    // The answer came while the slow document was still being read.
    expect(client.pushed.has(slow)).toBe(false);
    const diagnostics = await client.pushedFor(slow);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('time-budget');
    expect(diagnostics[0]?.message).toMatch(/stopped after 6 s, the time limit.*Deeply nested lists/);
    // The thread that was stopped is replaced: the next lint works.
    const again = await client.change(other, [{ text: `${agreement}\n` }]);
    expect((await client.pushedFor(other, again.version)).length).toBeGreaterThan(0);
  });

  it('answers from the last model while the new version of the same document is linted', async () => {
    const uri = fileUri(join(dir, 'growing.md'));
    await client.open(uri, agreement);
    const first = await client.pushedFor(uri, 1);
    expect(first.length).toBeGreaterThan(0);
    const before = await symbols(uri);
    const edited = await client.change(uri, [{ text: `${agreement}\n\n${slowText}` }]);
    // Symbols come from version 1 while version 2 is still being read.
    expect(await symbols(uri)).toEqual(before);
    expect(client.pushed.get(uri)?.version).toBe(1);
    const late = await client.pushedFor(uri, edited.version);
    expect(late.map((d) => d.code)).toEqual(['time-budget']);
  });

  it('refuses parser-exploding Markdown at once with what was found', async () => {
    const uri = fileUri(join(dir, 'emphasis.md'));
    await client.open(uri, `${'*a_'.repeat(50_000)}\n`);
    const diagnostics = await client.pushedFor(uri, 1);
    expect(diagnostics.map((d) => d.code)).toEqual(['too-complex']);
    expect(diagnostics[0]?.message).toMatch(/100,000 emphasis markers/);
  });
});

describe('the language server with a hostile file in the workspace', () => {
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contract-lint-budget-ws-'));
    writeFileSync(join(dir, 'notes.md'), slowText);
    client = await LspClient.start({ root: dir, initializationOptions: { fileTimeout: 6 } });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lints the open contract while the background lint is stuck on the hostile file', async () => {
    const notes = fileUri(join(dir, 'notes.md'));
    const uri = fileUri(join(dir, 'licence.md'));
    await client.open(uri, agreement);
    expect((await client.pushedFor(uri, 1)).length).toBeGreaterThan(0);
    // The workspace lint of notes.md is still running (or queued): its error comes later.
    expect(client.pushed.has(notes)).toBe(false);
    const diagnostics = await client.pushedFor(notes);
    expect(diagnostics.map((d) => d.code)).toEqual(['time-budget']);
  });
});

describe('the language server with a heap limit per document', () => {
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contract-lint-budget-mem-'));
    client = await LspClient.start({ root: dir, initializationOptions: { maxFileMemory: 16 } });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a document that needs more memory gets one error, and the server goes on', async () => {
    const uri = fileUri(join(dir, 'big.md'));
    await client.open(uri, `# Agreement\n\n${'The Licensee shall pay the fee. '.repeat(100_000)}\n`);
    const diagnostics = await client.pushedFor(uri, 1);
    expect(diagnostics.map((d) => d.code)).toEqual(['memory-budget']);
    expect(diagnostics[0]?.message).toMatch(/needed more than 16 MB of memory/);
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
  });
});
