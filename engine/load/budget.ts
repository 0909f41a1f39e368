import type { SourceFormat } from '../model/types.js';
import { LoadError } from './errors.js';

/**
 * What one file may cost before the CLI or the language server stops the thread reading it and
 * reports it as an error, so that no input holds up a batch or an editor. Time grows with size:
 * a real 8 MB agreement lints in about 7 s on one core, so the default (10 s, plus 2 s per
 * 100 KB; a .docx is compressed, so per 25 KB) leaves wide room for slow machines, while a 30 KB
 * file that would take minutes stops after 10.6 s.
 */
export const BASE_SECONDS = 10;
export const SECONDS_PER_100_KB = 2;

/**
 * Heap per thread. Real text peaks at about 40× its size (a real 7.9 MB agreement: 335 MB) and
 * generated text at 65× (10 MB: 650 MB), so the 8 MB cap on text fits with room to spare.
 */
export const DEFAULT_MEMORY_MB = 1024;

/**
 * Runs one synchronous step of reading or linting a file. The steps whose time can grow faster
 * than their input — parsing Markdown (micromark on deeply nested lists), the rules — go through
 * it, so that a caller running them on its own thread can stop them at a deadline (the CLI's
 * one-file run, cli/this-thread.ts); a worker thread is stopped from outside and needs none.
 */
export type StepGuard = <T>(step: () => T) => T;

/** Runs the step as is. */
export const unguarded: StepGuard = (step) => step();

/** The time budget, in whole seconds, for a file of this size and format. */
export function timeBudgetSeconds(bytes: number, format: SourceFormat | undefined): number {
  const per100Kb = format === 'docx' ? 4 * SECONDS_PER_100_KB : SECONDS_PER_100_KB;
  return Math.round(BASE_SECONDS + (bytes / 102_400) * per100Kb);
}

/** The error for a file stopped after `seconds`; `hint` says how to raise the limit. */
export function overTimeBudget(path: string, format: SourceFormat | undefined, seconds: number, hint = '') {
  const cause =
    format === 'docx'
      ? 'A Word file this slow to read is unusual.'
      : format === 'markdown'
        ? 'Deeply nested lists, or long runs of * _ [ markers?'
        : 'Text this slow to read is unusual.';
  return new LoadError(
    'time-budget',
    path,
    `stopped after ${seconds} s, the time limit for a file of its size. ${cause}${hint ? ` ${hint}` : ''}`,
  );
}

/** The error for a file stopped when it needed more than `megabytes` of heap. */
export function overMemoryBudget(path: string, megabytes: number, hint = '') {
  return new LoadError(
    'memory-budget',
    path,
    `stopped when it needed more than ${megabytes} MB of memory, the limit per file.${hint ? ` ${hint}` : ''}`,
  );
}
