import { statSync } from 'node:fs';
import { formatOf } from '../engine/load/inputs.js';
import type { LintTask } from './lint-task.js';
import type { FileReport } from './report.js';

/**
 * What one file may cost before it is stopped and reported as an error, so that no input holds
 * up a batch. Time grows with size: a real 8 MB agreement lints in about 7 s on one core, so the
 * default (10 s, plus 2 s per 100 KB of text; a .docx is compressed, so per 25 KB) leaves wide
 * room for slow machines while a 30 KB file that would take minutes stops after 10.6 s.
 */
export interface Budget {
  /** A fixed time per file in seconds; undefined: the size-based default. */
  seconds?: number;
  /** Heap per worker thread, in MB. */
  memoryMb: number;
}

export const BASE_SECONDS = 10;
export const SECONDS_PER_100_KB = 2;
/**
 * Heap per worker thread. Real text peaks at about 40× its size (a real 7.9 MB agreement: 335 MB)
 * and generated text at 65× (10 MB: 650 MB), so the 8 MB cap on text fits with room to spare.
 */
export const DEFAULT_MEMORY_MB = 1024;

export function secondsFor(task: LintTask, budget: Budget): number {
  if (budget.seconds !== undefined) return budget.seconds;
  const bytes = task.bytes?.length ?? sizeOf(task.path);
  const per100Kb = formatOf(task.path) === 'docx' ? 4 * SECONDS_PER_100_KB : SECONDS_PER_100_KB;
  return Math.round(BASE_SECONDS + (bytes / 102_400) * per100Kb);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    // Unreadable: the loader reports why, at once.
    return 0;
  }
}

/** The report for a file stopped by its budget (the worker that held it is gone). */
export function overBudgetReport(
  task: LintTask,
  error: unknown,
  seconds: number,
  budget: Budget,
): FileReport {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return {
      path: task.path,
      findings: [],
      error: {
        code: 'memory-budget',
        message: `cannot lint ${task.path}: stopped when it needed more than ${budget.memoryMb} MB of memory, the limit per file. Raise it with --max-file-memory.`,
      },
    };
  if ((error as { name?: unknown } | undefined)?.name === 'AbortError')
    return {
      path: task.path,
      findings: [],
      error: {
        code: 'time-budget',
        message: `cannot lint ${task.path}: stopped after ${seconds} s, the time limit for a file of its size. ${likelyCause(task.path)} Raise the limit with --file-timeout.`,
      },
    };
  return {
    path: task.path,
    findings: [],
    error: { code: 'internal', message: `cannot lint ${task.path}: ${String(error)}` },
  };
}

function likelyCause(path: string): string {
  switch (formatOf(path)) {
    case 'docx':
      return 'A Word file this slow to read is unusual.';
    case 'markdown':
      return 'Deeply nested lists, or long runs of * _ [ markers?';
    default:
      return 'Text this slow to read is unusual.';
  }
}
