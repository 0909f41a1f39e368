import { availableParallelism } from 'node:os';
import { type Budget, DEFAULT_MEMORY_MB, overBudgetReport, secondsFor } from './budget.js';
import type { LintTask } from './lint-task.js';
import type { FileReport } from './report.js';
import { runInPool } from './task-pool.js';

/** Set by cli/bundle.mjs: the bundled command line's lint worker (worker-entry.ts). */
declare const BUNDLED_LINT_WORKER: string | undefined;

/** The lint worker thread's module: worker.ts, or in the bundled command line its loader. */
export const LINT_WORKER = new URL(
  typeof BUNDLED_LINT_WORKER === 'string' ? BUNDLED_LINT_WORKER : './worker.js',
  import.meta.url,
);

/**
 * Lints the tasks on all cores (see task-pool.ts) and hands each report to `onReport` in task
 * order, as soon as it and every report before it are ready — so output streams and memory holds
 * only the reports that finished early, not the whole folder. A file over its time or memory
 * budget becomes an error report, and the batch goes on.
 */
export function runTasks(
  tasks: LintTask[],
  onReport: (report: FileReport, index: number) => void,
  requested = availableParallelism(),
  budget: Budget = { memoryMb: DEFAULT_MEMORY_MB },
): Promise<void> {
  return runInPool(
    {
      worker: LINT_WORKER,
      memoryMb: budget.memoryMb,
      seconds: (task) => secondsFor(task, budget),
      failed: (task, error, seconds) => overBudgetReport(task, error, seconds, budget),
    },
    tasks,
    onReport,
    requested,
  );
}
