import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../engine/config/types.js';
import { catalog } from '../rules/index.js';
import { DEFAULT_MEMORY_MB } from './budget.js';
import { FORMAT_NAMES, type LintOptions, lintCommand, printConfig } from './lint-command.js';

/** Exit codes CI can rely on. */
export const EXIT = { clean: 0, errors: 1, failure: 2 } as const;

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Runs the CLI with the given arguments and resolves to the process exit code. `oneFileHere`: the
 * run was started for one file on this thread (start-mode.ts), which the lint then does when the
 * file allows it (this-thread.ts).
 */
export async function main(argv: string[], { oneFileHere = false } = {}): Promise<number> {
  let exitCode: number = EXIT.clean;
  const program = new Command('contract-lint')
    // Options after a subcommand are the subcommand's ("annotate --preset strict"), not lint's.
    .enablePositionalOptions()
    .description('Lint agreements (Markdown, plain text, Word .docx) for drafting defects.')
    .version(pkg.version, '-v, --version')
    .argument(
      '[paths...]',
      'files, folders or globs to lint (folders recurse over .md .markdown .txt .text .docx)',
    )
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'use this config file instead of looking for .contractlintrc.* files')
    .option('--preset <name>', `rule preset (${Object.keys(catalog.presets).join(', ')})`)
    .option(
      '--rule <id:severity>',
      "set a rule's severity (off, info, warning, error); repeatable",
      collect,
      [],
    )
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings', nonNegativeInt)
    .option('--stdin', 'lint standard input')
    .option(
      '--stdin-filename <name>',
      'the file name of standard input (its extension selects the format; default stdin.md)',
    )
    .option('--shard <i/n>', 'lint only shard i of n (1-based), a stable split for CI matrices', shard)
    .option('--print-config <file>', 'print the configuration that applies to a file, then exit')
    .option('--no-progress', 'never show a progress bar')
    .option('--no-color', 'disable colours in the stylish output')
    .option('--threads <n>', 'worker threads (default: all cores)', positiveInt)
    .option(
      '--file-timeout <seconds>',
      'stop a file that takes longer and report it as an error (default: 10 s + 2 s per 100 KB)',
      positiveInt,
    )
    .option(
      '--max-file-memory <MB>',
      `stop a file that needs more memory and report it as an error (default: ${DEFAULT_MEMORY_MB})`,
      positiveInt,
    )
    .showHelpAfterError('(run contract-lint --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .action(async (paths: string[], options: LintOptions) => {
      exitCode = await withConfigErrors(() =>
        options.printConfig
          ? printConfig(options.printConfig, options)
          : lintCommand(paths, { ...options, oneFileHere }, pkg.version),
      );
    });

  program
    .command('inspect')
    .description(
      'print the contract model (sections, definitions, cross-references, parties, clauses) as JSON',
    )
    .argument('<file>', 'the agreement to inspect')
    .option('--text', 'print the text view that findings’ lines and columns refer to')
    .exitOverride()
    .action(async (file: string, options: { text?: boolean }) => {
      const { inspectFile } = await import('./inspect.js');
      exitCode = await inspectFile(file, options.text === true);
    });

  program
    .command('annotate')
    .description(
      'write a Word review copy of each .docx (<name>.reviewed.docx): every finding as a comment on its words',
    )
    .argument('<paths...>', 'Word files, folders or globs (*.reviewed.docx and other files are skipped)')
    .option('--out-dir <dir>', 'write the review copies to this folder instead of beside the originals')
    .option('--redline', 'turn fixes that are one unambiguous edit into tracked changes')
    .option('--force', 'overwrite existing review copies')
    .option('-c, --config <file>', 'use this config file instead of looking for .contractlintrc.* files')
    .option('--preset <name>', `rule preset (${Object.keys(catalog.presets).join(', ')})`)
    .option('--rule <id:severity>', "set a rule's severity; repeatable", collect, [])
    .option('--no-progress', 'never show a progress bar')
    .option('--threads <n>', 'worker threads (default: all cores)', positiveInt)
    .option(
      '--file-timeout <seconds>',
      'stop a file that takes longer and report it as an error',
      positiveInt,
    )
    .option(
      '--max-file-memory <MB>',
      'stop a file that needs more memory and report it as an error',
      positiveInt,
    )
    .exitOverride()
    .action(async (paths: string[], options: import('./annotate-command.js').AnnotateOptions) => {
      const { annotateCommand } = await import('./annotate-command.js');
      exitCode = await withConfigErrors(() => annotateCommand(paths, options));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? EXIT.clean : EXIT.failure;
    }
    throw error;
  }
  return exitCode;
}

async function withConfigErrors(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`contract-lint: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return Number(value);
}

function positiveInt(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return Number(value);
}

function shard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, e.g. 2/4');
  return { index, count };
}
