import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from './types.js';

/** Ignore files read in each workspace folder (gitignore syntax). */
export const IGNORE_FILE_NAMES = ['.gitignore', '.contractlintignore'];

/**
 * What not to lint: the `ignore` globs of the config (relative to each config file) and the
 * .gitignore / .contractlintignore files of the root folders (the workspace folders in the
 * editor, the working folder on the command line) and of every folder below them — the same
 * rules for the CLI and the language server.
 */
export class IgnoreRules {
  private readonly configMatchers = new Map<string, Ignore>();
  private readonly folderMatchers = new Map<string, Ignore>();
  private roots: string[] = [];

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.folderMatchers.clear();
  }

  reset(): void {
    this.configMatchers.clear();
    this.folderMatchers.clear();
  }

  isIgnored(path: string, config: ResolvedConfig): boolean {
    return this.ignoredByFolder(path) || this.ignoredByConfig(path, config);
  }

  ignoredByFolder(path: string): boolean {
    for (const root of this.roots) {
      const rel = relative(root, path);
      if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) continue;
      const posix = rel.split(sep).join('/');
      if (/(^|\/)(node_modules|\.git)\//.test(posix)) return true;
      if (this.folderMatcher(root).ignores(posix)) return true;
      // Nested ignore files apply to their own folder.
      let dir = dirname(path);
      while (dir.length > root.length && dir.startsWith(root)) {
        const nested = this.folderMatcher(dir);
        const r = relative(dir, path).split(sep).join('/');
        if (r && nested.ignores(r)) return true;
        dir = dirname(dir);
      }
    }
    return false;
  }

  private folderMatcher(dir: string): Ignore {
    let m = this.folderMatchers.get(dir);
    if (!m) {
      m = ignore();
      for (const name of IGNORE_FILE_NAMES) {
        try {
          m.add(readFileSync(join(dir, name), 'utf8'));
        } catch {
          // no such file
        }
      }
      this.folderMatchers.set(dir, m);
    }
    return m;
  }

  ignoredByConfig(path: string, config: ResolvedConfig): boolean {
    for (const { base, pattern } of config.ignore) {
      const rel = relative(base, path);
      if (rel.startsWith('..') || rel === '') continue;
      const key = `${base}\0${pattern}`;
      let matcher = this.configMatchers.get(key);
      if (!matcher) {
        matcher = ignore().add(pattern);
        this.configMatchers.set(key, matcher);
      }
      if (matcher.ignores(rel.split(sep).join('/'))) return true;
    }
    return false;
  }
}
