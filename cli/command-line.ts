import { fileURLToPath } from 'node:url';
import { codeCacheFolder, loadCachedBundle } from './code-cache.js';
import type * as Main from './main.js';

/** Set by cli/bundle.mjs: the whole command line as one CommonJS file, cli-<content hash>.cjs. */
declare const CLI_BUNDLE: string | undefined;

export interface CommandLine {
  main: typeof Main.main;
  /** Caches the compiled code once a run is done (see code-cache.ts); a no-op when cached. */
  saveCache(): void;
}

/**
 * The command line for a run on this thread: the bundled one, run with a V8 code cache as the
 * lint worker is (ES modules cannot use one in Node 20; compiling them took 40-50 ms of a one-file
 * run's wait). Without a bundle (tsc alone), the modules.
 */
export async function loadCommandLine(argv: string[]): Promise<CommandLine> {
  if (typeof CLI_BUNDLE !== 'string') return { main: (await import('./main.js')).main, saveCache() {} };
  const word = argv.some((arg) => /\.docx$/i.test(arg));
  const bundle = loadCachedBundle<typeof Main>(
    fileURLToPath(new URL(`./${CLI_BUNDLE}`, import.meta.url)),
    word ? 'cli-word' : 'cli-text',
    codeCacheFolder(),
  );
  return { main: bundle.exports.main, saveCache: () => bundle.saveCache() };
}
