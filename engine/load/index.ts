import { promises as fsPromises } from 'node:fs';
import { extname } from 'node:path';
import type { LoadedDocument, SourceFormat } from '../model/types.js';
import { type StepGuard, unguarded } from './budget.js';
import { decodeText } from './decode.js';
import { LoadError } from './errors.js';
import { describeFsError } from './fs-errors.js';
import {
  checkText,
  formatOf,
  MAX_DOCX_BYTES,
  MAX_TEXT_BYTES,
  SUPPORTED_EXTENSIONS,
  tooLarge,
} from './inputs.js';

export { formatOf, MAX_DOCX_BYTES, MAX_TEXT_BYTES, SUPPORTED_EXTENSIONS } from './inputs.js';

/** Reads and loads a file from disk. Never writes; throws only `LoadError`. */
export async function loadFile(path: string, guard: StepGuard = unguarded): Promise<LoadedDocument> {
  const format = formatOf(path);
  if (!format) {
    throw new LoadError(
      'unsupported-format',
      path,
      `unsupported file type "${extname(path) || '(none)'}" (expected ${SUPPORTED_EXTENSIONS.join(', ')})`,
    );
  }
  const bytes = await readCapped(path, format === 'docx' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES);
  return loadBytes(bytes, path, format, guard);
}

/** Loads bytes already in memory (stdin, an editor buffer) as the given format. */
export async function loadBytes(
  bytes: Uint8Array,
  path: string,
  format: SourceFormat,
  guard: StepGuard = unguarded,
): Promise<LoadedDocument> {
  if (format === 'docx') {
    if (bytes.length > MAX_DOCX_BYTES) throw tooLarge(path, bytes.length, MAX_DOCX_BYTES);
    if (bytes.length === 0) throw new LoadError('empty', path, 'the file is empty (0 bytes)');
    // Loaded on first use: a folder of text and Markdown never pays for the Word pipeline.
    const { loadDocx } = await import('./docx/index.js');
    return loadDocx(bytes, path, guard);
  }
  if (bytes.length > MAX_TEXT_BYTES) throw tooLarge(path, bytes.length, MAX_TEXT_BYTES);
  const text = decodeText(bytes, path);
  checkText(text, path);
  // Each parser is loaded on first use: a folder of plain text never loads the Markdown one.
  if (format === 'markdown') {
    const [{ loadMarkdown }, { checkMarkdownShape }] = await Promise.all([
      import('./markdown.js'),
      import('./markdown-limits.js'),
    ]);
    return guard(() => {
      checkMarkdownShape(text, path);
      return loadMarkdown(text, path);
    });
  }
  const { loadPlainText } = await import('./plaintext.js');
  return guard(() => loadPlainText(text, path));
}

/** Reads a file of at most `cap` bytes (checked before and while reading). Throws a `LoadError`. */
export async function readCapped(path: string, cap: number): Promise<Uint8Array> {
  // Read through the getter here: in the bundled command line it loads fs/promises only now, and
  // a run that is handed its bytes (a one-file lint) never does.
  const { open, stat } = fsPromises;
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
