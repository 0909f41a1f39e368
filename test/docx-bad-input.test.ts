import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDocx, MAX_ZIP_ENTRIES } from '../engine/load/docx/index.js';
import { isLoadError, type LoadErrorCode } from '../engine/load/errors.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const good = new Uint8Array(readFileSync('fixtures/docx/restart-continue.docx'));

async function expectLoadError(bytes: Uint8Array, code: LoadErrorCode, problem: RegExp): Promise<void> {
  const path = `bad/${code}.docx`;
  const error = await loadDocx(bytes, path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isLoadError(error), `expected a LoadError ${code}`).toBe(true);
  if (!isLoadError(error)) return;
  expect(error.code).toBe(code);
  expect(error.message.startsWith(`cannot read ${path}: `)).toBe(true);
  expect(error.problem).toMatch(problem);
  expect(error.message).not.toContain('\n');
}

/** The good fixture with some parts replaced. */
function withParts(parts: Record<string, string>, level: 0 | 6 = 6): Uint8Array {
  const files = unzipSync(good);
  for (const [name, value] of Object.entries(parts)) files[name] = strToU8(value);
  return zipSync(files, { level });
}

/** Offset of a file's central-directory header, to tamper with what the archive declares. */
function centralHeader(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = strToU8(name);
  for (let i = zip.length - 46; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const candidate = zip.subarray(i + 46, i + 46 + nameLength);
    if (nameLength === wanted.length && candidate.every((b, k) => b === wanted[k])) return i;
  }
  throw new Error(`no central header for ${name}`);
}

/** A zip whose word/document.xml is `megabytes` MB of zeros, built in streaming chunks (memory-bounded). */
function zerosZip(megabytes: number): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const entry = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(entry);
  const chunk = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) entry.push(chunk, i === megabytes - 1);
  zip.end();
  const total = out.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

describe('bad .docx input gives a typed LoadError naming the file', () => {
  it('plain text named .docx', () =>
    expectLoadError(strToU8('This is not a Word file.\n'), 'not-a-zip', /not a zip archive/));

  it('random bytes named .docx', () => {
    let seed = 7;
    const bytes = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    return expectLoadError(bytes, 'not-a-zip', /not a zip archive/);
  });

  it('an OLE compound file (encrypted .docx or legacy .doc)', () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return expectLoadError(bytes, 'encrypted', /password-protected.*legacy \.doc/);
  });

  it('zip entries flagged as encrypted', () => {
    const zip = withParts({});
    const at = centralHeader(zip, 'word/document.xml');
    zip[at + 8] = (zip[at + 8] ?? 0) | 1;
    return expectLoadError(zip, 'encrypted', /word\/document\.xml is encrypted/);
  });

  it('a truncated zip', () =>
    expectLoadError(good.subarray(0, good.length >> 1), 'corrupt-zip', /truncated/));

  it('a bad CRC', () => {
    const zip = withParts({});
    const at = centralHeader(zip, 'word/document.xml');
    zip[at + 16] = (zip[at + 16] ?? 0) ^ 0xff;
    return expectLoadError(zip, 'corrupt-zip', /CRC/);
  });

  it('bad deflate data', () => {
    const zip = withParts({});
    const at = centralHeader(zip, 'word/document.xml');
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const local = view.getUint32(at + 42, true);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    zip.fill(0xff, data, data + 40);
    return expectLoadError(
      zip,
      'corrupt-zip',
      /word\/document\.xml (does not inflate|fails its CRC|is shorter)/,
    );
  });

  it('a zip without word/document.xml', () =>
    expectLoadError(
      zipSync({ 'notes.txt': strToU8('hello') }),
      'not-word',
      /^not a Word document \(no word\/document\.xml\)$/,
    ));

  it('a zip bomb declared in the central directory (160 MB of zeros)', () =>
    expectLoadError(zerosZip(160), 'zip-bomb', /word\/document\.xml would inflate to 160 MB/));

  it('a zip bomb by compression ratio (20 MB of zeros)', () =>
    expectLoadError(zerosZip(20), 'zip-bomb', /compression ratio over 200:1/));

  it('a zip bomb that lies about its size is stopped while inflating', () => {
    const zip = zerosZip(20);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(centralHeader(zip, 'word/document.xml') + 24, 1000, true);
    return expectLoadError(zip, 'zip-bomb', /inflates past its declared size/);
  });

  it('too many zip entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`f${i}`] = new Uint8Array(0);
    return expectLoadError(zipSync(files, { level: 0 }), 'zip-bomb', /entries/);
  });

  it('a DOCTYPE with entities in a part', () =>
    expectLoadError(
      withParts({
        'word/document.xml': `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`,
      }),
      'hostile-xml',
      /word\/document\.xml declares a DOCTYPE/,
    ));

  it('a DOCTYPE in another part we read', () =>
    expectLoadError(
      withParts({ 'word/styles.xml': '<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>' }),
      'hostile-xml',
      /word\/styles\.xml/,
    ));

  it('absurdly deep nesting', () =>
    expectLoadError(
      withParts({
        'word/document.xml': `<w:document xmlns:w="${W}">${'<w:b>'.repeat(5000)}${'</w:b>'.repeat(5000)}</w:document>`,
      }),
      'hostile-xml',
      /nests elements deeper/,
    ));

  it('nesting 100,000 deep is refused before the parser can overflow its stack', () =>
    expectLoadError(
      withParts(
        {
          'word/document.xml': `<w:document xmlns:w="${W}">${'<w:b>'.repeat(100_000)}${'</w:b>'.repeat(100_000)}</w:document>`,
        },
        0, // stored: the zip-bomb check would otherwise refuse it first
      ),
      'hostile-xml',
      /nests elements deeper than 256 levels/,
    ));

  it('malformed XML', () =>
    expectLoadError(
      withParts({ 'word/document.xml': `<w:document xmlns:w="${W}"><w:body><w:p></w:body></w:document>` }),
      'invalid-xml',
      /word\/document\.xml is not well-formed XML/,
    ));

  it('a document the converter rejects', () =>
    expectLoadError(
      withParts({ 'word/document.xml': `<w:document xmlns:w="${W}"/>` }),
      'conversion-failed',
      /converter failed/,
    ));

  it('still loads the untouched fixture', async () => {
    const doc = await loadDocx(withParts({}), 'ok.docx');
    expect(doc.textView).toContain('Restarted item');
  });
});
