import { workerData } from 'node:worker_threads';
import { type LintTask, runLintTask } from './lint-task.js';

// A Word file is among the arguments (see prestart.ts): load the Word reader (mammoth and the
// HTML and Markdown converters, about 250 ms) now, while the main thread is still starting. A
// failure here is reported by the load that needs the module.
// Started once this module has loaded: piscina loads it with require(), and an import() begun
// while a require() of the same module graph is still evaluating can fail in Node.
if ((workerData as { preloadWord?: boolean } | null)?.preloadWord) {
  setImmediate(() => {
    import('../engine/load/docx/index.js').catch(() => undefined);
  });
}

/** Piscina worker: one task per file. The engine is loaded once per thread. */
export default function lintInWorker(task: LintTask) {
  return runLintTask(task);
}
