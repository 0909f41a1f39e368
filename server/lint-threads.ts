import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_MEMORY_MB,
  formatOf,
  LoadError,
  overMemoryBudget,
  overTimeBudget,
  type SourceFormat,
  timeBudgetSeconds,
} from '../engine/index.js';
import {
  type NavigationModel,
  outcomeFromWire,
  type ThreadControl,
  type ThreadReply,
  type ThreadRequest,
} from './lint-wire.js';
import { type LintOutcome, pathOf } from './linter.js';
import type { Settings } from './settings.js';

/** Open documents come before the workspace's files; the first thread serves open documents only. */
export type Lane = 'editor' | 'background';

type Request = ThreadRequest extends infer R ? (R extends ThreadRequest ? Omit<R, 'id'> : never) : never;

interface Job {
  /** Jobs with the same key supersede each other: only the newest is wanted. */
  key: string;
  lane: Lane;
  request: Request;
  path: string;
  format: SourceFormat | undefined;
  bytes: number;
  resolve(reply: ThreadReply | undefined, model?: Promise<NavigationModel | undefined>): void;
}

/** A lint's outcome; for open documents, the model for navigation follows a moment later. */
export interface ThreadLint {
  outcome: LintOutcome;
  model?: Promise<NavigationModel | undefined>;
}

interface Running {
  job: Job;
  id: number;
  timer: NodeJS.Timeout;
  since: number;
}

/** How long the editor's thread may be busy before a second thread lints open documents too. */
const HELP_AFTER_MS = 300;
/** A background thread with nothing to do is stopped after this long (its engine is memory). */
const IDLE_STOP_MS = 30_000;
/**
 * A lint thread's heap limit unless the client sets one: twice the command line's. V8 lets a heap
 * grow further before a full collection when its limit is higher, and the editor's thread keeps a
 * long agreement's model and memos between keystrokes: measured on the generated 284 KB
 * agreement (bench/server-bench.mjs), edit p95 52-54 ms at 1024 MB against 40-50 ms at 2048, the
 * server's memory with 21 documents open 182 against 222 MB.
 */
export const SERVER_MEMORY_MB = 2 * DEFAULT_MEMORY_MB;

export interface LintThreadsOptions {
  /** Threads in all (at least 2: one kept for open documents). */
  threads?: number;
  memoryMb?: number;
  /** Fixed seconds per document; undefined: by size (engine/load/budget.ts). */
  seconds?: number;
  log?(message: string): void;
}

/**
 * The language server's lint threads. Every load and lint runs here, off the thread that answers
 * requests, so hover or symbols never wait behind a lint. Each job has a time and a heap budget:
 * a thread over it is terminated (a new one starts for the next job) and the document gets one
 * error instead of findings. A job superseded by a newer one for the same document is dropped
 * from the queue, or, if it is running, cancelled between two rules.
 */
