import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  boundedForThisThread,
  deadlineGuard,
  MAX_BYTES_THIS_THREAD,
  MAX_WORD_XML_THIS_THREAD,
} from '../cli/this-thread.js';
import { repoRoot, runCli } from './helpers/run-cli.js';

// One file is linted on the main thread (cli/this-thread.ts); a worker runs it when the user sets
// a memory budget. Both must give the same report, and a slow file must still stop at its budget.
const dir = mkdtempSync(join(tmpdir(), 'cl-this-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one file on the main thread', () => {
  const files = [
    'fixtures/docx/cross-license-defects.docx',
    'fixtures/markdown/hygiene-defects.md',
    'fixtures/text/edgar-license.txt',
  ].map((file) => join(repoRoot, file));

  it.each(files)('%s: the same report as in a worker', (file) => {
    const here = runCli(['--format', 'json', file]);
    const worker = runCli(['--format', 'json', '--max-file-memory', '1024', file]);
    expect(JSON.parse(here.stdout)[0].messages.length).toBeGreaterThan(0);
    expect(here.stdout).toBe(worker.stdout);
    expect(here.code).toBe(worker.code);
  });

  it('the executable (CommonJS, flags on its first line) reports as `node bin/contract-lint.js` does', () => {
    const file = join(repoRoot, 'fixtures/docx/cross-license-defects.docx');
    const executable = spawnSync(join(repoRoot, 'bin/contract-lint.cjs'), ['--format', 'json', file], {
      encoding: 'utf8',
    });
    const viaNode = runCli(['--format', 'json', file]);
    expect(executable.status).toBe(viaNode.code);
    expect(executable.stdout).toBe(viaNode.stdout);
    expect(JSON.parse(executable.stdout)[0].messages.length).toBeGreaterThan(0);
  });

  it.each([
    ['corrupt.docx', Buffer.from('PK\u0003\u0004 not really a zip'), 'corrupt-zip'],
    ['empty.docx', Buffer.alloc(0), 'empty'],
    ['garbage.docx', Buffer.from('plain text, not a Word file'), 'not-a-zip'],
  ])('a bad Word file alone (%s): its error, naming it, as a worker reports it', (name, bytes, code) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const here = runCli(['--format', 'json', path]);
    const worker = runCli(['--format', 'json', '--max-file-memory', '1024', path]);
    expect(here.code).toBe(1);
    const fatal = JSON.parse(here.stdout)[0].messages.find((m: { fatal?: boolean }) => m.fatal);
    expect(fatal?.code).toBe(code);
    expect(fatal?.message).toContain(path);
    expect(here.stdout).toBe(worker.stdout);
  });

  it('a file over its time budget is stopped, named, and reported as a worker reports it', () => {
    // Nested lists, 60 KB: micromark needs about 26 s (its time grows with the square of the items).
    const slow = join(dir, 'slow.md');
    writeFileSync(slow, '- - x\n'.repeat(10_000));
    const run = runCli(['--format', 'json', '--file-timeout', '1', slow]);
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout);
    const fatal = report.messages.find((m: { fatal?: boolean }) => m.fatal);
    expect(fatal?.code).toBe('time-budget');
    expect(fatal?.message).toContain(slow);
    expect(fatal?.message).toMatch(/stopped after 1 s, the time limit.*Raise the limit with --file-timeout/);
  });
});

describe('which files run on the main thread', () => {
  const word = (xmlBytes: number) =>
    zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(`<w:document>${' '.repeat(xmlBytes)}</w:document>`),
    });

  it('a Word file whose parts come to at most 8 MB of XML, and small text', () => {
    expect(boundedForThisThread(word(1000), 'a.docx')).toBe(true);
    expect(boundedForThisThread(new Uint8Array(1000), 'a.md')).toBe(true);
  });

  it('not a Word file whose parts inflate past 8 MB, nor more than 1 MB of bytes', () => {
    const big = word(MAX_WORD_XML_THIS_THREAD);
    expect(big.length).toBeLessThan(MAX_BYTES_THIS_THREAD);
    expect(boundedForThisThread(big, 'a.docx')).toBe(false);
    expect(boundedForThisThread(new Uint8Array(MAX_BYTES_THIS_THREAD + 1), 'a.md')).toBe(false);
  });

  it('the real Word fixtures all qualify', () => {
    const fixture = readFileSync(join(repoRoot, 'fixtures/docx/style-numbering.docx'));
    expect(boundedForThisThread(fixture, 'style-numbering.docx')).toBe(true);
  });
});

describe('deadlineGuard', () => {
  const stopped = () => new Error('over');

  it('returns what the step returns, and passes its errors on', () => {
    const guard = deadlineGuard(Date.now() + 5000, stopped);
    expect(guard(() => 42)).toBe(42);
    expect(() =>
      guard(() => {
        throw new RangeError('inner');
      }),
    ).toThrow(RangeError);
  });

  it('stops a step that runs past the deadline, with the error given', () => {
    const guard = deadlineGuard(Date.now() + 200, stopped);
    expect(() =>
      guard(() => {
        for (;;);
      }),
    ).toThrow('over');
    // And the thread goes on: a later step runs (and, past the deadline, is refused at once).
    expect(() => guard(() => 1)).toThrow('over');
    expect(deadlineGuard(Date.now() + 5000, stopped)(() => 'after')).toBe('after');
  });
});
