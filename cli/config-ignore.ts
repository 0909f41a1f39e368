import { relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from '../engine/index.js';

/** Applies a config's `ignore` globs (gitignore syntax, relative to each config file's folder). */
export class ConfigIgnore {
  private readonly matchers = new Map<string, Ignore>();

  isIgnored(file: string, config: ResolvedConfig): boolean {
    const absolute = resolve(file);
    for (const { base, pattern } of config.ignore) {
      const rel = relative(base, absolute);
      if (rel.startsWith('..') || rel === '') continue;
      const key = `${base}\0${pattern}`;
      let matcher = this.matchers.get(key);
      if (!matcher) {
        matcher = ignore().add(pattern);
        this.matchers.set(key, matcher);
      }
      if (matcher.ignores(rel.split(sep).join('/'))) return true;
    }
    return false;
  }
}
