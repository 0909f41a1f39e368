import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discardPrestartedWorker, prestartWorker, runInPool } from '../cli/task-pool.js';

/** A worker that answers each task with the thread it ran on and what it was started with. */
let worker: URL;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'contract-lint-pool-'));
  const file = join(dir, 'worker.mjs');
  writeFileSync(
    file,
    `import { threadId, workerData } from 'node:worker_threads';
export default async (task) => {
  await new Promise((done) => setTimeout(done, task.ms));
  return { task: task.n, thread: threadId, prestarted: workerData?.prestarted === true };
};
`,
  );
  worker = pathToFileURL(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Answer = { task: number; thread: number; prestarted: boolean };

function run(tasks: { n: number; ms: number }[], memoryMb: number, threads: number) {
  const answers: Answer[] = [];
  const done = runInPool<{ n: number; ms: number }, Answer>(
    {
      worker,
      memoryMb,
      seconds: () => 30,
      failed: (task) => ({ task: task.n, thread: -1, prestarted: false }),
    },
    tasks,
    (answer) => answers.push(answer),
    threads,
  );
  return done.then(() => answers);
}

describe('runInPool with a prestarted worker', () => {
  it('takes the prestarted worker over and adds threads up to the limit, results in task order', async () => {
    prestartWorker(worker, 64, { prestarted: true });
    const tasks = [30, 5, 5, 5].map((ms, n) => ({ n, ms }));
    const answers = await run(tasks, 64, 2);
    expect(answers.map((a) => a.task)).toEqual([0, 1, 2, 3]);
    expect(answers[0]?.prestarted).toBe(true);
    expect(new Set(answers.map((a) => a.thread)).size).toBeLessThanOrEqual(2);
    // With a second core, the lane beside it was started without the prestart's worker data.
    expect(answers.some((a) => !a.prestarted)).toBe(availableParallelism() > 1);
  });

  it('stops a prestarted worker whose heap does not match, and runs on a fresh pool', async () => {
    prestartWorker(worker, 64, { prestarted: true });
    const answers = await run([{ n: 0, ms: 1 }], 128, 2);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.prestarted).toBe(false);
  });

  it('a prestarted worker that nothing takes over is stopped on request', async () => {
    prestartWorker(worker, 64);
    await discardPrestartedWorker();
    const answers = await run([{ n: 0, ms: 1 }], 64, 1);
    expect(answers[0]?.prestarted).toBe(false);
  });
});
