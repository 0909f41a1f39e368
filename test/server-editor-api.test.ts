import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT } from './helpers/lsp-client.js';

const SCHEME = 'contractlint-docx';

describe('what the VS Code extension relies on', () => {
  let client: LspClient;
  let dir: string;
  let docxShown: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contract-lint-editor-'));
    copyFileSync(join(ROOT, 'fixtures/markdown/cross-license-defects.md'), join(dir, 'defects.md'));
    copyFileSync(join(ROOT, 'fixtures/docx/cross-license-defects.docx'), join(dir, 'defects.docx'));
    docxShown = `${SCHEME}:${join(dir, 'defects.docx')}.md`;
    client = await LspClient.start({
      pull: true,
      root: dir,
      initializationOptions: { docxScheme: SCHEME, trusted: true },
    });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports an unopened Word file under its text-view URI', async () => {
    const { items } = await client.request<{ items: { uri: string; items?: Diagnostic[] }[] }>(
      'workspace/diagnostic',
      { previousResultIds: [] },
    );
    const uris = items.map((i) => i.uri).sort();
    expect(uris).toEqual([docxShown, fileUri(join(dir, 'defects.md'))].sort());
    expect(items.find((i) => i.uri === docxShown)?.items?.length).toBeGreaterThan(5);
  });

  it('an open text view of a .docx gets diagnostics and hovers, positioned in the text view', async () => {
    const { text } = await client.request<{ text: string }>('contractLint/docxText', { uri: docxShown });
    expect(text).toContain('# 2. License Grants');
    await client.open(docxShown, text, 'markdown');
    const report = (await client.pull(docxShown)) as { items: Diagnostic[] };
    const mismatch = report.items.find((d) => d.code === 'number-word-mismatch');
    expect(mismatch?.message).toMatch(/\(Word ¶\d+, Section 4\.1\)$/);
    const line = text.split('\n')[mismatch?.range.start.line ?? 0] ?? '';
    expect(line.slice(mismatch?.range.start.character, mismatch?.range.end.character)).toBe('thirty (60)');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('2.1 Harbor grants'));
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: docxShown },
      position: { line: at, character: (lines[at] ?? '').lastIndexOf('Territory') + 2 },
    });
    expect(JSON.stringify(hover?.contents)).toContain('worldwide');
    // Word files get navigation, never edits.
    const actions = await client.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri: docxShown },
      range: mismatch?.range,
      context: { diagnostics: mismatch ? [mismatch] : [] },
    });
    expect(JSON.stringify(actions)).not.toContain('"edit"');
  });

  it('serves the clause checklist and the filled-in clause templates', async () => {
    const uri = fileUri(join(dir, 'defects.md'));
    const checklist = await client.request<{ items: { key: string; status: string }[] }>(
      'contractLint/checklist',
      { uri },
    );
    expect(checklist.items.find((i) => i.key === 'audit')?.status).toBe('incomplete');
    expect(checklist.items.find((i) => i.key === 'governing-law')?.status).toBe('present');
    const templates = await client.request<{ id: string; text: string }[]>('contractLint/clauseTemplates', {
      uri,
    });
    expect(templates.map((t) => t.id)).toEqual(expect.arrayContaining(['audit', 'termination']));
    expect(templates.find((t) => t.id === 'audit')?.text).toMatch(/Harbor|Lumen|Party/);
  });

  it('lints the workspace on command', async () => {
    const result = await client.request<{ files: number }>('workspace/executeCommand', {
      command: 'contractLint.server.lintWorkspace',
      arguments: [],
    });
    expect(result.files).toBe(2);
  });
});

describe('an untrusted workspace', () => {
  it('lints only what is opened, nothing in the background', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-lint-untrusted-'));
    copyFileSync(join(ROOT, 'fixtures/markdown/cross-license-defects.md'), join(dir, 'defects.md'));
    const client = await LspClient.start({
      pull: true,
      root: dir,
      initializationOptions: { trusted: false },
    });
    try {
      const { items } = await client.request<{ items: unknown[] }>('workspace/diagnostic', {
        previousResultIds: [],
      });
      expect(items).toEqual([]);
      const uri = fileUri(join(dir, 'defects.md'));
      await client.open(uri, '# Services Agreement\n\nLicensee shall pay promptly.\n');
      const report = (await client.pull(uri)) as { items: Diagnostic[] };
      expect(report.items.some((d) => d.code === 'vague-deadline')).toBe(true);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a folder without agreements or config', () => {
  it('gives ordinary Markdown (a README) no findings; a config file opts it in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-lint-notes-'));
    const client = await LspClient.start({ pull: true, root: dir });
    const readme =
      '# Project notes\n\nWe should promptly fix the build. See Section 9 for etc. and/or details.\n';
    try {
      const uri = fileUri(join(dir, 'README.md'));
      await client.open(uri, readme);
      expect(((await client.pull(uri)) as { items: Diagnostic[] }).items).toEqual([]);
      expect(client.logs.filter((l) => l.startsWith('POPUP'))).toEqual([]);
    } finally {
      await client.stop();
    }
    writeFileSync(join(dir, '.contractlintrc.json'), '{ "root": true }');
    const configured = await LspClient.start({ pull: true, root: dir });
    try {
      const uri = fileUri(join(dir, 'README.md'));
      await configured.open(uri, readme);
      const items = ((await configured.pull(uri)) as { items: Diagnostic[] }).items;
      expect(items.map((d) => d.code)).toContain('vague-deadline');
    } finally {
      await configured.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
