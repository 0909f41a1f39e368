import { availableParallelism } from 'node:os';
import { type Budget, DEFAULT_MEMORY_MB, overBudgetReport, secondsFor } from './budget.js';
import type { LintTask } from './lint-task.js';
import type { FileReport } from './report.js';

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
export async function runTasks(
  tasks: LintTask[],
  onReport: (report: FileReport, index: number) => void,
  requested = availableParallelism(),
  budget: Budget = { memoryMb: DEFAULT_MEMORY_MB },
): Promise<void> {
  // One file, in a run started for it, without a memory budget of the user's: this thread, when
  // the file's cost is bounded (this-thread.ts). Loaded only then: a batch never loads the engine
  // here, and a run on this thread never loads the pool (nor worker_threads).
  const [only] = tasks;
  if (only && tasks.length === 1 && budget.thisThread && !budget.memoryGiven && !only.bytes) {
    const { lintInThisThread } = await import('./this-thread.js');
    const report = await lintInThisThread(only, budget);
    if (report) return onReport(report, 0);
  }
  const { runInPool } = await import('./task-pool.js');
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
