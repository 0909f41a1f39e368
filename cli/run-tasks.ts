import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { LintTask } from './lint-task.js';
import type { FileReport } from './report.js';

/** Below this many files the cost of starting worker threads outweighs the parallelism. */
const MIN_FILES_FOR_POOL = 6;

/**
 * Lints the tasks on all cores and hands each report to `onReport` in task order, as soon as it
 * and every report before it are ready — so output streams and memory holds only the reports
 * that finished early, not the whole folder.
 */
export async function runTasks(
  tasks: LintTask[],
  onReport: (report: FileReport, index: number) => void,
  requested = availableParallelism(),
): Promise<void> {
  // More threads than cores only adds memory (each worker holds an engine): "--threads 64" on two
  // cores runs two, and never more than there are files.
  const threads = Math.max(1, Math.min(requested, availableParallelism(), tasks.length));
  if (tasks.length < MIN_FILES_FOR_POOL || threads <= 1) {
    // In this thread: the engine is loaded now, not at start-up.
    const { runLintTask } = await import('./lint-task.js');
    for (const [i, task] of tasks.entries()) onReport(await runLintTask(task), i);
    return;
  }
  const pool = new Piscina<LintTask, FileReport>({
    filename: new URL('./worker.js', import.meta.url).href,
    maxThreads: threads,
    minThreads: Math.min(threads, 2),
    // Keep a bounded queue: the main thread feeds tasks as results drain.
    maxQueue: threads * 4,
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
      const job = pool
        .run(task)
        .catch(
          (error: unknown): FileReport => ({
            path: task.path,
            findings: [],
            error: { code: 'internal', message: `cannot lint ${task.path}: ${String(error)}` },
          }),
        )
        .then((report) => {
          ready.set(i, report);
          flush();
        });
      const tracked = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      // Bound the work in flight (and the reports waiting for an earlier, slower file).
      if (inFlight.size >= threads * 4) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    flush();
  } finally {
    await pool.destroy();
  }
}
