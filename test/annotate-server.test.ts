import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, ROOT } from './helpers/lsp-client.js';
import { commentsOf, entries } from './helpers/review-copy.js';

/** The editor's "Export Word Review Copy" is this server command; the client only asks and shows. */
const COMMAND = 'contractLint.server.exportReviewCopy';

type Result =
  | { status: 'written'; out: string; outUri: string; comments: number; trackedChanges: number }
  | { status: 'exists'; out: string; outUri: string }
  | { status: 'error'; message: string };

describe('the language server writes Word review copies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contract-lint-export-'));
  let client: LspClient;
  const docx = join(dir, 'deal.docx');
  const out = join(dir, 'deal.reviewed.docx');
  const run = (args: Record<string, unknown>) =>
    client.request<Result>('workspace/executeCommand', { command: COMMAND, arguments: [args] });

  beforeAll(async () => {
    copyFileSync(join(ROOT, 'fixtures/docx/cross-license-defects.docx'), docx);
    writeFileSync(join(dir, 'notes.md'), '# Notes\n');
    client = await LspClient.start({
      pull: true,
      root: dir,
      settings: { rules: { 'vague-deadline': 'off' } },
    });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves other commands alone', async () => {
    expect(
      await client.request<unknown>('workspace/executeCommand', { command: 'nope', arguments: [] }),
    ).toBeNull();
  });

  it('writes <name>.reviewed.docx beside the file with the editor’s settings, tracked changes when asked', async () => {
    // 20 findings on the CLI; the editor setting turns vague-deadline (one finding) off.
    const result = await run({ uri: pathToFileURL(docx).href, redline: true });
    expect(result).toEqual({
      status: 'written',
      out,
      outUri: pathToFileURL(out).href,
      comments: 19,
      trackedChanges: 1,
    });
    const comments = commentsOf(entries(new Uint8Array(readFileSync(out)))['word/comments.xml']);
    expect(comments.filter((c) => c.author === 'contract-lint')).toHaveLength(19);
    expect(comments.some((c) => c.text.includes('vague-deadline'))).toBe(false);
  });

  it('answers "exists" instead of overwriting, and overwrites with force', async () => {
    const before = readFileSync(out);
    expect((await run({ uri: pathToFileURL(docx).href })).status).toBe('exists');
    expect(readFileSync(out)).toEqual(before);
    const forced = await run({ uri: pathToFileURL(docx).href, force: true });
    expect(forced).toMatchObject({ status: 'written', comments: 19, trackedChanges: 0 });
  });

  it('refuses what has no review copy, with a reason', async () => {
    expect(await run({ uri: pathToFileURL(join(dir, 'notes.md')).href })).toEqual({
      status: 'error',
      message: 'only a Word .docx file on disk has a review copy',
    });
    const missing = await run({ uri: pathToFileURL(join(dir, 'gone.docx')).href });
    expect(missing.status).toBe('error');
    expect(missing.status === 'error' && missing.message).toContain('cannot read');
    expect(existsSync(join(dir, 'gone.reviewed.docx'))).toBe(false);
  });
});
