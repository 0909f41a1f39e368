import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SERVER } from './helpers/lsp-client.js';

const PROBE = join(ROOT, '../shared/nvim-lsp-probe/nvim-lsp-probe');
const FILE = 'fixtures/markdown/cross-license-defects.md';

/** Neovim is installed by the probe on first use (Debian's package); skip only when that is impossible. */
function neovimUnavailable(): string | undefined {
  if (!existsSync(PROBE)) return `the probe is missing (${PROBE})`;
  const has = () => spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).status === 0;
  if (has()) return undefined;
  const install = spawnSync(
    'sh',
    [
      '-c',
      'DEBIAN_FRONTEND=noninteractive apt-get install -y neovim || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y neovim)',
    ],
    {
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (has()) return undefined;
  return `neovim cannot be installed: ${(install.stderr || install.error?.message || 'apt-get failed').trim().split('\n').slice(-2).join(' ')}`;
}

interface ProbeOutput {
  ok: boolean;
  client: string;
  server_capabilities: Record<string, unknown>;
  diagnostics: {
    line: number;
    code: string;
    source: string;
    severity: number;
    message: string;
    codeDescription?: { href: string };
    tags?: number[];
  }[];
  requests: Record<string, { result?: unknown; error?: unknown }>;
}

describe('a second real client: Neovim through nvim-lsp-probe', () => {
  it('shows diagnostics with codes and docs links, hover, definition, references, symbols, links, rename and code actions', async (ctx) => {
    const why = neovimUnavailable();
    if (why) {
      // CI installs Neovim itself: there, not having it is a failure, never a silent skip.
      if (process.env.CONTRACT_LINT_REQUIRE_NVIM) throw new Error(`Neovim is required: ${why}`);
      console.warn(`skipping the Neovim probe: ${why}`);
      ctx.skip();
      return;
    }
    const text = readFileSync(join(ROOT, FILE), 'utf8');
    const expected = [...text.matchAll(/<!-- expect: ([a-z-]+) -->/g)].map((m) => m[1]).sort();
    const lines = text.split('\n');
    const col = (line: number, needle: string) => (lines[line - 1] as string).indexOf(needle) + 2;
    const use = `23:${col(23, 'Licensed Patents')}`;
    const out = execFileSync(
      PROBE,
      [
        '--server',
        `node ${SERVER} --stdio`,
        '--file',
        FILE,
        '--root',
        ROOT,
        '--expect',
        String(expected.length),
        '--settle',
        '400',
        '--hover',
        use,
        '--definition',
        use,
        '--references',
        use,
        '--symbols',
        '--links',
        '--rename',
        `${use}=Covered Patents`,
        '--code-actions',
        `35:${col(35, 'thirty (60)')}`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 90_000 },
    );
    const probe = JSON.parse(out.trim().split('\n').pop() as string) as ProbeOutput;
    expect(probe.ok).toBe(true);
    expect(probe.client).toMatch(/^neovim/);
    expect(probe.diagnostics.map((d) => d.code).sort()).toEqual(expected);
    for (const d of probe.diagnostics) {
      expect(d.source).toBe('contract-lint');
      expect(d.codeDescription?.href).toContain(`/docs/rules/${d.code}.md`);
    }
    const result = (name: string) => probe.requests[name]?.result as never;
    const hover = { result: result('hover') };
    const definition = { result: result('definition') ?? [] };
    const references = { result: result('references') ?? [] };
    const documentSymbol = { result: result('documentSymbol') ?? [] };
    const documentLink = { result: result('documentLink') ?? [] };
    const rename = { result: result('rename') ?? { changes: {} } };
    const codeAction = { result: result('codeAction') ?? [] };
    expect(JSON.stringify(hover.result)).toContain('means the patents listed in Schedule A');
    expect((definition.result as { range: { start: { line: number } } }[])[0]?.range.start.line).toBe(6);
    expect((references.result as unknown[]).length).toBeGreaterThan(3);
    const symbols = documentSymbol.result as { name: string }[];
    expect(symbols.map((s) => s.name)).toContain('Section 1 Definitions');
    expect((documentLink.result as { target: string }[])[0]?.target).toMatch(/#L\d+$/);
    const edits = Object.values((rename.result as { changes: Record<string, unknown[]> }).changes)[0];
    expect(edits?.length).toBeGreaterThan(4);
    const titles = (codeAction.result as { title: string }[]).map((a) => a.title);
    expect(titles).toContain('Write the words as "sixty" (60)');
    expect(titles).toContain('Write the digits as "30" (thirty)');
  }, 120_000);
});
