import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { IgnoreRules } from '../engine/config/ignore.js';
import { SUPPORTED_EXTENSIONS } from '../engine/load/inputs.js';

const EXTENSION_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

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
  // Ignore files apply from the working folder down, and from each folder named on the command
  // line down (a folder outside the working folder keeps its own .contractlintignore).
  const ignores = new IgnoreRules();
  // A name that exists is taken as a name, even when it looks like a glob: "Agreement (1).docx",
  // "NDA (signed) [v2].md" are how browsers and people name files.
  const isGlob = (a: string) => isDynamicPattern(a) && statOrNull(resolve(cwd, a)) === null;
  const folders = args
    .filter((a) => !isGlob(a) && statOrNull(resolve(cwd, a))?.isDirectory())
    .map((a) => resolve(cwd, a));
  ignores.setRoots([...new Set([resolve(cwd), ...folders])]);
  let ignored = 0;
  const addWalked = (path: string) => {
    if (ignores.ignoredByFolder(resolve(cwd, path))) ignored++;
    else files.add(path);
  };
  for (const arg of args) {
    if (isGlob(arg)) {
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

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
