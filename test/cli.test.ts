import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-lint-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('contract-lint CLI (as a process)', () => {
  it('--version prints the package version and exits 0', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs as an executable, with the V8 flags of its first line', () => {
    // As npm's bin link runs it: the first line (env -S node --no-regexp-tier-up …) starts node.
    const bin = join(repoRoot, 'bin', 'contract-lint.js');
    const result = spawnSync(bin, ['--format', 'json', join(repoRoot, 'fixtures')], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.status);
    expect(JSON.parse(result.stdout).length).toBeGreaterThan(5);
    expect(runCli(['--format', 'json', join(repoRoot, 'fixtures')]).stdout).toBe(result.stdout);
  });

  it('--help lists the inspect command and the formats', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('inspect');
    expect(run.stdout).toContain('--format');
  });

  it('an unknown option is a usage error (exit 2)', () => {
    const run = runCli(['--bogus', 'fixtures']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option/);
  });

  it('no paths is a usage error (exit 2)', () => {
    expect(runCli([]).code).toBe(2);
  });

  it('--format json prints ESLint-shaped results for every file in a folder', () => {
    const run = runCli(['--format', 'json', 'fixtures/markdown', 'fixtures/text']);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    const expected = [
      ...readdirSync('fixtures/markdown').map((f) => `fixtures/markdown/${f}`),
      ...readdirSync('fixtures/text').map((f) => `fixtures/text/${f}`),
    ].sort();
    expect(results.map((r) => r.filePath)).toEqual(expected);
    for (const r of results) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount']),
      );
      for (const m of r.messages as Array<Record<string, unknown>>) {
        expect(typeof m.ruleId).toBe('string');
        expect([1, 2]).toContain(m.severity);
        expect(m.line).toBeGreaterThanOrEqual(1);
        expect(m.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('an unreadable file is reported with its path and reason, the others still linted, exit 1', () => {
    const bad = join(dir, 'broken.docx');
    writeFileSync(bad, 'this is not a zip');
    const run = runCli(['--format', 'json', bad, 'fixtures/markdown/patent-cross-license.md']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{
      filePath: string;
      messages: Array<{ message: string; fatal?: boolean }>;
    }>;
    expect(results).toHaveLength(2);
    const broken = results.find((r) => r.filePath === bad);
    expect(broken?.messages[0]?.fatal).toBe(true);
    expect(broken?.messages[0]?.message).toMatch(/^cannot read .*broken\.docx: /);
  });

  it('a missing path is named on stderr and exits 2', () => {
    const run = runCli(['fixtures/does-not-exist.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fixtures/does-not-exist.md');
  });

  it('file names with brackets are names, not globs ("Agreement (1).docx", "NDA (signed) [v2].md")', () => {
    const names = ['Agreement (1).md', 'NDA (signed) [v2].md', 'Terms {final}.md'];
    for (const name of names)
      writeFileSync(join(dir, name), '# Licence\n\nLicensor grants Licensee a licence.\n');
    const run = runCli(['--format', 'json', ...names], { cwd: dir });
    expect(run.stderr).not.toContain('no such file');
    expect(
      JSON.parse(run.stdout)
        .map((f: { filePath: string }) => f.filePath.split('/').pop())
        .sort(),
    ).toEqual([...names].sort());
  });

  it('a folder is not followed through symbolic links out of it, and loops and aliases are harmless', () => {
    const root = join(dir, 'links');
    mkdirSync(join(root, 'deals', 'sub'), { recursive: true });
    writeFileSync(join(root, 'outside-secret.md'), '# Secret\n\nroot:x:0:0\n');
    writeFileSync(join(root, 'deals', 'nda.md'), '# NDA\n\nText.\n');
    symlinkSync(join(root, 'outside-secret.md'), join(root, 'deals', 'passwd.md'));
    symlinkSync('../nda.md', join(root, 'deals', 'sub', 'alias.md'));
    symlinkSync('..', join(root, 'deals', 'sub', 'loop'));
    const run = runCli(['--format', 'json', 'deals'], { cwd: root });
    expect(run.code).toBeLessThan(2);
    expect(JSON.parse(run.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['deals/nda.md']);
    expect(run.stdout).not.toContain('root:x');
    // Named twice (once through a link): linted once.
    const twice = runCli(['--format', 'json', 'deals/nda.md', 'deals/sub/alias.md'], { cwd: root });
    expect(JSON.parse(twice.stdout)).toHaveLength(1);
  });

  it('-o to a place that cannot be written is a usage error naming the file, before any linting', () => {
    for (const target of ['/proc/nonexistent/report.json', join(dir, 'a-file.md', 'report.json')]) {
      writeFileSync(join(dir, 'a-file.md'), '# x\n');
      const run = runCli(['--format', 'json', '-o', target, 'fixtures/markdown/hygiene-defects.md']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`cannot write the report to ${target}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('control characters in a file name are escaped on the terminal, and --threads beyond the cores is clamped', () => {
    const name = 'a\u001b[31mred\u001b[0m.md';
    writeFileSync(join(dir, name), '# Licence\n\nLicensor grants Licensee a licence.\n');
    const run = runCli(['--threads', '64', name], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('a\\x1b[31mred\\x1b[0m.md');
    expect(run.stdout).not.toContain('\u001b');
  });

  it('inspect prints sections, definitions, cross-references and parties for Markdown', () => {
    const run = runCli(['inspect', 'fixtures/markdown/patent-cross-license.md']);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.format).toBe('markdown');
    expect(model.title).toBe('Patent Cross-License Agreement');
    const numbers = JSON.stringify(model.sections);
    for (const n of ['"1"', '"2.1"', '"7.4"']) expect(numbers).toContain(`"number":${n}`);
    expect(
      model.sections.some(
        (s: { attachmentKind?: string; number?: string }) =>
          s.attachmentKind === 'schedule' && s.number === 'A',
      ),
    ).toBe(true);
    const terms = model.definitions.map((d: { term: string }) => d.term);
    expect(terms).toEqual(
      expect.arrayContaining(['Licensed Patents', 'Field of Use', 'Effective Date', 'Northwind', 'Contoso']),
    );
    const netSales = model.definitions.filter((d: { term: string }) => d.term === 'Net Sales');
    expect(netSales.map((d: { style: string }) => d.style).sort()).toEqual(['has-meaning', 'means']);
    const ref = model.crossReferences.find((r: { label: string }) => r.label === '4.2');
    expect(ref).toMatchObject({ kind: 'section', resolved: true, target: 's4.2' });
    expect(
      model.crossReferences.find(
        (r: { label: string; kind: string }) => r.kind === 'schedule' && r.label === 'C',
      ),
    ).toMatchObject({ resolved: true });
    expect(model.parties.map((p: { shortName?: string }) => p.shortName)).toEqual(['Northwind', 'Contoso']);
    // Clause labels and the checklist.
    expect(model.agreement).toBe(true);
    expect(model.crossLicense).toBe(true);
    expect(Object.keys(model.clauses)).toEqual(
      expect.arrayContaining(['license-grant', 'audit', 'termination', 'governing-law']),
    );
    expect(model.paragraphLabels.find((p: { line: number }) => p.line === 51)?.labels).toContain('audit');
    expect(model.checklist.every((c: { status: string }) => c.status === 'present')).toBe(true);
  });

  it('inspect works for EDGAR-style text', () => {
    const run = runCli(['inspect', 'fixtures/text/edgar-license.txt']);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.format).toBe('text');
    const articles = model.sections
      .filter((s: { kind: string }) => s.kind === 'article')
      .map((s: { number: string }) => s.number);
    expect(articles).toEqual(['1', '2', '3', '4', '5']);
    expect(model.crossReferences.find((r: { label: string }) => r.label === '2.1')).toMatchObject({
      resolved: true,
    });
    expect(model.crossReferences.find((r: { kind: string }) => r.kind === 'exhibit')).toMatchObject({
      label: 'A',
      resolved: true,
    });
    expect(model.parties.map((p: { shortName?: string }) => p.shortName)).toEqual(['Licensor', 'Licensee']);
  });

  it('inspect works for Word, with automatic numbering reconstructed', () => {
    const run = runCli(['inspect', 'fixtures/docx/cross-license-defects.docx']);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.format).toBe('docx');
    const numbers = JSON.stringify(model.sections);
    for (const n of ['"2"', '"4.1"', '"7.2"']) expect(numbers).toContain(`"number":${n}`);
    const section = model.sections.find((s: { number?: string }) => s.number === '4');
    expect(section).toMatchObject({ title: 'Payments', wordParagraph: expect.any(Number) });
    expect(model.crossReferences.find((r: { label: string }) => r.label === '6.5')).toMatchObject({
      resolved: false,
    });
    expect(model.parties.map((p: { shortName?: string }) => p.shortName)).toEqual(['Harbor', 'Lumen']);
    const text = runCli(['inspect', '--text', 'fixtures/docx/cross-license-defects.docx']).stdout;
    expect(text).toContain('4.1 Lumen shall pay Harbor');
  });

  it('inspect --text prints the text view, and a bad file exits 2 with its name', () => {
    const run = runCli(['inspect', '--text', 'fixtures/text/edgar-license.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('TECHNOLOGY LICENSE AGREEMENT');
    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '');
    const bad = runCli(['inspect', empty]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`cannot read ${empty}: the file is empty`);
  });
});
