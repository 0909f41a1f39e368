import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT } from './helpers/lsp-client.js';

interface Report {
  kind: 'full' | 'unchanged';
  uri: string;
  resultId: string;
  items?: Diagnostic[];
}

describe('workspace lint of a folder with Markdown and Word files', () => {
  let client: LspClient;
  let dir: string;
  const reports = async (previous: { uri: string; value: string }[] = []) =>
    (await client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: previous }))
      .items;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contract-lint-ws-'));
    copyFileSync(join(ROOT, 'fixtures/markdown/cross-license-defects.md'), join(dir, 'defects.md'));
    copyFileSync(join(ROOT, 'fixtures/docx/cross-license-defects.docx'), join(dir, 'defects.docx'));
    mkdirSync(join(dir, 'drafts'));
    copyFileSync(join(ROOT, 'fixtures/markdown/hygiene-defects.md'), join(dir, 'drafts/old.md'));
    mkdirSync(join(dir, 'archive'));
    copyFileSync(join(ROOT, 'fixtures/markdown/hygiene-defects.md'), join(dir, 'archive/old.md'));
    mkdirSync(join(dir, 'vendor'));
    copyFileSync(join(ROOT, 'fixtures/markdown/hygiene-defects.md'), join(dir, 'vendor/old.md'));
    writeFileSync(join(dir, '.gitignore'), 'drafts/\n');
    writeFileSync(join(dir, '.contractlintignore'), 'archive/\n');
    writeFileSync(join(dir, '.contractlintrc.json'), JSON.stringify({ root: true, ignore: ['vendor/**'] }));
    client = await LspClient.start({ pull: true, root: dir });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lints every agreement, including the unopened .docx, honouring ignore files and config', async () => {
    const items = await reports();
    const uris = items.map((i) => i.uri).sort();
    expect(uris).toEqual([fileUri(join(dir, 'defects.docx')), fileUri(join(dir, 'defects.md'))]);
    const docx = items.find((i) => i.uri.endsWith('.docx'));
    expect(docx?.items?.length).toBeGreaterThan(5);
    for (const d of docx?.items ?? [])
      expect(d.message).toMatch(/\(Word ¶\d+(, (Section|Article|Schedule) [\w.]+)?\)$/);
    expect(docx?.items?.some((d) => /\(Word ¶\d+, Section \d+\.\d+\)$/.test(String(d.message)))).toBe(true);
    // Progress was reported with begin and end.
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    expect(kinds).toContain('begin');
    expect(kinds).toContain('end');
    // The client was asked to watch .docx and config files.
    const watchers = JSON.stringify(client.registrations);
    expect(watchers).toContain('docx');
    expect(watchers).toContain('.contractlintrc.json');
    // Unchanged reports for what the client already has.
    const again = await reports(items.map((i) => ({ uri: i.uri, value: i.resultId })));
    expect(again.every((i) => i.kind === 'unchanged')).toBe(true);
  });

  it('serves the .docx text view the diagnostics refer to', async () => {
    const uri = fileUri(join(dir, 'defects.docx'));
    const view = await client.request<{
      text: string;
      wordParagraphs: { index: number; start: number; end: number }[];
    }>('contractLint/docxText', { uri });
    expect(view.text).toContain('Field of Use');
    expect(view.wordParagraphs.length).toBeGreaterThan(10);
    const docx = (await reports()).find((i) => i.uri === uri);
    const mismatch = docx?.items?.find((d) => d.code === 'duplicate-definition');
    const lines = view.text.split('\n');
    const line = lines[mismatch?.range.start.line ?? 0] ?? '';
    expect(line.slice(mismatch?.range.start.character, mismatch?.range.end.character)).toBe('Field of Use');
    await expect(
      client.request('contractLint/docxText', { uri: fileUri(join(dir, 'nope.docx')) }),
    ).rejects.toThrow();
  });

  it('re-lints a .docx changed on disk', async () => {
    const uri = fileUri(join(dir, 'defects.docx'));
    const before = await reports();
    const refreshes = client.refreshes;
    copyFileSync(join(ROOT, 'fixtures/docx/patent-cross-license.docx'), join(dir, 'defects.docx'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri, type: 2 }],
    });
    await client.until(() => client.refreshes > refreshes, 10_000, 'refresh');
    const after = await reports(before.map((i) => ({ uri: i.uri, value: i.resultId })));
    const docx = after.find((i) => i.uri === uri);
    expect(docx?.kind).toBe('full');
    expect(docx?.items?.length).toBeLessThan(before.find((i) => i.uri === uri)?.items?.length ?? 0);
    expect(after.find((i) => i.uri.endsWith('.md'))?.kind).toBe('unchanged');
  });

  it('re-lints everything affected when the config changes', async () => {
    writeFileSync(
      join(dir, '.contractlintrc.json'),
      JSON.stringify({ root: true, ignore: ['vendor/**'], rules: { 'duplicate-definition': 'off' } }),
    );
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(join(dir, '.contractlintrc.json')), type: 2 }],
    });
    await client.until(() => client.refreshes > refreshes, 10_000, 'refresh');
    const md = (await reports()).find((i) => i.uri.endsWith('defects.md'));
    expect(md?.items?.some((d) => d.code === 'duplicate-definition')).toBe(false);
    expect(md?.items?.length).toBeGreaterThan(5);
    // An open document follows the new config too.
    const uri = fileUri(join(dir, 'defects.md'));
    await client.open(uri, '"Field of Use" means a.\n\n"Field of Use" means b. The Field of Use is wide.\n');
    const pulled = await client.pull(uri);
    expect(pulled.items?.some((d) => d.code === 'duplicate-definition')).toBe(false);
    await client.close(uri);
  });

  it('reports an invalid config as one diagnostic, in the log, without a popup', async () => {
    writeFileSync(join(dir, '.contractlintrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(join(dir, '.contractlintrc.json')), type: 2 }],
    });
    const uri = fileUri(join(dir, 'defects.md'));
    await client.open(uri, 'Some text.\n');
    const pulled = await client.pull(uri);
    expect(pulled.items?.map((d) => d.code)).toEqual(['invalid-config']);
    expect(client.logs.some((l) => l.startsWith('POPUP'))).toBe(false);
    await client.close(uri);
  });
});
