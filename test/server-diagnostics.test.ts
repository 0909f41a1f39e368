import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, LspClient, ROOT } from './helpers/lsp-client.js';

const DEFECTS = join(ROOT, 'fixtures/markdown/cross-license-defects.md');
const CLEAN = join(ROOT, 'fixtures/markdown/patent-cross-license.md');
const defectsText = readFileSync(DEFECTS, 'utf8');

/** Rule ids the fixture's <!-- expect: id --> markers name. */
function expectedRules(text: string): string[] {
  return [...text.matchAll(/<!-- expect: ([a-z-]+) -->/g)].map((m) => m[1] as string).sort();
}

describe('diagnostics pushed to a client without pull support', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ pull: false });
  });
  afterAll(async () => {
    await client.stop();
  });

  it('reports every expected finding with code, docs link, source, severity and related info', async () => {
    const uri = fileUri(DEFECTS);
    await client.open(uri, defectsText);
    const diagnostics = await client.pushedFor(uri, 1);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(expectedRules(defectsText));
    for (const d of diagnostics) {
      expect(d.source).toBe('contract-lint');
      expect(d.codeDescription?.href).toMatch(new RegExp(`/docs/rules/${d.code}\\.md$`));
      expect([1, 2, 3]).toContain(d.severity);
      expect((d.data as { ruleId: string }).ruleId).toBe(d.code);
    }
    const unused = diagnostics.find((d) => d.code === 'unused-definition');
    expect(unused?.tags).toEqual([1]);
    expect(unused?.severity).toBe(3); // info → Information
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-definition');
    expect(duplicate?.relatedInformation?.[0]?.location.uri).toBe(uri);
    expect(duplicate?.relatedInformation?.[0]?.location.range.start.line).toBe(10);
    const mismatch = diagnostics.find((d) => d.code === 'number-word-mismatch');
    expect((mismatch?.data as { fixes: unknown[] } | undefined)?.fixes).toHaveLength(2);
    // Positions: the number/word mismatch underlines "thirty (60)" on line 35.
    expect(mismatch?.range.start.line).toBe(34);
    const line = defectsText.split('\n')[34] as string;
    expect(line.slice(mismatch?.range.start.character, mismatch?.range.end.character)).toBe('thirty (60)');
    await client.close(uri);
  });

  it('re-lints after edits, publishing only the latest version', async () => {
    const uri = fileUri(join(ROOT, 'fixtures/markdown/edited.md'));
    await client.open(uri, defectsText);
    await client.pushedFor(uri, 1);
    // Fix the mismatch in three quick edits; the result must be for the last version.
    const at = defectsText.indexOf('thirty (60)') + 'thirty ('.length;
    const line = defectsText.slice(0, at).split('\n').length - 1;
    const character = at - defectsText.lastIndexOf('\n', at - 1) - 1;
    await client.change(uri, [
      { range: { start: { line, character }, end: { line, character: character + 2 } }, text: '3' },
    ]);
    await client.change(uri, [
      {
        range: { start: { line, character: character + 1 }, end: { line, character: character + 1 } },
        text: '0',
      },
    ]);
    const doc = client.docs.get(uri);
    const diagnostics = await client.pushedFor(uri, doc?.version);
    expect(doc?.doc.getText()).toContain('thirty (30)');
    expect(diagnostics.some((d) => d.code === 'number-word-mismatch')).toBe(false);
    await client.close(uri);
    expect(
      await client.until(() => client.pushed.get(uri)?.diagnostics.length === 0 && true, 5000, 'cleared'),
    ).toBe(true);
  });

  it('applies settings: disabled rules, enable=false', async () => {
    client.settings = { rules: { 'vague-deadline': 'off', 'unused-definition': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = fileUri(join(ROOT, 'fixtures/markdown/settings.md'));
    await client.open(uri, defectsText);
    const diagnostics = await client.pushedFor(uri, 1);
    expect(diagnostics.some((d) => d.code === 'vague-deadline')).toBe(false);
    expect(diagnostics.find((d) => d.code === 'unused-definition')?.severity).toBe(1);
    client.settings = { enable: false };
    client.pushed.delete(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    expect(await client.pushedFor(uri)).toEqual([]);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.close(uri);
  });

  it('requireConfig: no config file found means no diagnostics', async () => {
    client.settings = { requireConfig: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = 'untitled:Untitled-1';
    await client.open(uri, defectsText);
    expect(await client.pushedFor(uri, 1)).toEqual([]);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.close(uri);
  });

  it('run onSave: edits do not re-lint until saved', async () => {
    client.settings = { run: 'onSave' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = fileUri(join(ROOT, 'fixtures/markdown/on-save.md'));
    await client.open(uri, readFileSync(CLEAN, 'utf8'));
    expect(await client.pushedFor(uri, 1)).toEqual([]);
    await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: 'Payment is due within thirty (60) days.\n\n',
      },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(client.pushed.get(uri)?.version).toBe(1);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = await client.pushedFor(uri, 2);
    expect(after.some((d) => d.code === 'number-word-mismatch')).toBe(true);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.close(uri);
  });
});

describe('pull diagnostics', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ pull: true, debounceMs: 150 });
  });
  afterAll(async () => {
    await client.stop();
  });

  it('serves textDocument/diagnostic with result ids and unchanged reports', async () => {
    const uri = fileUri(DEFECTS);
    await client.open(uri, defectsText);
    const first = await client.pull(uri);
    expect(first.kind).toBe('full');
    expect(first.items?.map((d) => d.code).sort()).toEqual(expectedRules(defectsText));
    expect(first.resultId).toBeTruthy();
    const second = await client.pull(uri, first.resultId);
    expect(second).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // An edit: the pull waits for the debounced lint of the new version.
    await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: 'Payment is due within ten (11) days.\n\n',
      },
    ]);
    const third = await client.pull(uri, first.resultId);
    expect(third.kind).toBe('full');
    expect(third.items?.filter((d) => d.code === 'number-word-mismatch')).toHaveLength(2);
    expect(client.pushed.size).toBe(0);
    await client.close(uri);
  });
});
