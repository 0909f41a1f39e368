import { crc32, inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { LoadError } from '../errors.js';

/**
 * Safe unzip for .docx files. We parse the central directory ourselves so every limit is checked
 * before a byte is inflated, then inflate with a running byte count because declared sizes lie.
 */

/** Most entries a .docx may list (real documents have tens; thousands means something is off). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Largest uncompressed size of one part we read. */
export const MAX_ENTRY_BYTES = 100 * 1024 * 1024;
/** Largest uncompressed size of all the parts we read, together. */
export const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
/** Highest compression ratio accepted for parts over `RATIO_CHECK_MIN_BYTES` (XML rarely beats 50:1). */
export const MAX_COMPRESSION_RATIO = 200;
/** Parts smaller than this are never ratio-checked (tiny parts compress absurdly well and are harmless). */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/** An OLE compound file: what encrypted Office files and legacy .doc files are. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
// Deflate tops out near 1032:1, so one 16 KB chunk can never produce more than ~17 MB before we check.
const INFLATE_CHUNK = 16 * 1024;

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** Reads and inflates one entry, enforcing the caps; the running total is shared by the archive. */
  read(name: string): Uint8Array | undefined;
}

export function openZip(bytes: Uint8Array, path: string): ZipArchive {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new LoadError(
      'encrypted',
      path,
      'this is an OLE compound file: a password-protected Word document or a legacy .doc, not a .docx',
    );
  }
  const entries = readCentralDirectory(bytes, path);
  let total = 0;
  return {
    entries,
    read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      checkDeclared(entry, total, path);
      const data = inflateEntry(bytes, entry, MAX_TOTAL_BYTES - total, path);
      total += data.length;
      return data;
    },
  };
}

function readCentralDirectory(bytes: Uint8Array, path: string): Map<string, ZipEntry> {
  const eocd = findEocd(bytes);
  if (eocd < 0) {
    if (bytes.length >= 4 && u32(bytes, 0) === SIG_LOCAL) {
      throw new LoadError('corrupt-zip', path, 'the zip archive is truncated (no end of central directory)');
    }
    throw new LoadError('not-a-zip', path, 'not a zip archive, so not a .docx file');
  }
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new LoadError('corrupt-zip', path, 'ZIP64 archives are not supported for .docx files');
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw new LoadError('zip-bomb', path, `the zip lists ${count} entries (limit ${MAX_ZIP_ENTRIES})`);
  }
  if (cdOffset + cdSize > eocd) {
    throw new LoadError('corrupt-zip', path, 'the zip central directory points outside the file');
  }
  const entries = new Map<string, ZipEntry>();
  let at = cdOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL) {
      throw new LoadError('corrupt-zip', path, 'the zip central directory is damaged');
    }
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) {
      throw new LoadError('corrupt-zip', path, 'the zip central directory is damaged');
    }
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Limits checked from the central directory, before inflating anything. */
function checkDeclared(entry: ZipEntry, total: number, path: string): void {
  // Bit 0: traditional encryption; method 99: AES (WinZip).
  if ((entry.flags & 1) !== 0 || entry.method === 99) {
    throw new LoadError('encrypted', path, `zip entry ${entry.name} is encrypted`);
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new LoadError(
      'corrupt-zip',
      path,
      `zip entry ${entry.name} uses unsupported compression ${entry.method}`,
    );
  }
  if (entry.size > MAX_ENTRY_BYTES) {
    throw new LoadError(
      'zip-bomb',
      path,
      `${entry.name} would inflate to ${mb(entry.size)} (limit ${mb(MAX_ENTRY_BYTES)})`,
    );
  }
  if (total + entry.size > MAX_TOTAL_BYTES) {
    throw new LoadError('zip-bomb', path, `the document parts would inflate past ${mb(MAX_TOTAL_BYTES)}`);
  }
  if (entry.size > RATIO_CHECK_MIN_BYTES && entry.size > entry.compressedSize * MAX_COMPRESSION_RATIO) {
    throw new LoadError(
      'zip-bomb',
      path,
      `${entry.name} has a compression ratio over ${MAX_COMPRESSION_RATIO}:1 (${mb(entry.size)} from ${entry.compressedSize} bytes)`,
    );
  }
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number, path: string): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== SIG_LOCAL) {
    throw new LoadError('corrupt-zip', path, `zip entry ${entry.name} has no local header`);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) {
    throw new LoadError('corrupt-zip', path, `zip entry ${entry.name} is truncated`);
  }
  const raw = bytes.subarray(start, end);
  // The declared size is a promise we hold the entry to, on top of the global caps.
  const limit = Math.min(entry.size, MAX_ENTRY_BYTES, budget);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (raw.length !== entry.size) {
      throw new LoadError('corrupt-zip', path, `zip entry ${entry.name} has inconsistent sizes`);
    }
    data = raw;
  } else {
    // Output capped at or under the ratio check's floor can never trip it: inflate in one native
    // call (a tenth of the time for a large document.xml). Bigger parts stream, checked as they grow;
    // so does an empty stream, which zlib refuses and fflate reads as empty.
    data =
      limit <= RATIO_CHECK_MIN_BYTES && raw.length > 0
        ? inflateSmall(raw, limit, entry, path)
        : inflateCapped(raw, limit, entry, path);
  }
  if (data.length !== entry.size) {
    throw new LoadError('corrupt-zip', path, `zip entry ${entry.name} is shorter than declared`);
  }
  if (crc32(data) !== entry.crc) {
    throw new LoadError('corrupt-zip', path, `zip entry ${entry.name} fails its CRC check`);
  }
  return data;
}

function inflateSmall(raw: Uint8Array, limit: number, entry: ZipEntry, path: string): Uint8Array {
  let data: Uint8Array;
  try {
    data = inflateRawSync(raw, { maxOutputLength: Math.max(limit, 1) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw pastCap(entry, path);
    const detail = error instanceof Error ? error.message : String(error);
    throw new LoadError('corrupt-zip', path, `zip entry ${entry.name} does not inflate (${detail})`);
  }
  if (data.length > limit) throw pastCap(entry, path);
  return data;
}

function pastCap(entry: ZipEntry, path: string): LoadError {
  return new LoadError('zip-bomb', path, `${entry.name} inflates past its declared size or the size cap`);
}

function inflateCapped(raw: Uint8Array, limit: number, entry: ZipEntry, path: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let consumed = 0;
  let overflow: LoadError | null = null;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > limit) {
      overflow = pastCap(entry, path);
      throw overflow;
    }
    if (produced > RATIO_CHECK_MIN_BYTES && produced > consumed * MAX_COMPRESSION_RATIO) {
      overflow = new LoadError(
        'zip-bomb',
        path,
        `${entry.name} has a compression ratio over ${MAX_COMPRESSION_RATIO}:1`,
      );
      throw overflow;
    }
    chunks.push(chunk);
  });
  try {
    if (raw.length === 0) inflater.push(raw, true);
    for (let i = 0; i < raw.length; i += INFLATE_CHUNK) {
      const piece = raw.subarray(i, i + INFLATE_CHUNK);
      consumed += piece.length;
      inflater.push(piece, i + INFLATE_CHUNK >= raw.length);
    }
  } catch (error) {
    if (overflow) throw overflow;
    const detail = error instanceof Error ? error.message : String(error);
    throw new LoadError('corrupt-zip', path, `zip entry ${entry.name} does not inflate (${detail})`);
  }
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function findEocd(bytes: Uint8Array): number {
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === SIG_EOCD) return i;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)) >>> 0;
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}
