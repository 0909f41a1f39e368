import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { type Budget, DEFAULT_MEMORY_MB, overBudgetReport, secondsFor } from './budget.js';
import type { LintTask } from './lint-task.js';
import type { FileReport } from './report.js';

/**
 * Lints the tasks on all cores and hands each report to `onReport` in task order, as soon as it
 * and every report before it are ready — so output streams and memory holds only the reports
 * that finished early, not the whole folder.
 *
 * Every file runs in a worker thread, even a single one, because only a thread can be stopped:
 * a file over its time or memory budget ends its worker and becomes an error report, and the
 * batch goes on. Every task therefore ends in exactly one report.
 */
export async function runTasks(
  tasks: LintTask[],
  onReport: (report: FileReport, index: number) => void,
  requested = availableParallelism(),
  budget: Budget = { memoryMb: DEFAULT_MEMORY_MB },
): Promise<void> {
  if (tasks.length === 0) return;
  // More threads than cores only adds memory (each worker holds an engine): "--threads 64" on two
  // cores runs two, and never more than there are files.
  const threads = Math.max(1, Math.min(requested, availableParallelism(), tasks.length));
  const pool = new Piscina<LintTask, FileReport>({
    filename: new URL('./worker.js', import.meta.url).href,
    maxThreads: threads,
    minThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
  });
  const ready = new Map<number, FileReport>();
  let next = 0;
  const flush = () => {
    while (ready.has(next)) {
      onReport(ready.get(next) as FileReport, next);
      ready.delete(next);
      next++;
    }
  };
  try {
    const inFlight = new Set<Promise<void>>();
    for (const [i, task] of tasks.entries()) {
      const seconds = secondsFor(task, budget);
      const job = pool
        .run(task, { signal: AbortSignal.timeout(seconds * 1000) })
        .catch((error: unknown): FileReport => overBudgetReport(task, error, seconds, budget))
        .then((report) => {
          ready.set(i, report);
          flush();
        });
      const tracked = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      // One task per thread: a queued task's clock would run while it waits.
      if (inFlight.size >= threads) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    flush();
  } finally {
    await pool.destroy();
  }
}
