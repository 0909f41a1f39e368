import { type LintTask, runLintTask } from './lint-task.js';

/** Piscina worker: one task per file. The engine is loaded once per thread. */
export default function lintInWorker(task: LintTask) {
  return runLintTask(task);
}
