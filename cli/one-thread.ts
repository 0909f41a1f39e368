import { Worker } from 'node:worker_threads';

/**
 * One worker thread that runs tasks one at a time: what a run with one thread (one file, above
 * all) uses instead of a piscina pool. It starts a thread at once, without loading the pool's
 * modules first (about 10 ms on the main thread) or the pool's worker script in the thread: for
 * one Word file the thread's start is the wait. The contract is the pool's, as runInPool uses it:
 * `run` resolves to the module's answer or rejects with its error; an abort stops the thread and
 * rejects with an AbortError; a thread over its heap rejects with ERR_WORKER_OUT_OF_MEMORY. A
 * stopped or crashed thread is replaced by a fresh one for the next task.
 */
export interface TaskRunner {
  run(task: unknown, options: { signal: AbortSignal }): Promise<unknown>;
  destroy(): Promise<void>;
}

/**
 * What the thread runs: loads the task module (a CommonJS file with require, so that the ES module
 * loader never starts in the thread; anything else with import) and answers each message with
 * the default export's result, or its error.
 */
function threadScript(module: URL): string {
  const href = JSON.stringify(module.href);
  return `'use strict';
const { parentPort } = require('node:worker_threads');
const loaded = ${href}.endsWith('.cjs')
  ? Promise.resolve().then(() => require(require('node:url').fileURLToPath(${href})))
  : import(${href});
const handler = loaded.then((m) => (typeof m === 'function' ? m : m.default));
parentPort.on('message', async (task) => {
  try {
    parentPort.postMessage({ ok: true, value: await (await handler)(task) });
  } catch (error) {
    try {
      parentPort.postMessage({ ok: false, error });
    } catch {
      parentPort.postMessage({ ok: false, error: new Error(String(error && error.message || error)) });
    }
  }
});`;
}

export class OneThread implements TaskRunner {
  #worker: Worker | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #destroyed = false;

  constructor(
    private readonly module: URL,
    private readonly memoryMb: number,
    private readonly workerData?: unknown,
  ) {
    this.#worker = this.#start();
  }

  #start(): Worker {
    const worker = new Worker(threadScript(this.module), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
      ...(this.workerData === undefined ? {} : { workerData: this.workerData }),
    });
    // Between tasks a thread's error or exit is reported by the next run (it starts another).
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = undefined;
    });
    return worker;
  }

  run(task: unknown, { signal }: { signal: AbortSignal }): Promise<unknown> {
    const result = this.#queue.then(() => this.#runNow(task, signal));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #runNow(task: unknown, signal: AbortSignal): Promise<unknown> {
    if (this.#destroyed) return Promise.reject(new Error('the thread was stopped'));
    if (signal.aborted) return Promise.reject(abortError());
    this.#worker ??= this.#start();
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const settle = (stop: boolean, outcome: () => void) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal.removeEventListener('abort', onAbort);
        if (stop) this.#stop(worker);
        outcome();
      };
      const onMessage = (message: { ok: boolean; value?: unknown; error?: unknown }) =>
        settle(false, () => (message.ok ? resolve(message.value) : reject(message.error)));
      // An uncaught error or a heap over its limit (ERR_WORKER_OUT_OF_MEMORY) ends the thread.
      const onError = (error: unknown) => settle(true, () => reject(error));
      const onExit = (code: number) =>
        settle(true, () => reject(new Error(`the worker thread stopped (exit code ${code})`)));
      const onAbort = () => settle(true, () => reject(abortError()));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal.addEventListener('abort', onAbort, { once: true });
      worker.postMessage(task);
    });
  }

  #stop(worker: Worker): void {
    if (this.#worker === worker) this.#worker = undefined;
    void worker.terminate();
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }
}

/** As piscina names a task it stopped (budget.ts tells a time budget's end by the name). */
function abortError(): Error {
  return Object.assign(new Error('The task has been aborted'), { name: 'AbortError' });
}
