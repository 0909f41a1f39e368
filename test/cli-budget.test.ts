import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureMarkdownShape } from '../engine/load/markdown-limits.js';
import { runCli } from './helpers/run-cli.js';

// Hostile Markdown that made the parser's time explode (issue 12). Each is refused by a linear
// pre-check, or stopped by the per-file time budget, and the rest of the batch is reported.
const dir = mkdtempSync(join(tmpdir(), 'cl-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const agreement = file(
  'agreement.md',
  '# Licence Agreement\n\n1. Licensor grants Licensee a non-exclusive licence under the Licensed Patents.\n\n2. This Agreement ends on 31 December 2030.\n',
);

interface JsonMessage {
  fatal?: boolean;
  code?: string;
  message: string;
}
interface JsonReport {
  filePath: string;
  messages: JsonMessage[];
  /** The file's fatal message, if it could not be linted. */
  error?: JsonMessage;
}

function lintJson(args: string[]): { code: number | null; reports: JsonReport[]; stderr: string } {
  const run = runCli(['--format', 'json', '--no-progress', ...args]);
  const reports = (JSON.parse(run.stdout) as JsonReport[]).map((r) => {
    const error = r.messages.find((m) => m.fatal);
    return error ? { ...r, error } : r;
  });
  return { code: run.code, reports, stderr: run.stderr };
}

describe('Markdown shapes that explode the parser are refused before parsing, naming what was found', () => {
  const cases: [string, string, RegExp][] = [
    ['prefix.md', `${'- '.repeat(16_000)}x\n`, /nest 16,000 levels deep \(line 1\)/],
    [
      'indent.md',
      Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- x\n`).join(''),
      /nest 2,000 levels deep/,
    ],
    ['quotes.md', `${'>'.repeat(100_000)}\n`, /nest 100,000 levels deep/],
    ['emphasis.md', `${'*a_'.repeat(50_000)}\n`, /has 100,000 emphasis markers \(\*, _ or ~\)/],
    ['links.md', `${'[a]('.repeat(50_000)}\n`, /has 50,000 opening brackets/],
  ];
  it.each(cases)('%s', (name, text, problem) => {
    const path = file(name, text);
    const { code, reports } = lintJson([path, agreement]);
    expect(code).toBe(1);
    const hostile = reports.find((r) => r.filePath === path);
    expect(hostile?.error?.code).toBe('too-complex');
    expect(hostile?.error?.message).toMatch(problem);
    expect(hostile?.error?.message).toContain(path);
    // The agreement beside it is linted as usual.
    expect(reports.find((r) => r.filePath === agreement)?.error).toBeUndefined();
  });

  it('real agreements are far inside the limits', () => {
    const shape = measureMarkdownShape(
      '# Terms\n\n1. **Grant.** Licensor grants [Licensee](#p) a *non-exclusive* licence.\n   - (a) in the Field;\n     - (i) for the Term.\n\n> Note: see [Schedule 1].\n',
    );
    expect(shape).toMatchObject({ nesting: 3, emphasisRuns: 4, brackets: 1 });
  });
});

describe('a file over its budget is stopped and reported; the batch completes', () => {
  // Sorted first, so every later report waits on it. Nested lists, 60 KB: micromark needs about 26 s (its time grows with the square of the items).
  const slow = file('0-slow.md', '- - x\n'.repeat(10_000));

  it('over the time limit: one error for that file, the JSON report closed, the next file linted', () => {
    const { code, reports } = lintJson(['--file-timeout', '1', slow, agreement]);
    expect(code).toBe(1);
    expect(reports.map((r) => r.filePath)).toEqual([slow, agreement]);
    expect(reports[0]?.error?.code).toBe('time-budget');
    expect(reports[0]?.error?.message).toMatch(/stopped after 1 s, the time limit.*Deeply nested lists/);
    expect(reports[1]?.error).toBeUndefined();
    expect(reports[1]?.messages.length).toBeGreaterThan(0);
  });

  it('over the memory limit: one error for that file', () => {
    const big = file('big.md', `# Agreement\n\n${'The Licensee shall pay the fee. '.repeat(100_000)}\n`);
    const { code, reports } = lintJson(['--max-file-memory', '16', big]);
    expect(code).toBe(1);
    expect(reports[0]?.error?.code).toBe('memory-budget');
    expect(reports[0]?.error?.message).toMatch(/needed more than 16 MB of memory/);
  });

  it('the stylish report prints the summary after a stopped file', () => {
    const run = runCli(['--no-progress', '--file-timeout', '1', slow, agreement]);
    expect(run.stdout).toMatch(/time-budget/);
    expect(run.stdout).toMatch(/✖ \d+ problems? .* in 2 files/);
  });
});
