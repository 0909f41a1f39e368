import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DEFAULT_MEMORY_MB } from './budget.js';
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
export function prestartLintWorker(argv: string[]): void {
  if (argv.some((arg) => NOT_A_DEFAULT_LINT.has(arg.split('=')[0] as string))) return;
  const word = argv.some((arg) => /\.docx$/i.test(arg));
  prestartWorker(LINT_WORKER, DEFAULT_MEMORY_MB, word ? { preloadWord: true } : undefined, threadsFor(argv));
}

/**
 * A folder, a glob or several paths: all the threads a batch will use start at once, the others'
 * boot overlapping the command line's start as the first's does. One file, standard input or a
 * thread count of the user's own: one.
 */
function threadsFor(argv: string[]): number {
  if (argv.some((arg) => arg === '--stdin' || arg.split('=')[0] === '--threads')) return 1;
  const paths = pathsIn(argv);
  const many = paths.length > 1 || paths.some((path) => /[*?[{]/.test(path) || isDirectory(path));
  return many ? availableParallelism() : 1;
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

export { discardPrestartedWorker } from './task-pool.js';