export class LintThreads {
  private readonly threads: LintThread[];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private roots: string[] = [];
  private helpTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: LintThreadsOptions = {}) {
    const count = Math.max(2, options.threads ?? 2);
    this.threads = Array.from(
      { length: count },
      (_, i) => new LintThread(i === 0 ? 'editor' : 'background', options.memoryMb ?? SERVER_MEMORY_MB),
    );
  }

  /** Lints an editor buffer, with its model; undefined when superseded by a newer version. */
  async lintText(
    uri: string,
    text: string,
    format: SourceFormat,
    settings: Settings,
  ): Promise<ThreadLint | undefined> {
    const path = pathOf(uri) ?? uri;
    return this.lint({
      key: `text ${uri}`,
      lane: 'editor',
      request: { type: 'lint-text', uri, text, format, settings, withModel: true },
      path,
      format,
      bytes: text.length,
    });
  }

  /** Lints a file from disk (with its model for the editor lane); undefined when superseded. */
  async lintPath(uri: string, settings: Settings, lane: Lane): Promise<ThreadLint | undefined> {
    const path = pathOf(uri) ?? uri;
    const bytes = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    return this.lint({
      key: `path ${uri}`,
      lane,
      request: { type: 'lint-path', uri, settings, withModel: lane === 'editor' },
      path,
      format: formatOf(path),
      bytes,
    });
  }

  private lint(job: Omit<Job, 'resolve'>): Promise<ThreadLint | undefined> {
    return new Promise((resolve) =>
      this.submit(job, (reply, model) => {
        const outcome = this.outcomeOf(reply);
        resolve(outcome ? { outcome, ...(model ? { model } : {}) } : undefined);
      }),
    );
  }

  /** The text view of a Word file (for the editor's read-only view). Throws a LoadError. */
  async docxText(
    uri: string,
  ): Promise<{ textView: string; wordParagraphs: { index: number; start: number; end: number }[] }> {
    const path = pathOf(uri) ?? uri;
    const bytes = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    const reply = await new Promise<ThreadReply | undefined>((resolve) =>
      this.submit(
        {
          key: `docx ${uri}`,
          lane: 'editor',
          request: { type: 'docx-text', path: uri },
          path,
          format: 'docx',
          bytes,
        },
        resolve,
      ),
    );
    if (reply && 'docx' in reply) return reply.docx;
    if (reply && 'outcome' in reply && reply.outcome.result?.error) {
      const e = reply.outcome.result.error;
      throw new LoadError(e.code, e.path, e.problem);
    }
    throw new Error(reply && 'failed' in reply ? reply.failed : `reading ${path} was superseded`);
  }

  /** A fixed time limit per document in seconds (the client's fileTimeout); undefined: by size. */
  setTimeLimit(seconds: number | undefined): void {
    this.options.seconds = seconds;
  }

  /** The heap limit of threads started from now on, in MB (the client's maxFileMemory). */
  setMemoryLimit(megabytes: number): void {
    for (const thread of this.threads) thread.memoryMb = megabytes;
  }

  /** Workspace folders, for ignore files (every thread, now and after a restart). */
  setRoots(folders: string[]): void {
    this.roots = folders;
    this.broadcast({ type: 'roots', folders });
  }

  /** A config or ignore file changed: every thread forgets what it read. */
  reset(): void {
    this.broadcast({ type: 'reset' });
  }

  forget(uri: string): void {
    this.broadcast({ type: 'forget', uri });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.helpTimer);
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    await Promise.all(this.threads.map((t) => t.stop()));
  }

  private outcomeOf(reply: ThreadReply | undefined): LintOutcome | undefined {
    if (!reply || 'cancelled' in reply) return undefined;
    if ('outcome' in reply) return outcomeFromWire(reply.outcome);
    if ('failed' in reply) return { internalError: reply.failed };
    return undefined;
  }

  private broadcast(message: ThreadControl): void {
    for (const thread of this.threads) thread.post(message);
  }

  private submit(job: Omit<Job, 'resolve'>, resolve: Job['resolve']): void {
    if (this.closed) {
      resolve(undefined);
      return;
    }
    const full: Job = { ...job, resolve };
    const queued = this.queue.findIndex((j) => j.key === job.key);
    if (queued >= 0) {
      // Superseded before it started: the caller gets undefined, the new job takes its place.
      this.queue[queued]?.resolve(undefined);
      this.queue[queued] = full;
    } else this.queue.push(full);
    // A running job for the same document is now stale: stop it at its next rule.
    for (const thread of this.threads) if (thread.running?.job.key === job.key) thread.cancel();
    this.dispatch();
  }

  private dispatch(): void {
    clearTimeout(this.helpTimer);
    for (const thread of this.threads) {
      if (thread.running) continue;
      // Open documents first, wherever they sit in the queue; the editor's thread takes nothing else.
      const editor = this.queue.findIndex((j) => j.lane === 'editor');
      let pick = editor >= 0 ? editor : thread.lane === 'background' && this.queue.length > 0 ? 0 : -1;
      if (pick >= 0 && thread.lane === 'background' && !thread.alive && editor === pick) {
        // A second engine costs memory: start one for an open document only when the editor's
        // thread has been held up for a while (a long lint), not for every burst of keystrokes.
        const busySince = this.threads[0]?.running?.since ?? 0;
        const wait = busySince + HELP_AFTER_MS - Date.now();
        if (wait > 0) {
          this.helpTimer = setTimeout(() => this.dispatch(), wait);
          pick = this.queue.findIndex((j) => j.lane === 'background');
        }
      }
      if (pick < 0) continue;
      const [job] = this.queue.splice(pick, 1);
      if (job) this.start(thread, job);
    }
    for (const thread of this.threads)
      if (thread.lane === 'background' && !thread.running && thread.alive) thread.stopWhenIdle(IDLE_STOP_MS);
  }

  private start(thread: LintThread, job: Job): void {
    const id = ++this.nextId;
    const seconds = this.options.seconds ?? timeBudgetSeconds(job.bytes, job.format);
    const withModel = 'withModel' in job.request && job.request.withModel;
    const finish = (reply: ThreadReply | undefined) => {
      if (thread.running?.id !== id) return;
      clearTimeout(thread.running.timer);
      thread.running = undefined;
      if (withModel && reply && 'outcome' in reply && reply.outcome.result?.model) {
        // The caller publishes the diagnostics now; the model follows in the thread's next message,
        // and the thread takes its next job meanwhile (the server reads the model in parallel).
        job.resolve(reply, thread.awaitModel(id));
      } else job.resolve(reply);
      this.dispatch();
    };
    const timer = setTimeout(() => {
      this.options.log?.(`stopped a lint thread after ${seconds} s on ${job.path}`);
      void thread.stop();
      finish({ id, outcome: stoppedOutcome(overTimeBudget(job.path, job.format, seconds)) });
    }, seconds * 1000);
    thread.running = { job, id, timer, since: Date.now() };
    thread.run(
      { ...job.request, id } as ThreadRequest,
      this.roots,
      (reply) => finish(reply),
      (error) => {
        const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        this.options.log?.(`lint thread failed on ${job.path}: ${String(error)}`);
        finish({
          id,
          outcome: outOfMemory
            ? stoppedOutcome(overMemoryBudget(job.path, thread.memoryMb))
            : { internalError: `the lint thread stopped: ${String(error)}` },
        });
      },
    );
  }
}

