import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { parseDocument as parseDocumentType } from 'yaml';
import { ConfigError, type ConfigFile } from './types.js';

/** File names looked for in each folder, in order; the first found in a folder is used. */
export const CONFIG_FILE_NAMES = [
  '.contractlintrc.json',
  '.contractlintrc.yaml',
  '.contractlintrc.yml',
  'package.json',
];

/** Config files are data only: JSON or YAML, never code. Keep them small. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface FoundConfig {
  path: string;
  config: ConfigFile;
}

/**
 * Finds the config files that apply to a folder: from the folder upward, one per folder, stopping
 * after a file with `root: true` (or at the file system root). Returned nearest first.
 */
export function findConfigFiles(
  startDir: string,
  cache = new Map<string, FoundConfig | null>(),
): FoundConfig[] {
  const found: FoundConfig[] = [];
  let dir = resolve(startDir);
  for (;;) {
    let here = cache.get(dir);
    if (here === undefined) {
      here = readFolderConfig(dir);
      cache.set(dir, here);
    }
    if (here) {
      found.push(here);
      if (here.config.root === true) break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

function readFolderConfig(dir: string): FoundConfig | null {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(dir, name);
    if (!isFile(path)) continue;
    if (name === 'package.json') {
      const pkg = readConfigData(path) as Record<string, unknown> | null;
      if (pkg && typeof pkg === 'object' && 'contractlint' in pkg) {
        return { path, config: pkg.contractlint as ConfigFile };
      }
      continue;
    }
    return { path, config: readConfigData(path) as ConfigFile };
  }
  return null;
}

/** Reads a JSON or YAML config file; any problem is a ConfigError naming the file. */
export function readConfigData(path: string): unknown {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_CONFIG_BYTES) throw new ConfigError(path, `file is larger than ${MAX_CONFIG_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(path, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    if (/\.ya?ml$/i.test(path)) {
      // YAML 1.2 core schema: no custom tags, no code. Aliases are capped against billion-laughs.
      // The YAML parser is loaded for YAML configs only.
      const { parseDocument } = createRequire(import.meta.url)('yaml') as {
        parseDocument: typeof parseDocumentType;
      };
      // Warnings (an unknown tag such as `!weird`) are errors here, reported once with the file
      // name, never printed by the library as a raw process warning.
      const doc = parseDocument(text, { schema: 'core', logLevel: 'silent' });
      const problem = doc.errors[0] ?? doc.warnings[0];
      if (problem) throw problem;
      return doc.toJS({ maxAliasCount: 100 }) ?? {};
    }
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      path,
      `not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
