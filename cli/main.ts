import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, ConfigResolver, type FileResult, lintFile, type RuleSetting } from '../engine/index.js';
import { catalog } from '../rules/index.js';
import { collectFiles } from './collect-files.js';
import { ConfigIgnore } from './config-ignore.js';
import { formatJson } from './formatters/json.js';
import { formatStylish } from './formatters/stylish.js';
import { inspectFile } from './inspect.js';

/** Exit codes CI can rely on. */
export const EXIT = { clean: 0, errors: 1, failure: 2 } as const;

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

interface LintOptions {
  format: 'stylish' | 'json';
  color: boolean;
  config?: string;
  preset?: string;
  rule: string[];
}

/** Runs the CLI with the given arguments and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.clean;
  const program = new Command('contract-lint')
    .description('Lint agreements (Markdown, plain text, Word .docx) for drafting defects.')
    .version(pkg.version, '-v, --version')
    .argument('[paths...]', 'files, folders or globs to lint')
    .addOption(
      new Option('-f, --format <name>', 'output format').choices(['stylish', 'json']).default('stylish'),
    )
    .option('--no-color', 'disable colours in the stylish output')
    .option('-c, --config <file>', 'use this config file instead of looking for .contractlintrc.* files')
    .option('--preset <name>', `rule preset (${Object.keys(catalog.presets).join(', ')})`)
    .option(
      '--rule <id:severity>',
      "set a rule's severity (off, info, warning, error); repeatable",
      collect,
      [],
    )
    .showHelpAfterError('(run contract-lint --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .action(async (paths: string[], options: LintOptions) => {
      exitCode = await runLint(paths, options);
    });

  program
    .command('inspect')
    .description('print the contract model (sections, definitions, cross-references, parties) as JSON')
    .argument('<file>', 'the agreement to inspect')
    .option('--text', 'print the text view that findings’ lines and columns refer to')
    .exitOverride()
    .action(async (file: string, options: { text?: boolean }) => {
      exitCode = await inspectFile(file, options.text === true);
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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runLint(paths: string[], options: LintOptions): Promise<number> {
  try {
    return await lintPaths(paths, options);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`contract-lint: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

/** Parses repeated --rule id:severity flags. */
function ruleOverrides(flags: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const match = /^([a-z][a-z0-9-]*):(off|info|warning|error)$/.exec(flag.trim());
    if (!match)
      throw new ConfigError('--rule', `"${flag}" is not id:severity (severity: off, info, warning, error)`);
    const id = match[1] as string;
    if (!catalog.rules.some((r) => r.id === id)) throw new ConfigError('--rule', `unknown rule "${id}"`);
    out[id] = match[2] as RuleSetting;
  }
  return out;
}

async function lintPaths(paths: string[], options: LintOptions): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write(
      'contract-lint: no files given (try: contract-lint fixtures/ or contract-lint --help)\n',
    );
    return EXIT.failure;
  }
  const { files, missing } = await collectFiles(paths);
  for (const arg of missing)
    process.stderr.write(`contract-lint: no such file or no agreements matched: ${arg}\n`);
  const resolver = new ConfigResolver(catalog, options.config);
  const overrides = {
    rules: ruleOverrides(options.rule),
    ...(options.preset ? { preset: options.preset } : {}),
  };
  const configIgnore = new ConfigIgnore();
  const results: FileResult[] = [];
  for (const file of files) {
    const config = resolver.forFile(file);
    if (configIgnore.isIgnored(file, config)) continue;
    const rules = resolver.effectiveRules(config, overrides);
    const result = await lintFile(file, rules);
    // The model is not needed for output; drop it so memory does not grow with the folder.
    delete result.model;
    delete result.textView;
    results.push(result);
  }
  const useColor = options.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
  process.stdout.write(
    options.format === 'json' ? `${formatJson(results)}\n` : formatStylish(results, useColor),
  );

  if (missing.length > 0 || results.some((r) => r.error)) return EXIT.failure;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.errors : EXIT.clean;
}