function stoppedOutcome(error: LoadError) {
  return {
    result: {
      path: error.path,
      findings: [],
      error: { code: error.code, path: error.path, problem: error.problem },
    },
  };
}

/** One worker thread, started on first use and again after it was stopped. */
class LintThread {
  running?: Running;
  private worker?: Worker;
  private readonly cancelSlot = new Int32Array(new SharedArrayBuffer(4));
  private onReply?: (reply: ThreadReply) => void;
  /** Models still to come, by job id (they follow their findings). */
  private readonly models = new Map<number, (model: NavigationModel | undefined) => void>();
  private onFailure?: (error: Error) => void;

  constructor(
    readonly lane: Lane,
    public memoryMb: number,
  ) {}

  private idleTimer?: NodeJS.Timeout;

  /** The model that follows job `id`'s findings; undefined if the thread stops first. */
  awaitModel(id: number): Promise<NavigationModel | undefined> {
    return new Promise((resolve) => this.models.set(id, resolve));
  }

  private dropModels(): void {
    for (const resolve of this.models.values()) resolve(undefined);
    this.models.clear();
  }

  get alive(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the thread if it is still idle after `ms` (a new job starts a new one). */
  stopWhenIdle(ms: number): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.running) void this.stop();
    }, ms);
    this.idleTimer.unref();
  }

  run(
    request: ThreadRequest,
    roots: string[],
    onReply: (reply: ThreadReply) => void,
    onFailure: (error: Error) => void,
  ): void {
    clearTimeout(this.idleTimer);
    this.onReply = onReply;
    this.onFailure = onFailure;
    const worker = this.worker ?? this.spawn(roots);
    worker.postMessage(request);
  }

  post(message: ThreadControl): void {
    this.worker?.postMessage(message);
  }

  cancel(): void {
    if (this.running) Atomics.store(this.cancelSlot, 0, this.running.id);
  }

  /** Stops the thread now (a runaway job, an idle thread, shutdown); the next job starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.dropModels();
    if (worker) {
      worker.removeAllListeners();
      await worker.terminate();
    }
  }

  private spawn(roots: string[]): Worker {
    const worker = new Worker(WORKER_URL, {
      workerData: { cancel: this.cancelSlot.buffer },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    // Idle threads must not keep a server that is shutting down alive.
    worker.unref();
    worker.on('message', (reply: ThreadReply) => {
      if ('model' in reply) {
        this.models.get(reply.id)?.(reply.model);
        this.models.delete(reply.id);
      } else this.onReply?.(reply);
    });
    const failed = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.dropModels();
      this.onFailure?.(error);
    };
    worker.on('error', failed);
    worker.on('exit', (code) => {
      if (this.worker === worker) failed(new Error(`exited with code ${code}`));
    });
    if (roots.length) worker.postMessage({ type: 'roots', folders: roots } satisfies ThreadControl);
    this.worker = worker;
    return worker;
  }
}

// The extension bundles the server as server.mjs with its thread beside it as lint-worker.mjs;
// the npm package runs dist/server/server.js with dist/server/lint-worker.js.
const WORKER_URL = new URL(
  import.meta.url.endsWith('.mjs') ? './lint-worker.mjs' : './lint-worker.js',
  import.meta.url,
);
