import { availableParallelism } from 'node:os';
import { OneThread, type TaskRunner } from './one-thread.js';

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

/** Threads that take one task at a time; a lane keeps `threads` of them alive, replacing any stopped. */
interface Lane {
  runner: TaskRunner;
  threads: number;
  running: number;
}

/** One worker started before the tasks were known (see prestartWorker). */
let prestarted: { lane: Promise<Lane>; worker: string; memoryMb: number } | undefined;

/**
 * One thread is started at once (one-thread.ts); several are a piscina pool, whose modules are
 * loaded only then. Either way the threads start before this returns its promise.
 */
async function startLane(
  worker: URL,
  threads: number,
  memoryMb: number,
  workerData?: unknown,
): Promise<Lane> {
  if (threads === 1) return { runner: new OneThread(worker, memoryMb, workerData), threads, running: 0 };
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: worker.href,
    maxThreads: threads,
    minThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    ...(workerData === undefined ? {} : { workerData }),
  });
  return { runner: pool, threads, running: 0 };
}

/**
 * Starts worker threads for `worker` now (one, or `threads`), before the command line is parsed and the files are
 * found: its boot and engine load (a third of a second) then overlap the main thread's own start,
 * which matters most when one file is linted. runInPool takes it over when the job matches (same
 * worker, same heap); otherwise, or when nothing runs, it is stopped. `workerData` reaches the
 * worker (node:worker_threads).
 */
export function prestartWorker(worker: URL, memoryMb: number, workerData?: unknown, threads = 1): void {
  void discardPrestartedWorker();
  prestarted = { lane: startLane(worker, threads, memoryMb, workerData), worker: worker.href, memoryMb };
}

/** Stops the prestarted worker if no run took it over. */
export async function discardPrestartedWorker(): Promise<void> {
  const unused = prestarted;
  prestarted = undefined;
  await (await unused?.lane)?.runner.destroy();
}

function takePrestarted(job: { worker: URL; memoryMb: number }): Promise<Lane> | undefined {
  const candidate = prestarted;
  if (!candidate || candidate.worker !== job.worker.href || candidate.memoryMb !== job.memoryMb) return;
  prestarted = undefined;
  return candidate.lane;
}

/**
 * Runs tasks in worker threads on all cores (lint and annotate) and hands each result to
 * `onResult` in task order, as soon as it and every result before it are ready. Every task given
 * here runs in a worker, even a single one, because only a thread can be stopped: a file over its
 * time or memory budget costs that file only, and every task ends in exactly one result. (A lone
 * small file does not come here: cli/this-thread.ts.) More threads
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
  const early = takePrestarted(job);
  await discardPrestartedWorker();
  const lanes: Lane[] = early ? [await early] : [];
  const more = threads - (lanes[0]?.threads ?? 0);
  if (more > 0) lanes.push(await startLane(job.worker, more, job.memoryMb));

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
      // One task per thread: a queued task's clock would run while it waits.
      while (inFlight.size >= threads) await Promise.race(inFlight);
      const lane = lanes.find((l) => l.running < l.threads) as Lane;
      lane.running++;
      const seconds = job.seconds(task);
      const tracked: Promise<void> = (
        lane.runner.run(task, { signal: AbortSignal.timeout(seconds * 1000) }) as Promise<R>
      )
        .catch((error: unknown) => job.failed(task, error, seconds))
        .then((result) => {
          ready.set(i, result);
          flush();
        })
        .finally(() => {
          lane.running--;
          inFlight.delete(tracked);
        });
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
    flush();
  } finally {
    await Promise.all(lanes.map((lane) => lane.runner.destroy()));
  }
}
