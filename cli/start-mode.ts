import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * How a run starts, from its arguments alone, before any of the command line is loaded (so this
 * module imports nothing of it): one file is linted on the main thread (this-thread.ts, with the
 * bundled command line: command-line.ts); a batch starts its lint workers first (prestart.ts);
 * anything else (help, annotate, a memory budget of the user's) starts none.
 */
export type StartMode = { mode: 'this-thread' } | { mode: 'workers'; threads: number } | { mode: 'none' };

/** Arguments after which no lint worker is wanted, or one with another heap. */
const NOT_A_DEFAULT_LINT = new Set([
  'annotate',
  'inspect',
  'help',
  '-h',
  '--help',
  '-v',
  '--version',
  '--print-config',
  '--max-file-memory',
]);

export function startMode(argv: string[]): StartMode {
  if (argv.some((arg) => NOT_A_DEFAULT_LINT.has(arg.split('=')[0] as string))) return { mode: 'none' };
  const threads = threadsFor(argv);
  return threads === 0 ? { mode: 'this-thread' } : { mode: 'workers', threads };
}

/**
 * A folder, a glob or several paths: all the threads a batch will use start at once, the others'
 * boot overlapping the command line's start as the first's does. Standard input or a thread count
 * of the user's own: one. One file: none (0), it runs on this thread.
 */
function threadsFor(argv: string[]): number {
  if (argv.includes('--stdin')) return 1;
  const paths = pathsIn(argv);
  const many = paths.length > 1 || paths.some((path) => /[*?[{]/.test(path) || isDirectory(path));
  if (!many) return 0;
  return argv.some((arg) => arg.split('=')[0] === '--threads') ? 1 : availableParallelism();
}

/** The lint command's options that take a value: the argument after them is no path. */
const TAKES_VALUE = new Set([
  '-f',
  '--format',
  '-o',
  '--output-file',
  '-c',
  '--config',
  '--preset',
  '--rule',
  '--max-warnings',
  '--stdin-filename',
  '--shard',
  '--file-timeout',
]);

function pathsIn(argv: string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) paths.push(arg);
    else if (TAKES_VALUE.has(arg)) i++;
  }
  return paths;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
