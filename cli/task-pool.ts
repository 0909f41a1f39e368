import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** Below this many files the cost of starting worker threads outweighs the parallelism. */
const MIN_FILES_FOR_POOL = 6;

export interface PoolJob<T, R> {
  /** The worker module (default export: task → result). */
  worker: URL;
  /** The same work in this thread, for short runs. */
  inline: () => Promise<(task: T) => Promise<R>>;
  /** The result of a task whose worker died. */
  failed: (task: T, error: unknown) => R;
}

/**
 * Runs tasks on all cores and hands each result to `onResult` in task order as soon as it and
 * every result before it are ready (the same scheme as run-tasks.ts, for any worker module).
 */
export async function runInPool<T, R>(
  job: PoolJob<T, R>,
  tasks: T[],
  onResult: (result: R, index: number) => void,
  requested = availableParallelism(),
): Promise<void> {
  const threads = Math.max(1, Math.min(requested, availableParallelism(), tasks.length));
  if (tasks.length < MIN_FILES_FOR_POOL || threads <= 1) {
    const run = await job.inline();
    for (const [i, task] of tasks.entries()) onResult(await run(task), i);
    return;
  }
  const pool = new Piscina<T, R>({
    filename: job.worker.href,
    maxThreads: threads,
    minThreads: Math.min(threads, 2),
    maxQueue: threads * 4,
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
      const tracked: Promise<void> = pool
        .run(task)
        .catch((error: unknown) => job.failed(task, error))
        .then((result) => {
          ready.set(i, result);
          flush();
        })
        .finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= threads * 4) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    flush();
  } finally {
    await pool.destroy();
  }
}
