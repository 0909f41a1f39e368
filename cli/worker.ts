import { workerData } from 'node:worker_threads';
import { type LintTask, runLintTask } from './lint-task.js';

/**
 * Loads the Word reader (mammoth and the HTML and Markdown converters, about 250 ms) ahead of the
 * first Word file. A failure here is reported by the load that needs the module.
 */
export function preloadWordReader(): Promise<unknown> {
  return import('../engine/load/docx/index.js').catch(() => undefined);
}

// A Word file is among the arguments (see prestart.ts): load the Word reader now, while the main
// thread is still starting. Started once this module has loaded: piscina loads it with require(),
// and an import() begun while a require() of the same module graph is still evaluating can fail
// in Node. (The bundled command line loads this module through worker-entry.ts, which preloads
// at once.)
if ((workerData as { preloadWord?: boolean } | null)?.preloadWord) setImmediate(preloadWordReader);

/** Piscina worker: one task per file. The engine is loaded once per thread. */
export default function lintInWorker(task: LintTask) {
  return runLintTask(task);
}
