import { realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { IgnoreRules } from '../engine/config/ignore.js';
import type { ConfigResolver } from '../engine/config/resolve.js';
import { SUPPORTED_EXTENSIONS } from '../engine/load/inputs.js';

const EXTENSION_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface CollectedFiles {
  files: string[];
  /** Arguments that matched nothing (a typo, a missing file): usage errors. */
  missing: string[];
  /** Files skipped because an ignore file matched them. */
  ignored: number;
  /** Files found by walking whose real path (through a symbolic link) lies outside the folder walked. */
  outside: number;
}

/**
 * Expands the command line's paths. A file is taken as given (even with an unsupported extension,
 * so the user hears why it was not linted); a folder recurses over agreement files; a glob
 * expands. Files found by walking honour `.gitignore` and `.contractlintignore` in each folder
 * from the working folder down, and are not followed through symbolic links out of the folder
 * walked (a `passwd.md → /etc/passwd` would otherwise land in a published report). Each file is
 * linted once, by real path. Output is sorted, so runs are reproducible.
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
  let outside = 0;
  const real = new Set<string>();
  const add = (path: string, root?: string) => {
    const target = realOrNull(resolve(cwd, path));
    if (target === null) return; // a dangling link: nothing to read
    if (root !== undefined && target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) {
      outside++;
      return;
    }
    if (real.has(target)) return;
    real.add(target);
    files.add(path);
  };
  const addWalked = (path: string, root: string) => {
    if (ignores.ignoredByFolder(resolve(cwd, path))) ignored++;
    else add(path, root);
  };
  const cwdReal = realOrNull(resolve(cwd)) ?? resolve(cwd);
  for (const arg of args) {
    if (isGlob(arg)) {
      const matches = await glob(arg, {
        cwd,
        ignore: ALWAYS_IGNORED,
        dot: false,
        followSymbolicLinks: false,
      });
      if (matches.length === 0) missing.push(arg);
      // A glob that reaches above the working folder ("../contracts/*.md") is bounded by its own base.
      const base = realOrNull(resolve(cwd, globBase(arg))) ?? cwdReal;
      for (const m of matches) addWalked(m, base);
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
        followSymbolicLinks: false,
      });
      const root = realOrNull(resolve(cwd, arg)) ?? resolve(cwd, arg);
      for (const m of matches) addWalked(arg === '.' ? m : `${arg.replace(/\/+$/, '')}/${m}`, root);
    } else {
      // Named on the command line: linted as asked, even through a link, but only once.
      add(arg);
    }
  }
  return { files: [...files].sort(), missing, ignored, outside };
}

/** The fixed folder part of a glob: "../deals/**\/*.md" → "../deals". */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) return fixed.join('/') || '.';
    fixed.push(part);
  }
  return fixed.slice(0, -1).join('/') || '.';
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * The files the command line names, less those the config ignores, with one message on standard
 * error per argument that matched nothing and for links skipped out of the folder.
 */
export async function collectConfiguredFiles(
  paths: string[],
  resolver: ConfigResolver,
  verb: 'linted' | 'annotated',
): Promise<{ files: string[]; missing: string[] }> {
  const collected = await collectFiles(paths);
  if (collected.outside > 0)
    process.stderr.write(
      `contract-lint: skipped ${collected.outside} file${collected.outside === 1 ? '' : 's'} reached through a symbolic link out of the folder being ${verb}\n`,
    );
  const ignores = new IgnoreRules();
  const files = collected.files.filter(
    (file) => !ignores.ignoredByConfig(resolve(file), resolver.forFile(file)),
  );
  return { files, missing: collected.missing };
}
