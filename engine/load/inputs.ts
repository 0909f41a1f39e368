import { extname } from 'node:path';
import type { SourceFormat } from '../model/types.js';
import { LoadError } from './errors.js';

// What contract-lint reads and how much of it, without the loaders: the CLI's main thread needs
// this to collect files, and should not pay for the parsers it never runs.

/**
 * Size caps, checked before a byte is parsed. A 300-page agreement is about 1 MB of text, so
 * 8 MB leaves room for long schedules while keeping memory bounded: linting takes about 65× the
 * text size at its peak (measured: a 10 MB Markdown agreement peaked at 650 MB RSS, in 7 s).
 */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.docx': 'docx',
};

/** The extensions contract-lint reads, with their dot. */
export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

export function formatOf(path: string): SourceFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

/** Text every loader refuses: over the cap, or nothing but whitespace. Throws a `LoadError`. */
export function checkText(text: string, path: string): void {
  if (text.length > MAX_TEXT_BYTES) throw tooLarge(path, text.length, MAX_TEXT_BYTES);
  if (text.trim() === '')
    throw new LoadError(
      'empty',
      path,
      text.length === 0 ? 'the file is empty (0 bytes)' : 'the file contains only whitespace',
    );
}

export function tooLarge(path: string, size: number, cap: number): LoadError {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return new LoadError('too-large', path, `file is ${mb(size)}, over the ${mb(cap)} limit`);
}
