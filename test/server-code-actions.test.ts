import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT } from './helpers/lsp-client.js';

const FIXTURES = ['cross-license-defects.md', 'hygiene-defects.md', 'royalty-license-no-exit.md'];

function counts(diagnostics: Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) out.set(String(d.code), (out.get(String(d.code)) ?? 0) + 1);
  return out;
}

describe('code actions: every quick fix, applied, removes its finding and adds none', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ pull: false });
  });
  afterAll(async () => {
    await client.stop();
  });

  for (const name of FIXTURES) {
    it(name, async () => {
      const original = readFileSync(join(ROOT, 'fixtures/markdown', name), 'utf8');
      const uri = fileUri(join(ROOT, 'fixtures/markdown', `actions-${name}`));
      await client.open(uri, original);
      const before = await client.pushedFor(uri, 1);
      expect(before.length).toBeGreaterThan(0);
      const beforeCounts = counts(before);
      const work: { diagnostic: Diagnostic; action: CodeAction }[] = [];
      for (const diagnostic of before) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        const mine = actions.filter((a) =>
          a.diagnostics?.some((d) => d.code === diagnostic.code && d.message === diagnostic.message),
        );
        // At least the two suppressions for every finding.
        expect(mine.filter((a) => a.title.startsWith('Disable ')).length).toBe(2);
        for (const action of mine) work.push({ diagnostic, action });
      }
      const failures: string[] = [];
      for (const { diagnostic, action } of work) {
        const reset = await client.change(uri, [{ text: original }]);
        await client.pushedFor(uri, reset.version);
        expect(action.edit).toBeDefined();
        const text = await client.applyEdit(action.edit ?? {}, uri);
        const after = await client.pushedFor(uri, client.docs.get(uri)?.version);
        const afterCounts = counts(after);
        const code = String(diagnostic.code);
        if ((afterCounts.get(code) ?? 0) >= (beforeCounts.get(code) ?? 0))
          failures.push(`${action.title}: ${code} still reported`);
        for (const [id, n] of afterCounts)
          if (n > (beforeCounts.get(id) ?? 0))
            failures.push(
              `${action.title}: added ${id} ${JSON.stringify(after.filter((d) => d.code === id).map((d) => d.message))}`,
            );
        if (text === original) failures.push(`${action.title}: changed nothing`);
      }
      expect(failures).toEqual([]);
      // The expected kinds of actions are offered.
      const titles = work.map((w) => w.action.title);
      if (name === 'cross-license-defects.md') {
        expect(titles).toContain('Write the words as "sixty" (60)');
        expect(titles).toContain('Write the digits as "30" (thirty)');
        expect(titles).toContain('Add a definition of "Disputed Amount" to the definitions');
        expect(titles.some((t) => /cure period/i.test(t))).toBe(true);
        expect(titles.some((t) => /effects of termination/i.test(t))).toBe(true);
        expect(titles.some((t) => /definition of "Improvement"/.test(t))).toBe(true);
      }
      if (name === 'royalty-license-no-exit.md') {
        expect(titles.some((t) => /term and termination/i.test(t))).toBe(true);
        expect(titles.some((t) => /audit clause/i.test(t))).toBe(true);
        expect(titles.some((t) => /improvements clause/i.test(t))).toBe(true);
      }
      await client.close(uri);
    });
  }

  it("fills in the parties' names and numbers the inserted clauses", async () => {
    const original = readFileSync(join(ROOT, 'fixtures/markdown/royalty-license-no-exit.md'), 'utf8');
    const uri = fileUri(join(ROOT, 'fixtures/markdown/actions-names.md'));
    await client.open(uri, original);
    const diagnostics = await client.pushedFor(uri, 1);
    const audit = diagnostics.find((d) => d.code === 'missing-audit-clause');
    expect(audit).toBeDefined();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: audit?.range,
      context: { diagnostics: [audit], only: ['quickfix'] },
    });
    const insert = actions.find((a) => /audit clause/i.test(a.title));
    const text = await client.applyEdit(insert?.edit ?? {}, uri);
    const parties = [...original.matchAll(/\("([A-Z][\w]+)"\)/g)].map((m) => m[1]);
    expect(text).toContain(`${parties[0]} and ${parties[1]} shall each keep`);
    await client.close(uri);
  });

  it('offers source.fixAll.contract-lint only when there are safe fixes, and no edits for Word files', async () => {
    const uri = fileUri(join(ROOT, 'fixtures/markdown/cross-license-defects.md'));
    await client.open(uri, readFileSync(join(ROOT, 'fixtures/markdown/cross-license-defects.md'), 'utf8'));
    await client.pushedFor(uri, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 80, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.contract-lint'] },
    });
    // The defects fixture has no safe fix (each needs a drafter's choice): no fix-all.
    expect(actions).toEqual([]);
    await client.close(uri);

    // A stale suppression is removed by fix-all, and nothing else changes.
    const stale = fileUri(join(ROOT, 'fixtures/markdown/actions-stale-suppression.md'));
    const text = [
      '# Supply Agreement',
      '',
      '<!-- contract-lint-disable-next-line vague-deadline -- agreed in the SOW -->',
      '',
      'The Supplier shall deliver the goods within ten (10) days.',
      '',
      'The Buyer shall pay promptly.',
      '',
    ].join('\n');
    await client.open(stale, text);
    const before = await client.pushedFor(stale, 1);
    expect(before.map((d) => d.code)).toContain('unused-suppression');
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: stale },
      range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.contract-lint'] },
    });
    expect(fixAll).toHaveLength(1);
    const fixed = await client.applyEdit(fixAll[0]?.edit ?? {}, stale);
    expect(fixed).not.toContain('contract-lint-disable');
    expect(fixed).toContain('The Supplier shall deliver');
    const after = await client.pushedFor(stale, client.docs.get(stale)?.version);
    expect(after.map((d) => d.code)).not.toContain('unused-suppression');
    expect(
      after
        .filter((d) => d.code !== 'unused-suppression')
        .map((d) => d.code)
        .sort(),
    ).toEqual(
      before
        .filter((d) => d.code !== 'unused-suppression')
        .map((d) => d.code)
        .sort(),
    );
    await client.close(stale);
    const docx = fileUri(join(ROOT, 'fixtures/docx/cross-license-defects.docx'));
    await client.open(docx, '', 'docx');
    const diagnostics = await client.pushedFor(docx, 1);
    expect(diagnostics.length).toBeGreaterThan(0);
    const docxActions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: docx },
      range: diagnostics[0]?.range,
      context: { diagnostics },
    });
    expect(docxActions).toEqual([]);
    await client.close(docx);
  });
});
