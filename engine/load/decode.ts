import { LoadError } from './errors.js';

const SNIFF_BYTES = 8192;

/**
 * Decodes a text file: UTF-8 (BOM stripped), or UTF-16 with a BOM or without one (Windows tools
 * save "Unicode" text that way: every other byte NUL). Binary data and invalid UTF-8
 * are refused with the reason, never decoded into replacement characters that would then be
 * linted as if the drafter had typed them.
 */
export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new LoadError('empty', path, 'the file is empty (0 bytes)');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  const kind = sniffBinary(bytes);
  if (kind) throw new LoadError('binary', path, `binary data, not text (${kind})`);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    // The native decoder checks the bytes; only a file it refuses is searched for the bad byte.
    return STRICT_UTF8.decode(bytes.subarray(start));
  } catch {
    const bad = firstInvalidUtf8(bytes, start);
    const where =
      bad >= 0
        ? `invalid byte 0x${(bytes[bad] as number).toString(16).padStart(2, '0')} at offset ${bad}`
        : 'invalid bytes';
    throw new LoadError('invalid-encoding', path, `not valid UTF-8 (${where}); save it as UTF-8`);
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

const MAGIC: [string, number[]][] = [
  ['a zip archive; is it a .docx named wrongly?', [0x50, 0x4b, 0x03, 0x04]],
  ['a legacy Office or encrypted Office file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/**
 * UTF-16 without a byte order mark: in the first few KB the NUL bytes sit on one parity only and
 * the other bytes are text (Latin script: the high byte of each unit is NUL).
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const end = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (end < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  let textual = 0;
  for (let i = 0; i < end; i += 2) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] as number;
    if (a === 0) evenNul++;
    if (b === 0) oddNul++;
    const unit = a === 0 ? b : a;
    if (unit >= 0x20 || unit === 9 || unit === 10 || unit === 13) textual++;
  }
  const units = end / 2;
  if (textual < units * 0.95) return null;
  if (oddNul >= units * 0.7 && evenNul === 0) return 'utf-16le';
  if (evenNul >= units * 0.7 && oddNul === 0) return 'utf-16be';
  return null;
}

/** Names the kind of binary file, or returns null for text. */
function sniffBinary(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) return `contains NUL bytes, first at offset ${i}`;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (end > 0 && control / end > 0.1) return 'mostly control characters';
  return null;
}

/** Offset of the first byte that breaks UTF-8, or -1. Linear, no allocation. */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
