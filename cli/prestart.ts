import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MEMORY_MB } from './budget.js';
import { codeCacheFolder, loadCachedBundle } from './code-cache.js';
import type * as Main from './main.js';
import { LINT_WORKER } from './run-tasks.js';
import { prestartWorker } from './task-pool.js';

/** Arguments after which no lint worker is wanted, or one with another heap. */
const NOT_A_DEFAULT_LINT = new Set([
  'annotate',
  'inspect',
  'help',
  '-h',
  '--help',
  '-v',
  '--version',
  '--print-config',
  '--max-file-memory',
]);

/**
 * Starts the lint worker thread before the main thread loads the command line's modules, parses
 * it and finds the files (together about 150 ms), so that the worker's boot and engine load run
 * alongside: for one file, the wait before its lint starts is the longer of the two, not their sum.
 * Only for what is plainly a lint with the default heap; a wrong guess costs one idle thread,
 * which runInPool stops. With a Word file among the arguments the worker also loads the Word
 * reader at once (see worker.ts) rather than when the file arrives.
 *
 * Called before importing main.js: this module imports only the pool and the budget.
 */
export function prestartLintWorker(argv: string[]): 'worker' | 'this-thread' | 'none' {
  if (argv.some((arg) => NOT_A_DEFAULT_LINT.has(arg.split('=')[0] as string))) return 'none';
  const threads = threadsFor(argv);
  // One file is linted on this thread when it is small (this-thread.ts): no worker to start.
  if (threads === 0) return 'this-thread';
  const word = argv.some((arg) => /\.docx$/i.test(arg));
  prestartWorker(LINT_WORKER, DEFAULT_MEMORY_MB, word ? { preloadWord: true } : undefined, threads);
  return 'worker';
}

/**
 * A folder, a glob or several paths: all the threads a batch will use start at once, the others'
 * boot overlapping the command line's start as the first's does. Standard input or a thread count
 * of the user's own: one. One file: none (0), it runs on this thread.
 */
function threadsFor(argv: string[]): number {
  if (argv.includes('--stdin')) return 1;
  const paths = pathsIn(argv);
  const many = paths.length > 1 || paths.some((path) => /[*?[{]/.test(path) || isDirectory(path));
  if (!many) return 0;
  return argv.some((arg) => arg.split('=')[0] === '--threads') ? 1 : availableParallelism();
}

/** The lint command's options that take a value: the argument after them is no path. */
const TAKES_VALUE = new Set([
  '-f',
  '--format',
  '-o',
  '--output-file',
  '-c',
  '--config',
  '--preset',
  '--rule',
  '--max-warnings',
  '--stdin-filename',
  '--shard',
  '--file-timeout',
]);

function pathsIn(argv: string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) paths.push(arg);
    else if (TAKES_VALUE.has(arg)) i++;
  }
  return paths;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

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

export { discardPrestartedWorker } from './task-pool.js';
