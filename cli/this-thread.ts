import { readFileSync, statSync } from 'node:fs';
import { Script } from 'node:vm';
import { overTimeBudget, type StepGuard } from '../engine/load/budget.js';
import { openZip } from '../engine/load/docx/zip.js';
import { formatOf } from '../engine/load/inputs.js';
import { type Budget, secondsFor } from './budget.js';
import { type LintTask, runLintTask } from './lint-task.js';
import type { FileReport } from './report.js';

/**
 * One file linted on the main thread, without a worker: for a drafter's `contract-lint
 * agreement.docx` a worker thread's start, the second load of the engine in it and its shutdown
 * were a fifth of the wait (a 17 KB Word agreement: 330 → 265 ms whole process).
 *
 * A worker can be stopped from outside at any moment; this thread cannot. So a file runs here only
 * when its cost is bounded in advance, and the steps whose time can still explode run under V8's
 * watchdog (node:vm's timeout):
 * - the bytes to read are small: a text or Markdown file of at most 1 MB; a Word file of at most
 *   1 MB whose parts, as the zip declares them (the reader holds each part to its declared size),
 *   come to at most 8 MB of XML. Reading such a file takes seconds at worst, and its heap is a
 *   fraction of the default limit, so no memory budget is needed;
 * - parsing the text view as Markdown and running the rules go through a StepGuard that stops them
 *   at the file's time budget, with the same error a worker's file gets.
 * Anything else — a larger file, a memory budget of the user's (--max-file-memory) — runs in a worker
 * as a batch does.
 */
export const MAX_BYTES_THIS_THREAD = 1024 * 1024;
export const MAX_WORD_XML_THIS_THREAD = 8 * 1024 * 1024;

/**
 * Lints the task here if its file is within the bounds above; undefined if it must go to a worker.
 */
export async function lintInThisThread(task: LintTask, budget: Budget): Promise<FileReport | undefined> {
  // A type the loader does not read: it says so before reading a byte.
  if (!formatOf(task.path)) return runLintTask(task);
  const bytes = task.bytes ?? readSmall(task.path);
  if (!bytes || !boundedForThisThread(bytes, task.path)) return undefined;
  const seconds = secondsFor({ ...task, bytes }, budget);
  const deadline = Date.now() + seconds * 1000;
  const stopped = () =>
    overTimeBudget(task.path, formatOf(task.path), seconds, 'Raise the limit with --file-timeout.');
  return runLintTask({ ...task, bytes }, deadlineGuard(deadline, stopped));
}

/** The file's bytes if it is a small regular file; undefined otherwise (the worker path reports why). */
function readSmall(path: string): Uint8Array | undefined {
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_BYTES_THIS_THREAD) return undefined;
    const bytes = readFileSync(path);
    return bytes.length <= MAX_BYTES_THIS_THREAD ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Whether reading the file is bounded as the module's comment says. */
export function boundedForThisThread(bytes: Uint8Array, path: string): boolean {
  if (bytes.length > MAX_BYTES_THIS_THREAD) return false;
  if (formatOf(path) !== 'docx') return true;
  let xml = 0;
  try {
    for (const [name, entry] of openZip(bytes, path).entries)
      if (/\.(xml|rels)$/i.test(name)) xml += entry.size;
  } catch {
    // Not a readable zip: the loader refuses it at once, with the reason.
    return true;
  }
  return xml <= MAX_WORD_XML_THIS_THREAD;
}

/** Runs the step stored under this symbol; node:vm can only time a script. */
const STEP = Symbol.for('contract-lint.guarded-step');
let stepScript: Script | undefined;

/**
 * A StepGuard that stops each step when the deadline (a Date.now() time: the performance global
 * would load perf_hooks for nothing else) passes (V8 terminates the script; the step's
 * state is abandoned, which is why only a run that ends with this file uses it) and throws the
 * error `stopped` makes instead.
 */
export function deadlineGuard(deadline: number, stopped: () => Error): StepGuard {
  return <T>(step: () => T): T => {
    const left = deadline - Date.now();
    if (left <= 0) throw stopped();
    stepScript ??= new Script('globalThis[Symbol.for("contract-lint.guarded-step")]()');
    const global = globalThis as { [STEP]?: () => unknown };
    const outer = global[STEP];
    global[STEP] = step;
    try {
      return stepScript.runInThisContext({ timeout: left }) as T;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw stopped();
      throw error;
    } finally {
      global[STEP] = outer;
    }
  };
}
