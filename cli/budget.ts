import { statSync } from 'node:fs';
import { overMemoryBudget, overTimeBudget, timeBudgetSeconds } from '../engine/load/budget.js';
import { formatOf } from '../engine/load/inputs.js';
import type { LintTask } from './lint-task.js';
import type { FileReport } from './report.js';

export { DEFAULT_MEMORY_MB } from '../engine/load/budget.js';

/** The CLI's budget per file (see engine/load/budget.ts for the defaults and why). */
export interface Budget {
  /** A fixed time per file in seconds (--file-timeout); undefined: by the file's size. */
  seconds?: number;
  /** Heap per worker thread, in MB (--max-file-memory). */
  memoryMb: number;
  /** The user set memoryMb: every file then runs in a worker, which alone can enforce it. */
  memoryGiven?: boolean;
  /** A lone file may run on this thread (no workers were started for the run). */
  thisThread?: boolean;
}

export function secondsFor(task: LintTask, budget: Budget): number {
  if (budget.seconds !== undefined) return budget.seconds;
  return timeBudgetSeconds(task.bytes?.length ?? sizeOf(task.path), formatOf(task.path));
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    // Unreadable: the loader reports why, at once.
    return 0;
  }
}

/** The report for a file whose worker failed: stopped by a budget, or died. */
export function overBudgetReport(
  task: LintTask,
  error: unknown,
  seconds: number,
  budget: Budget,
): FileReport {
  const code = (error as { code?: unknown } | undefined)?.code;
  const stopped =
    code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? overMemoryBudget(task.path, budget.memoryMb, 'Raise it with --max-file-memory.')
      : (error as { name?: unknown } | undefined)?.name === 'AbortError'
        ? overTimeBudget(task.path, formatOf(task.path), seconds, 'Raise the limit with --file-timeout.')
        : undefined;
  return {
    path: task.path,
    findings: [],
    error: stopped
      ? { code: stopped.code, message: stopped.message }
      : { code: 'internal', message: `cannot lint ${task.path}: ${String(error)}` },
  };
}
