import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { commentsOf, entries } from './helpers/review-copy.js';
import { runCli } from './helpers/run-cli.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'contract-lint-annotate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Makes a folder unwritable; returns how to undo it, or undefined when that is not possible here. */
function lockFolder(dir: string): (() => void) | undefined {
  const probe = join(dir, '.probe');
  if (process.getuid?.() === 0) {
    if (spawnSync('chattr', ['+i', dir]).status !== 0) return undefined;
  } else chmodSync(dir, 0o555);
  const undo = () => {
    if (process.getuid?.() === 0) spawnSync('chattr', ['-i', dir]);
    else chmodSync(dir, 0o755);
  };
  try {
    writeFileSync(probe, '');
    rmSync(probe);
    undo();
    return undefined;
  } catch {
    return undo;
  }
}

function folder(name: string, files: string[]): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(join(fixtures, f), join(dir, f.split('/').pop() as string));
  return dir;
}

describe('contract-lint annotate', () => {
  it('writes <name>.reviewed.docx beside the original, leaves the original alone, and says what it wrote', () => {
    const dir = folder('beside', ['docx/cross-license-pack-defects.docx']);
    const original = readFileSync(join(dir, 'cross-license-pack-defects.docx'));
    const run = runCli(['annotate', 'cross-license-pack-defects.docx'], { cwd: dir });
    expect(run.stderr).toBe('');
    // Warnings only: exit 0, as lint.
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'cross-license-pack-defects.docx → cross-license-pack-defects.reviewed.docx: 15 comments (15 on the exact words)',
    );
    expect(run.stdout).toContain('1 review copy written: 15 comments');
    expect(readFileSync(join(dir, 'cross-license-pack-defects.docx'))).toEqual(original);
    const copy = new Uint8Array(readFileSync(join(dir, 'cross-license-pack-defects.reviewed.docx')));
    const comments = commentsOf(entries(copy)['word/comments.xml']).filter(
      (c) => c.author === 'contract-lint',
    );
    expect(comments).toHaveLength(15);
    expect(readdirSync(dir).sort()).toEqual([
      'cross-license-pack-defects.docx',
      'cross-license-pack-defects.reviewed.docx',
    ]);
  });

  it('refuses to overwrite a review copy without --force, and overwrites with it', () => {
    const dir = folder('overwrite', ['docx/style-numbering.docx']);
    const out = join(dir, 'style-numbering.reviewed.docx');
    writeFileSync(out, 'a reviewer’s edits');
    const refused = runCli(['annotate', 'style-numbering.docx'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out} already exists (use --force to overwrite it)`);
    expect(readFileSync(out, 'utf8')).toBe('a reviewer’s edits');
    const forced = runCli(['annotate', '--force', 'style-numbering.docx'], { cwd: dir });
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toContain('2 comments');
    // An error finding in the file: exit 1, as lint.
    expect(forced.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Options after "annotate" are annotate's: the rule setting applies.
    const fewer = runCli(
      ['annotate', '--force', '--rule', 'missing-audit-clause:off', 'style-numbering.docx'],
      {
        cwd: dir,
      },
    );
    expect(fewer.stdout).toContain('style-numbering.reviewed.docx: 1 comment (1 on the exact words)');
  });

  it('a batch over a folder (worker pool): skips other files and review copies, reports bad files and goes on', () => {
    const dir = folder('batch', [
      'docx/cross-license-defects.docx',
      'docx/cross-license-one-way.docx',
      'docx/cross-license-pack-defects.docx',
      'docx/numbered-agreement.docx',
      'docx/patent-cross-license.docx',
      'docx/restart-continue.docx',
      'docx/style-numbering.docx',
      'markdown/patent-cross-license.md',
    ]);
    writeFileSync(join(dir, 'broken.docx'), 'this is not a zip');
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(join(dir, 'locked.docx'), ole);
    // Over the loader's 64 MB cap (a sparse file: nothing is written to disk).
    writeFileSync(join(dir, 'huge.docx'), '');
    truncateSync(join(dir, 'huge.docx'), 65 * 1024 * 1024);
    copyFileSync(join(fixtures, 'docx/style-numbering.docx'), join(dir, 'old.reviewed.docx'));
    const out = join(scratch, 'batch-out');
    mkdirSync(out);
    const run = runCli(['annotate', '--redline', '--out-dir', out, '--no-progress', 'batch'], {
      cwd: scratch,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot read batch/broken.docx: not a zip archive');
    expect(run.stderr).toContain('cannot read batch/locked.docx: this is an OLE compound file');
    expect(run.stderr).toContain('cannot read batch/huge.docx: file is 65.0 MB, over the 64.0 MB limit');
    expect(run.stderr).toContain('skipped 2 files that are not a Word .docx or already a review copy');
    expect(run.stdout).toContain('7 review copies written');
    expect(run.stdout).toContain('3 files could not be annotated');
    expect(run.stdout).toMatch(
      /cross-license-defects\.reviewed\.docx: 20 comments \(20 on the exact words\), 1 tracked change\n/,
    );
    expect(readdirSync(out).sort()).toEqual([
      'cross-license-defects.reviewed.docx',
      'cross-license-one-way.reviewed.docx',
      'cross-license-pack-defects.reviewed.docx',
      'numbered-agreement.reviewed.docx',
      'patent-cross-license.reviewed.docx',
      'restart-continue.reviewed.docx',
      'style-numbering.reviewed.docx',
    ]);
    // Nothing was written beside the originals.
    expect(readdirSync(dir).filter((f) => f.endsWith('.reviewed.docx'))).toEqual(['old.reviewed.docx']);
  });

  it('a destination that cannot be written is an error for that file, with no temporary file left', () => {
    const dir = folder('blocked', ['docx/restart-continue.docx']);
    mkdirSync(join(dir, 'restart-continue.reviewed.docx'));
    const run = runCli(['annotate', '--force', 'restart-continue.docx'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write .*restart-continue\.reviewed\.docx: /);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a read-only destination folder is an error for that file, and the batch goes on', (ctx) => {
    const dir = folder('readonly', ['docx/restart-continue.docx', 'docx/style-numbering.docx']);
    const out = join(scratch, 'readonly-out');
    mkdirSync(out);
    // chmod stops everyone but root; root (CI containers) is stopped by the immutable flag.
    const locked = lockFolder(out);
    if (!locked) ctx.skip();
    try {
      const run = runCli(
        ['annotate', '--out-dir', out, 'restart-continue.docx', join(dir, 'style-numbering.docx')],
        {
          cwd: dir,
        },
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /cannot annotate restart-continue\.docx: cannot write .*restart-continue\.reviewed\.docx: permission denied/,
      );
      expect(run.stderr).toContain('style-numbering.docx: cannot write');
      expect(run.stdout).toContain('2 files could not be annotated');
    } finally {
      locked?.();
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('a file over its time or memory budget is stopped and reported; the batch goes on', async () => {
    const dir = folder('budget', ['docx/style-numbering.docx']);
    // 3,000 paragraphs of 25 one-word runs: about 6 s to annotate; the small file needs well under 3 s.
    const words =
      'The Licensee shall pay each invoice within thirty (30) days of receipt of the invoice by the Licensee from Licensor. '.split(
        /(?<= )/,
      );
    const children = Array.from(
      { length: 3000 },
      () => new Paragraph({ children: words.map((w) => new TextRun(w)) }),
    );
    writeFileSync(
      join(dir, 'a-slow.docx'),
      await Packer.toBuffer(new Document({ sections: [{ children }] })),
    );
    const slow = runCli(['annotate', '--file-timeout', '3', 'a-slow.docx', 'style-numbering.docx'], {
      cwd: dir,
    });
    expect(slow.code).toBe(1);
    expect(slow.stderr).toMatch(
      /cannot read a-slow\.docx: stopped after 3 s, the time limit .* Raise the limit with --file-timeout\./,
    );
    expect(slow.stdout).toContain('style-numbering.docx → style-numbering.reviewed.docx: 2 comments');
    expect(existsSync(join(dir, 'a-slow.reviewed.docx'))).toBe(false);
    const big = runCli(['annotate', '--max-file-memory', '16', 'a-slow.docx'], { cwd: dir });
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/cannot read a-slow\.docx: stopped when it needed more than 16 MB of memory/);
  });

  it('usage errors exit 2: no paths, a missing --out-dir, a file that does not exist, nothing to annotate', () => {
    expect(runCli(['annotate']).code).toBe(2);
    const missingOut = runCli([
      'annotate',
      '--out-dir',
      join(scratch, 'nope'),
      'fixtures/docx/style-numbering.docx',
    ]);
    expect(missingOut.code).toBe(2);
    expect(missingOut.stderr).toContain('does not exist');
    const missing = runCli(['annotate', join(scratch, 'no-such.docx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const none = runCli(['annotate', 'fixtures/markdown']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no Word .docx files to annotate');
    expect(statSync(join(fixtures, 'docx')).isDirectory()).toBe(true);
  });
});
