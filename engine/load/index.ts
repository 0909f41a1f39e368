import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { LoadedDocument, SourceFormat } from '../model/types.js';
import { decodeText } from './decode.js';
import { LoadError } from './errors.js';
import { formatOf, MAX_DOCX_BYTES, MAX_TEXT_BYTES, SUPPORTED_EXTENSIONS } from './inputs.js';
import { loadMarkdown } from './markdown.js';
import type { IncrementalMarkdown } from './markdown-incremental.js';
import { loadPlainText } from './plaintext.js';

export { formatOf, MAX_DOCX_BYTES, MAX_TEXT_BYTES, SUPPORTED_EXTENSIONS } from './inputs.js';

/** Reads and loads a file from disk. Never writes; throws only `LoadError`. */
export async function loadFile(path: string): Promise<LoadedDocument> {
  const format = formatOf(path);
  if (!format) {
    throw new LoadError(
      'unsupported-format',
      path,
      `unsupported file type "${extname(path) || '(none)'}" (expected ${SUPPORTED_EXTENSIONS.join(', ')})`,
    );
  }
  const bytes = await readCapped(path, format === 'docx' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES);
  return loadBytes(bytes, path, format);
}

/** Loads bytes already in memory (stdin, an editor buffer) as the given format. */
export async function loadBytes(
  bytes: Uint8Array,
  path: string,
  format: SourceFormat,
): Promise<LoadedDocument> {
  if (format === 'docx') {
    if (bytes.length > MAX_DOCX_BYTES) throw tooLarge(path, bytes.length, MAX_DOCX_BYTES);
    if (bytes.length === 0) throw new LoadError('empty', path, 'the file is empty (0 bytes)');
    // Loaded on first use: a folder of text and Markdown never pays for the Word pipeline.
    const { loadDocx } = await import('./docx/index.js');
    return loadDocx(bytes, path);
  }
  if (bytes.length > MAX_TEXT_BYTES) throw tooLarge(path, bytes.length, MAX_TEXT_BYTES);
  return loadText(decodeText(bytes, path), path, format);
}

/**
 * Loads text already decoded (an editor buffer). With `markdown`, the document kept from the
 * previous version, a Markdown edit re-parses only the blocks it touched.
 */
export function loadText(
  text: string,
  path: string,
  format: Exclude<SourceFormat, 'docx'>,
  markdown?: IncrementalMarkdown,
): LoadedDocument {
  if (text.length > MAX_TEXT_BYTES) throw tooLarge(path, text.length, MAX_TEXT_BYTES);
  if (text.trim() === '')
    throw new LoadError(
      'empty',
      path,
      text.length === 0 ? 'the file is empty (0 bytes)' : 'the file contains only whitespace',
    );
  if (format === 'markdown')
    return markdown
      ? { path, format, textView: text, blocks: markdown.update(text) }
      : loadMarkdown(text, path);
  return loadPlainText(text, path);
}

async function readCapped(path: string, cap: number): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new LoadError('unreadable', path, 'is a directory');
    size = info.size;
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw new LoadError('unreadable', path, describeFsError(error));
  }
  if (size > cap) throw tooLarge(path, size, cap);
  try {
    // Read at most cap + 1 bytes even if the file grows between stat and read.
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(size, cap) + 1);
      let total = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total >= buffer.length) break;
      }
      if (total > cap) throw tooLarge(path, total, cap);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, total);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw new LoadError('unreadable', path, describeFsError(error));
  }
}

function tooLarge(path: string, size: number, cap: number): LoadError {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return new LoadError('too-large', path, `file is ${mb(size)}, over the ${mb(cap)} limit`);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
