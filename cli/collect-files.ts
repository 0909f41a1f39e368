import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../engine/index.js';

const EXTENSION_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface CollectedFiles {
  files: string[];
  /** Arguments that matched nothing (a typo, a missing file): usage errors. */
  missing: string[];
}

/**
 * Expands the command line's paths: a file is taken as given (even with an unsupported
 * extension, so the user hears why it was not linted), a folder recurses over agreement files,
 * a glob expands. Output is sorted and de-duplicated so runs are reproducible.
 */
export async function collectFiles(args: string[], cwd = process.cwd()): Promise<CollectedFiles> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, absolute: false, ignore: ALWAYS_IGNORED, dot: false });
      if (matches.length === 0) missing.push(arg);
      for (const m of matches) files.add(m);
      continue;
    }
    const info = await stat(resolve(cwd, arg)).catch(() => null);
    if (!info) {
      missing.push(arg);
    } else if (info.isDirectory()) {
      const matches = await glob(EXTENSION_GLOB, {
        cwd: resolve(cwd, arg),
        ignore: ALWAYS_IGNORED,
        caseSensitiveMatch: false,
      });
      for (const m of matches) files.add(joinPath(arg, m));
    } else {
      files.add(arg);
    }
  }
  return { files: [...files].sort(), missing };
}

function joinPath(dir: string, file: string): string {
  return dir === '.' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
}
