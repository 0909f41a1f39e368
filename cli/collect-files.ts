import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../engine/index.js';

const EXTENSION_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** Ignore files read in every folder walked, like git does. */
export const IGNORE_FILES = ['.gitignore', '.contractlintignore'];

export interface CollectedFiles {
  files: string[];
  /** Arguments that matched nothing (a typo, a missing file): usage errors. */
  missing: string[];
  /** Files skipped because an ignore file matched them. */
  ignored: number;
}

/**
 * Expands the command line's paths. A file is taken as given (even with an unsupported extension,
 * so the user hears why it was not linted); a folder recurses over agreement files; a glob
 * expands. Files found by walking honour `.gitignore` and `.contractlintignore` in each folder
 * from the working folder down. Output is sorted and de-duplicated, so runs are reproducible.
 */
export async function collectFiles(args: string[], cwd = process.cwd()): Promise<CollectedFiles> {
  const files = new Set<string>();
  const missing: string[] = [];
  const ignores = new IgnoreFiles(cwd);
  let ignored = 0;
  const addWalked = (path: string) => {
    if (ignores.isIgnored(resolve(cwd, path))) ignored++;
    else files.add(path);
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, ignore: ALWAYS_IGNORED, dot: false });
      if (matches.length === 0) missing.push(arg);
      for (const m of matches) addWalked(m);
      continue;
    }
    const info = statOrNull(resolve(cwd, arg));
    if (!info) {
      missing.push(arg);
    } else if (info.isDirectory()) {
      const matches = await glob(EXTENSION_GLOB, {
        cwd: resolve(cwd, arg),
        ignore: ALWAYS_IGNORED,
        caseSensitiveMatch: false,
      });
      for (const m of matches) addWalked(arg === '.' ? m : `${arg.replace(/\/+$/, '')}/${m}`);
    } else {
      files.add(arg);
    }
  }
  return { files: [...files].sort(), missing, ignored };
}

/** Gitignore semantics: each folder's ignore files apply to paths below that folder. */
class IgnoreFiles {
  private readonly byFolder = new Map<string, Ignore | null>();
  private readonly root: string;

  constructor(cwd: string) {
    this.root = resolve(cwd);
  }

  isIgnored(absolute: string): boolean {
    let dir = dirname(absolute);
    const chain: string[] = [];
    // Folders from the file up to the working folder (files outside it only see their own folders).
    for (;;) {
      chain.push(dir);
      if (dir === this.root || dirname(dir) === dir) break;
      if (!dir.startsWith(this.root + sep) && chain.length > 64) break;
      dir = dirname(dir);
    }
    for (const folder of chain) {
      const matcher = this.matcherFor(folder);
      if (!matcher) continue;
      const rel = relative(folder, absolute).split(sep).join('/');
      if (rel && !rel.startsWith('..') && matcher.ignores(rel)) return true;
    }
    return false;
  }

  private matcherFor(folder: string): Ignore | null {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder) ?? null;
    let matcher: Ignore | null = null;
    for (const name of IGNORE_FILES) {
      const text = readSmallFile(join(folder, name));
      if (text === null) continue;
      matcher ??= ignore();
      matcher.add(text);
    }
    this.byFolder.set(folder, matcher);
    return matcher;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function readSmallFile(path: string): string | null {
  try {
    if (statSync(path).size > 1024 * 1024) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
