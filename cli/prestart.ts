import { DEFAULT_MEMORY_MB } from './budget.js';
import { LINT_WORKER } from './run-tasks.js';
import { prestartWorker } from './task-pool.js';

/**
 * Starts the lint worker threads of a batch (start-mode.ts) before the main thread loads the
 * command line's modules, parses it and finds the files (together about 150 ms), so that their boot
 * and engine load run alongside. Only for what is plainly a lint with the default heap; a wrong
 * guess costs idle threads, which runInPool stops. With a Word file among the arguments the
 * workers also load the Word reader at once (see worker.ts) rather than when a file arrives.
 *
 * Called before importing main.js: this module imports only the pool and the budget.
 */
export function prestartLintWorkers(argv: string[], threads: number): void {
  const word = argv.some((arg) => /\.docx$/i.test(arg));
  prestartWorker(LINT_WORKER, DEFAULT_MEMORY_MB, word ? { preloadWord: true } : undefined, threads);
}

export { discardPrestartedWorker } from './task-pool.js';
