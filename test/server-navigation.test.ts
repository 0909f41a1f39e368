import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT } from './helpers/lsp-client.js';

const AGREEMENT = `# Product Licence Agreement

This Product Licence Agreement is made between Alpha Devices, Inc. ("Alpha") and Beta Systems Ltd. ("Beta").

## 1. Definitions

1.1 "Licensed Product" means each sensor listed in Schedule A.

1.2 "Territory" means the European Union.

## 2. Licence

2.1 Alpha grants Beta a licence to sell Licensed Products in the Territory, subject to Section 3.1.

2.2 Beta shall mark each Licensed Product's packaging with the patent numbers.

## 3. Payment

3.1 Beta shall pay Alpha ten percent (10%) of the price of each Licensed Product sold under Section 2.1.

## Schedule A — Sensors

The sensors listed by Alpha in writing.
`;

function pos(text: string, needle: string, occurrence = 0, delta = 1): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not found: ${needle}`);
  const offset = at + delta;
  const line = text.slice(0, offset).split('\n').length - 1;
  return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}

describe('navigation over the contract model', () => {
  let client: LspClient;
  const uri = fileUri(join(ROOT, 'fixtures/markdown/navigation.md'));
  beforeAll(async () => {
    client = await LspClient.start({ pull: false });
    await client.open(uri, AGREEMENT);
    await client.pushedFor(uri, 1);
  });
  afterAll(async () => {
    await client.stop();
  });

  it('hover on a use shows the definition and where it is', async () => {
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: pos(AGREEMENT, 'Licensed Products in'),
    });
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('Licensed Product');
    expect(value).toContain('means each sensor listed in Schedule A');
    expect(value).toMatch(/line 7/);
  });

  it('go to definition and find references', async () => {
    const defs = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: pos(AGREEMENT, "Licensed Product's"),
    });
    expect(defs).toHaveLength(1);
    expect(defs[0]?.range.start).toEqual(pos(AGREEMENT, '"Licensed Product"', 0, 1));
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: pos(AGREEMENT, 'Licensed Products in'),
      context: { includeDeclaration: true },
    });
    expect(refs.length).toBe(4);
    // Cross-reference: definition jumps to the cited section's heading.
    const target = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: pos(AGREEMENT, 'Section 3.1', 0, 9),
    });
    expect(target[0]?.range.start.line).toBe(pos(AGREEMENT, '3.1 Beta', 0, 0).line);
  });

  it('renames a defined term, keeping plural and possessive endings', async () => {
    const position = pos(AGREEMENT, 'Licensed Products in');
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri },
      position,
    });
    expect(prepared.placeholder).toBe('Licensed Product');
    const notATerm = await client.request<unknown>('textDocument/prepareRename', {
      textDocument: { uri },
      position: pos(AGREEMENT, 'packaging'),
    });
    expect(notATerm).toBeNull();
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position,
      newName: 'Covered Product',
    });
    const text = await client.applyEdit(edit, uri);
    expect(text).toContain('"Covered Product" means');
    expect(text).toContain('sell Covered Products in');
    expect(text).toContain("each Covered Product's packaging");
    expect(text).toContain('each Covered Product sold');
    expect(text).not.toContain('Licensed Product');
    const after = await client.pushedFor(uri, client.docs.get(uri)?.version);
    expect(after.filter((d) => /undefined|unused/.test(String(d.code)))).toEqual([]);
    await client.change(uri, [{ text: AGREEMENT }]);
    await client.pushedFor(uri, client.docs.get(uri)?.version);
  });

  it('document symbols: the numbered outline, hierarchical', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    const names = symbols.map((s) => s.name);
    expect(names).toContain('Section 1 Definitions');
    expect(names.some((n) => n.startsWith('Schedule A'))).toBe(true);
    const licence = symbols.find((s) => s.name === 'Section 2 Licence');
    expect(licence?.children?.map((c) => c.name)).toEqual(['Section 2.1', 'Section 2.2']);
  });

  it('document links: cross-references jump to the heading line', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', {
      textDocument: { uri },
    });
    const toSection31 = links.find((l) => l.range.start.line === pos(AGREEMENT, 'Section 3.1').line);
    expect(toSection31?.target).toBe(`${uri}#L${pos(AGREEMENT, '3.1 Beta', 0, 0).line + 1}`);
    expect(links.some((l) => l.target === `${uri}#L${pos(AGREEMENT, '## Schedule A', 0, 0).line + 1}`)).toBe(
      true,
    );
  });

  it('folding ranges for sections', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri },
    });
    expect(ranges).toContainEqual(
      expect.objectContaining({
        startLine: pos(AGREEMENT, '## 2. Licence', 0, 0).line,
        endLine: pos(AGREEMENT, '2.2 Beta', 0, 0).line,
      }),
    );
  });

  it('works on the shipped agreement too', async () => {
    const text = readFileSync(join(ROOT, 'fixtures/markdown/patent-cross-license.md'), 'utf8');
    const other = fileUri(join(ROOT, 'fixtures/markdown/nav-2.md'));
    await client.open(other, text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: other },
    });
    expect(symbols.length).toBeGreaterThan(3);
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: other },
      position: pos(text, 'Affiliates', 0, 2),
    });
    expect((hover.contents as { value: string }).value).toContain('Affiliate');
    await client.close(other);
  });
});
