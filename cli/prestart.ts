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
  prestartWorker(LINT_WORKER, DEFAULT_MEMORY_MB, word ? { preloadWord: true } : undefined);
}

export { discardPrestartedWorker } from './task-pool.js';
