import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLoadError, type LoadErrorCode, loadFile } from '../engine/index.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-lint-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectLoadError(
  name: string,
  content: Uint8Array | string,
  code: LoadErrorCode,
  problem: RegExp,
) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const error = await loadFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isLoadError(error), `expected a LoadError for ${name}`).toBe(true);
  if (!isLoadError(error)) return;
  expect(error.code).toBe(code);
  expect(error.message.startsWith(`cannot read ${path}: `)).toBe(true);
  expect(error.problem).toMatch(problem);
  expect(error.message).not.toContain('\n');
}

describe('bad text input gives a typed error naming the file and the problem', () => {
  it('empty file', () => expectLoadError('empty.md', '', 'empty', /empty \(0 bytes\)/));
  it('whitespace only', () => expectLoadError('blank.txt', '  \n\n\t\n', 'empty', /only whitespace/));
  it('binary data named .md (NUL bytes)', () =>
    expectLoadError(
      'image.md',
      new Uint8Array([1, 2, 3, 0, 0, 7, 8, 9, 10, 11]),
      'binary',
      /binary data.*NUL/,
    ));
  it('a PDF named .txt', () =>
    expectLoadError('contract.txt', '%PDF-1.7\n%âãÏÓ\n1 0 obj', 'binary', /a PDF/));
  it('a zip (a .docx renamed) named .md', () =>
    expectLoadError(
      'renamed.md',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]),
      'binary',
      /zip archive/,
    ));
  it('invalid UTF-8 (Latin-1 bytes)', () =>
    expectLoadError(
      'latin1.md',
      Buffer.from('Caf\xe9 agreement', 'latin1'),
      'invalid-encoding',
      /not valid UTF-8 .*0xe9 at offset 3/,
    ));
  it('truncated UTF-8 sequence at the end', () =>
    expectLoadError(
      'truncated.md',
      new Uint8Array([0x41, 0x42, 0xe2, 0x82]),
      'invalid-encoding',
      /offset 2/,
    ));
  it('an unsupported extension', () =>
    expectLoadError('deal.pdf', 'x', 'unsupported-format', /unsupported file type "\.pdf"/));
  it('a missing file', async () => {
    const error = await loadFile(join(dir, 'nope.md')).catch((e: unknown) => e);
    expect(isLoadError(error) && error.code).toBe('unreadable');
    expect(String((error as Error).message)).toMatch(/nope\.md: no such file/);
  });
  it('a directory named .md', async () => {
    mkdirSync(join(dir, 'folder.md'));
    const error = await loadFile(join(dir, 'folder.md')).catch((e: unknown) => e);
    expect(isLoadError(error) && error.code).toBe('unreadable');
    expect(String((error as Error).message)).toMatch(/folder\.md: is a directory/);
  });
  it('a 50 MB Markdown file is refused by size before it is read', () =>
    expectLoadError(
      'huge.md',
      Buffer.alloc(50 * 1024 * 1024, 'a'),
      'too-large',
      /50\.0 MB, over the 8\.0 MB limit/,
    ));
});

describe('text that is fine loads', () => {
  it('UTF-8 with BOM, and UTF-16LE with BOM', async () => {
    writeFileSync(
      join(dir, 'bom.md'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\n\nText é.\n')]),
    );
    const doc = await loadFile(join(dir, 'bom.md'));
    expect(doc.textView.startsWith('# Title')).toBe(true);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Agreement text.\n', 'utf16le')]);
    writeFileSync(join(dir, 'utf16.txt'), utf16);
    expect((await loadFile(join(dir, 'utf16.txt'))).textView).toBe('Agreement text.\n');
  });

  it('UTF-16 without a byte order mark, both byte orders (Windows "Unicode" text)', async () => {
    const text = 'Agreement text: the Licensor grants a licence.\n';
    writeFileSync(join(dir, 'utf16le-nobom.txt'), Buffer.from(text, 'utf16le'));
    expect((await loadFile(join(dir, 'utf16le-nobom.txt'))).textView).toBe(text);
    writeFileSync(join(dir, 'utf16be-nobom.txt'), Buffer.from(text, 'utf16le').swap16());
    expect((await loadFile(join(dir, 'utf16be-nobom.txt'))).textView).toBe(text);
    // Real binary with NUL bytes is still refused.
    writeFileSync(join(dir, 'nul.txt'), Buffer.from([0x41, 0x00, 0x00, 0x00, 0x42, 0x01, 0x02, 0x00, 0x03]));
    await expect(loadFile(join(dir, 'nul.txt'))).rejects.toThrow(/binary data/);
  });
});
