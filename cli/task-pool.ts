import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

export interface PoolJob<T, R> {
  /** The worker module (default export: task → result). */
  worker: URL;
  /** Heap per worker thread, in MB. */
  memoryMb: number;
  /** Seconds the task may take before its worker is stopped. */
  seconds: (task: T) => number;
  /** The result of a task whose worker was stopped (over a budget) or died. */
  failed: (task: T, error: unknown, seconds: number) => R;
}

/**
 * Runs tasks in worker threads on all cores (lint and annotate) and hands each result to
 * `onResult` in task order, as soon as it and every result before it are ready. Every task runs
 * in a worker, even a single one, because only a thread can be stopped: a file over its time or
 * memory budget costs that file only, and every task ends in exactly one result. More threads
 * than cores only add memory (each worker holds an engine): "--threads 64" on two cores runs two,
 * and never more than there are files.
 */
export async function runInPool<T, R>(
  job: PoolJob<T, R>,
  tasks: T[],
  onResult: (result: R, index: number) => void,
  requested = availableParallelism(),
): Promise<void> {
  if (tasks.length === 0) return;
  const threads = Math.max(1, Math.min(requested, availableParallelism(), tasks.length));
  const pool = new Piscina<T, R>({
    filename: job.worker.href,
    maxThreads: threads,
    minThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: job.memoryMb },
  });
  const ready = new Map<number, R>();
  let next = 0;
  const flush = () => {
    while (ready.has(next)) {
      onResult(ready.get(next) as R, next);
      ready.delete(next);
      next++;
    }
  };
  try {
    const inFlight = new Set<Promise<void>>();
    for (const [i, task] of tasks.entries()) {
      const seconds = job.seconds(task);
      const tracked: Promise<void> = pool
        .run(task, { signal: AbortSignal.timeout(seconds * 1000) })
        .catch((error: unknown) => job.failed(task, error, seconds))
        .then((result) => {
          ready.set(i, result);
          flush();
        })
        .finally(() => inFlight.delete(tracked));
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
