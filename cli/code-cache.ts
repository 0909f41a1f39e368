import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/**
 * Runs a CommonJS bundle with a V8 code cache, so that a short process does not compile the same
 * two megabytes of JavaScript again each time (Node 20 has no module compile cache). The cache is
 * V8's bytecode for the bundle, taken after a first task ran, so it holds the functions that task
 * needed too, not only the top level. It lives in a folder of the temporary directory that only
 * this user can write, keyed by the bundle's file name (which must name its content: a hash), the
 * Node version, the V8 flags the process started with (V8 refuses a cache made under other flags)
 * and a variant name: a rebuild, another Node, `node bin/contract-lint.js` beside the executable
 * (whose first line adds flags) or another kind of run gets its own file rather than taking turns
 * overwriting one. Processes that write the same cache at once each write a whole file and rename it into
 * place. Every cache failure — no folder, a read-only one, a file cut short or corrupt, one V8
 * refuses — only means compiling as without a cache; it never stops the run.
 */
export interface CachedBundle<T> {
  exports: T;
  /** Whether V8 took its compiled code from the cache. */
  fromCache: boolean;
  /** Writes the cache if this load found none V8 accepted; a no-op afterwards and when cached. */
  saveCache(): void;
}

/** CONTRACT_LINT_CODE_CACHE: a folder for the cache, or "off" (no cache). */
const CACHE_SETTING = 'CONTRACT_LINT_CODE_CACHE';

/** A cache file: this tag, the payload's CRC-32 and its length, then V8's cached data. */
const TAG = Buffer.from('clv8');
const HEADER_BYTES = 12;

/** Caches written longer ago than this are removed when a new one is written (earlier builds'). */
const KEEP_MS = 7 * 24 * 3600 * 1000;

/** Runs `file` (CommonJS) as `require` would, with the cache of `variant` in `folder` (if any). */
export function loadCachedBundle<T>(
  file: string,
  variant: string,
  folder: string | undefined,
): CachedBundle<T> {
  const source = readFileSync(file, 'utf8');
  const usable = folder === undefined ? undefined : privateFolder(folder);
  const cacheFile = usable && join(usable, cacheFileName(file, variant, process.execArgv));
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  // The wrapper keeps the bundle's first line first, so stack traces keep their line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  let unsaved = cacheFile !== undefined && !fromCache;
  return {
    exports: module.exports,
    fromCache,
    saveCache() {
      if (!unsaved || !cacheFile) return;
      unsaved = false;
      writeCache(cacheFile, script.createCachedData());
      removeOldCaches(dirname(cacheFile));
    },
  };
}

/**
 * The cache's file name for a bundle, a variant and the command-line flags a process (or thread)
 * runs under (named by their checksum).
 */
export function cacheFileName(bundle: string, variant: string, execArgv: readonly string[]): string {
  const flags = crc32(execArgv.join('\0')).toString(36);
  return `${basename(bundle)}-${variant}-${process.version}-${process.arch}-${flags}.v8cache`;
}

/** The folder for code caches (see CACHE_SETTING), or undefined when caching is off. */
export function codeCacheFolder(): string | undefined {
  const setting = process.env[CACHE_SETTING];
  if (setting === 'off') return undefined;
  return setting || join(tmpdir(), `contract-lint-cache-${process.getuid?.() ?? 'user'}`);
}

/**
 * The folder, made if missing, or undefined when it cannot be used. A folder in a shared
 * temporary directory is used only when it is ours and no one else can write to it: its files
 * become code.
 */
function privateFolder(folder: string): string | undefined {
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch {
    // Already there, or cannot be made: lstat decides.
  }
  try {
    const info = lstatSync(folder);
    if (!info.isDirectory()) return undefined;
    // On Windows (no uids, per-user temporary folder) there is nothing to check.
    if (process.getuid && (info.uid !== process.getuid() || (info.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

function readCache(file: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.length < HEADER_BYTES || !data.subarray(0, 4).equals(TAG)) return undefined;
  const payload = data.subarray(HEADER_BYTES);
  if (data.readUInt32LE(8) !== payload.length || data.readUInt32LE(4) !== crc32(payload)) return undefined;
  return payload;
}

/** Written beside its place and renamed into it: a reader sees a whole file or none. */
function writeCache(file: string, payload: Buffer): void {
  const header = Buffer.alloc(HEADER_BYTES);
  TAG.copy(header);
  header.writeUInt32LE(crc32(payload), 4);
  header.writeUInt32LE(payload.length, 8);
  // Unique to this writer (threads of one process write too); loading worker_threads for a thread
  // id would cost a one-file run that has no threads.
  const partial = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(partial, Buffer.concat([header, payload]), { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written, or it cannot be removed either: the next run compiles, as without.
    }
  }
}

/**
 * Every build leaves its caches behind: those written over a week ago go (one still in use is
 * written again by its next run).
 */
function removeOldCaches(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.v8cache') && !name.endsWith('.tmp')) continue;
    const file = join(folder, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > KEEP_MS) rmSync(file, { force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
