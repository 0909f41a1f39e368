import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { codeCacheFolder, loadCachedBundle } from './code-cache.js';
import type { LintTask } from './lint-task.js';
import type * as LintWorker from './worker.js';

// The lint worker of the bundled command line (cli/bundle.mjs writes it as dist/cli/worker.cjs):
// worker.ts and everything it needs, bundled as CommonJS, run with a code cache (code-cache.ts).
// A process that lints one file spends most of its time compiling otherwise.

/** The bundle's file name, lint-worker-<content hash>.cjs (set by cli/bundle.mjs). */
declare const LINT_WORKER_BUNDLE: string;

const preloadWord = (workerData as { preloadWord?: boolean } | null)?.preloadWord === true;

// A run with a Word file caches the Word reader's compiled code too; one without does not need it.
const bundle = loadCachedBundle<typeof LintWorker>(
  fileURLToPath(new URL(`./${LINT_WORKER_BUNDLE}`, import.meta.url)),
  preloadWord ? 'word' : 'text',
  codeCacheFolder(),
);
// In the bundle the Word reader's import() is a require() in a microtask: it runs before piscina
// reports this thread ready and waits for a task (blocking the event loop).
if (preloadWord) void bundle.exports.preloadWordReader();

/**
 * Piscina worker: one task per file. The first one's compiled code is then cached (in a Word
 * run, the first Word file's).
 */
export default async function lintInWorker(task: LintTask) {
  const report = await bundle.exports.default(task);
  if (!preloadWord || report.format === 'docx') bundle.saveCache();
  return report;
}
