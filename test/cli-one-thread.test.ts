import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OneThread } from '../cli/one-thread.js';

/** A task module that answers, throws, hangs, exits or fills its heap, as each task asks. */
let dir: string;
const modules: Record<'esm' | 'cjs', URL> = {} as Record<'esm' | 'cjs', URL>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'contract-lint-one-thread-'));
  const body = `async (task) => {
  const { threadId, workerData } = require('node:worker_threads');
  if (task.kind === 'throw') throw new Error('the task failed: ' + task.n);
  if (task.kind === 'hang') for (;;);
  if (task.kind === 'exit') process.exit(3);
  if (task.kind === 'heap') { const keep = []; for (;;) keep.push(new Array(100000).fill(keep.length)); }
  return { n: task.n, thread: threadId, data: workerData };
}`;
  writeFileSync(join(dir, 'task.cjs'), `module.exports = ${body};\n`);
  writeFileSync(
    join(dir, 'task.mjs'),
    `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport default ${body};\n`,
  );
  modules.cjs = pathToFileURL(join(dir, 'task.cjs'));
  modules.esm = pathToFileURL(join(dir, 'task.mjs'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inTime = () => ({ signal: AbortSignal.timeout(20_000) });

describe('OneThread', () => {
  for (const kind of ['cjs', 'esm'] as const) {
    it(`runs a ${kind} module's tasks one after another on one thread, with its worker data`, async () => {
      const thread = new OneThread(modules[kind], 64, { prestarted: true });
      try {
        const answers = (await Promise.all([1, 2, 3].map((n) => thread.run({ n }, inTime())))) as {
          n: number;
          thread: number;
          data: unknown;
        }[];
        expect(answers.map((a) => a.n)).toEqual([1, 2, 3]);
        expect(new Set(answers.map((a) => a.thread)).size).toBe(1);
        expect(answers[0]?.data).toEqual({ prestarted: true });
      } finally {
        await thread.destroy();
      }
    });
  }

  it("rejects with the task's error and keeps the thread", async () => {
    const thread = new OneThread(modules.cjs, 64);
    try {
      await expect(thread.run({ kind: 'throw', n: 7 }, inTime())).rejects.toThrow('the task failed: 7');
      const after = (await thread.run({ n: 8 }, inTime())) as { thread: number };
      const again = (await thread.run({ n: 9 }, inTime())) as { thread: number };
      expect(after.thread).toBe(again.thread);
    } finally {
      await thread.destroy();
    }
  });

  it('stops a task at its deadline with an AbortError, and runs the next on a fresh thread', async () => {
    const thread = new OneThread(modules.cjs, 64);
    try {
      const first = (await thread.run({ n: 1 }, inTime())) as { thread: number };
      const hung = thread.run({ kind: 'hang' }, { signal: AbortSignal.timeout(300) });
      await expect(hung).rejects.toMatchObject({ name: 'AbortError' });
      const next = (await thread.run({ n: 2 }, inTime())) as { n: number; thread: number };
      expect(next.n).toBe(2);
      expect(next.thread).not.toBe(first.thread);
    } finally {
      await thread.destroy();
    }
  });

  it('reports a thread that exits mid-task, and one over its heap as ERR_WORKER_OUT_OF_MEMORY', async () => {
    const thread = new OneThread(modules.cjs, 16);
    try {
      await expect(thread.run({ kind: 'exit' }, inTime())).rejects.toThrow(/exit code 3/);
      await expect(thread.run({ kind: 'heap' }, inTime())).rejects.toMatchObject({
        code: 'ERR_WORKER_OUT_OF_MEMORY',
      });
      expect(((await thread.run({ n: 5 }, inTime())) as { n: number }).n).toBe(5);
    } finally {
      await thread.destroy();
    }
  });

  it('refuses tasks once destroyed', async () => {
    const thread = new OneThread(modules.cjs, 64);
    await thread.destroy();
    await expect(thread.run({ n: 1 }, inTime())).rejects.toThrow(/stopped/);
  });
});
