import { createWriteStream, existsSync, mkdirSync, openSync, statSync, type WriteStream } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ConfigResolver, unknownRule } from '../engine/config/resolve.js';
import { ConfigError, type RuleSetting as ConfigRuleSetting } from '../engine/config/types.js';
import { MAX_DOCX_BYTES } from '../engine/load/inputs.js';
import { catalog } from '../rules/index.js';
import { DEFAULT_MEMORY_MB } from './budget.js';
import { collectConfiguredFiles } from './collect-files.js';
import { htmlFormatter } from './formatters/html.js';
import { jsonFormatter } from './formatters/json.js';
import { junitFormatter } from './formatters/junit.js';
import { sarifFormatter } from './formatters/sarif.js';
import { printable, stylishFormatter } from './formatters/stylish.js';
import { summaryFormatter } from './formatters/summary.js';
import type { FormatContext, Formatter } from './formatters/types.js';
import type { LintTask, RuleSetting } from './lint-task.js';
import { Progress } from './progress.js';
import { counts, type FileReport } from './report.js';
import { runTasks } from './run-tasks.js';
import { inShard } from './shard.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'html', 'summary'] as const;
type FormatName = (typeof FORMAT_NAMES)[number];

const FORMATTERS: Record<FormatName, (context: FormatContext) => Formatter> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
  junit: junitFormatter,
  html: htmlFormatter,
  summary: summaryFormatter,
};

/** Standard input is read up to the cap of a text file. */
/**
 * Standard input is read up to the largest file the loader accepts (a Word file's cap) plus one
 * byte; the loader then refuses anything over the cap for its format with the same message a file
 * gets ("stdin.md: file is 9.0 MB, over the 8.0 MB limit"), as an error for that input, exit 1.
 */
const MAX_STDIN_BYTES = MAX_DOCX_BYTES + 1;

export interface LintOptions {
  format: FormatName;
  outputFile?: string;
  config?: string;
  preset?: string;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: number;
  stdin?: boolean;
  stdinFilename?: string;
  shard?: { index: number; count: number };
  printConfig?: string;
  progress: boolean;
  color: boolean;
  threads?: number;
  /** Seconds one file may take (default: by its size; see cli/budget.ts). */
  fileTimeout?: number;
  /** Heap one file may use, in MB. */
  maxFileMemory?: number;
  /** One file may be linted on this thread (set by main, not an option of the command line). */
  oneFileHere?: boolean;
}

/** `contract-lint [paths…]`: lint, report, and return the exit code (0 clean, 1 findings, 2 usage). */
export async function lintCommand(paths: string[], options: LintOptions, version: string): Promise<number> {
  if (options.stdin && paths.length > 0) return usage('give either paths or --stdin, not both');
  if (!options.stdin && paths.length === 0)
    return usage('no files given (try: contract-lint fixtures/ or contract-lint --help)');
  if (options.preset && !catalog.presets[options.preset]) {
    return usage(`unknown preset "${options.preset}" (allowed: ${Object.keys(catalog.presets).join(', ')})`);
  }
  const resolver = new ConfigResolver(catalog, options.config);
  const overrides = {
    rules: ruleOverrides(options.rule),
    ...(options.preset ? { preset: options.preset } : {}),
  };
  const settingsFor = (file: string): RuleSetting[] =>
    resolver.effectiveRules(resolver.forFile(file), overrides).map((r) => ({
      id: r.rule.id,
      severity: r.severity,
      options: r.options,
      ...(r.gated ? { gated: true } : {}),
    }));

  let tasks: LintTask[];
  let missing: string[] = [];
  if (options.stdin) {
    const name = options.stdinFilename ?? 'stdin.md';
    const bytes = await readStdin();
    if (bytes === null) {
      process.stderr.write(
        `contract-lint: standard input is larger than ${MAX_DOCX_BYTES / (1024 * 1024)} MB, the largest agreement it reads; nothing was linted\n`,
      );
      return 2;
    }
    tasks = [{ path: name, rules: settingsFor(resolve(name)), bytes }];
  } else {
    const collected = await collectConfiguredFiles(paths, resolver, 'linted');
    missing = collected.missing;
    let files = collected.files;
    if (options.shard) {
      const { index, count } = options.shard;
      files = files.filter((file) => inShard(relative(process.cwd(), resolve(file)), index, count));
    }
    tasks = files.map((path) => ({ path, rules: settingsFor(path) }));
  }
  for (const arg of missing)
    process.stderr.write(`contract-lint: no such file, or no agreements matched: ${printable(arg)}\n`);
  if (missing.length > 0 && tasks.length === 0) return 2;

  let out: Output;
  try {
    out = openOutput(options.outputFile);
  } catch (error) {
    // Refused before any linting: the report would have nowhere to go.
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`contract-lint: cannot write the report to ${options.outputFile}: ${reason}\n`);
    return 2;
  }
  const color =
    options.color && !options.outputFile && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const formatter = FORMATTERS[options.format]({ cwd: process.cwd(), color, version });
  const progress = new Progress(tasks.length, options.progress);
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;

  const onReport = (raw: FileReport) => {
    const report = options.quiet
      ? { ...raw, findings: raw.findings.filter((f) => f.severity === 'error') }
      : raw;
    const c = counts(report);
    errors += c.errors;
    warnings += c.warnings;
    if (report.error) unreadable++;
    for (const e of report.ruleErrors ?? [])
      process.stderr.write(
        `contract-lint: rule ${e.ruleId} failed on ${printable(report.path)}: ${e.message}\n`,
      );
    const chunk = formatter.push(report);
    if (chunk) out.write(chunk);
    progress.tick(report.bytes ?? 0);
  };
  await runTasks(tasks, onReport, options.threads, {
    ...(options.fileTimeout !== undefined ? { seconds: options.fileTimeout } : {}),
    memoryMb: options.maxFileMemory ?? DEFAULT_MEMORY_MB,
    memoryGiven: options.maxFileMemory !== undefined,
    thisThread: options.oneFileHere === true,
  });
  progress.stop();
  out.write(formatter.finish());
  try {
    await out.close();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`contract-lint: writing the report to ${options.outputFile} failed: ${reason}\n`);
    return 2;
  }

  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(
      `contract-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`,
    );
    return 1;
  }
  if (unreadable > 0 && options.format !== 'stylish') {
    // stylish already shows these in the report; other formats go to files or machines.
    process.stderr.write(`contract-lint: ${unreadable} file(s) could not be read\n`);
  }
  if (missing.length > 0) return 2;
  return errors > 0 ? 1 : 0;
}

/** `--print-config <file>`: the merged configuration and the rules that would run. */
export async function printConfig(file: string, options: LintOptions): Promise<number> {
  const resolver = new ConfigResolver(catalog, options.config);
  const config = resolver.forFile(file);
  const overrides = {
    rules: ruleOverrides(options.rule),
    ...(options.preset ? { preset: options.preset } : {}),
  };
  const rules = resolver.effectiveRules(config, overrides);
  const printed = {
    file,
    configFiles: config.files,
    preset: overrides.preset ?? config.preset ?? catalog.defaultPreset,
    ignore: config.ignore.map((i) => ({ pattern: i.pattern, relativeTo: i.base })),
    rules: Object.fromEntries(
      rules.map((r) => [r.rule.id, Object.keys(r.options).length ? [r.severity, r.options] : r.severity]),
    ),
  };
  process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
  return 0;
}

/** Parses repeated --rule id:severity flags. */
export function ruleOverrides(flags: string[]): Record<string, ConfigRuleSetting> {
  const out: Record<string, ConfigRuleSetting> = {};
  for (const flag of flags) {
    const match = /^([a-z][a-z0-9-]*):(off|info|warning|error)$/.exec(flag.trim());
    if (!match)
      throw new ConfigError('--rule', `"${flag}" is not id:severity (severity: off, info, warning, error)`);
    const id = match[1] as string;
    if (!catalog.rules.some((r) => r.id === id))
      throw new ConfigError(
        '--rule',
        unknownRule(
          id,
          catalog.rules.map((r) => r.id),
        ),
      );
    out[id] = match[2] as ConfigRuleSetting;
  }
  return out;
}

function usage(message: string): number {
  process.stderr.write(`contract-lint: ${message}\n`);
  return 2;
}

/** Standard input, or null when it goes past every cap (it is not read further). */
async function readStdin(): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) return null;
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

interface Output {
  write(chunk: string): void;
  close(): Promise<void>;
}

/**
 * The report file, opened before any linting so that an unwritable place is a usage error, not a
 * stack trace after the work. Missing folders are created one level at a time (a recursive mkdir
 * under /proc never returns on some kernels).
 */
function openOutput(file: string | undefined): Output {
  if (!file) {
    return { write: (chunk) => void process.stdout.write(chunk), close: () => Promise.resolve() };
  }
  const target = resolve(file);
  makeFolders(dirname(target));
  const fd = openSync(target, 'w');
  const stream: WriteStream = createWriteStream(target, { fd });
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    write: (chunk) => {
      if (!failure) stream.write(chunk);
    },
    close: () =>
      new Promise<void>((done, fail) =>
        stream.end((error?: Error | null) => (error || failure ? fail(error ?? failure) : done())),
      ),
  };
}

function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  while (!existsSync(at)) {
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  if (!statSync(at).isDirectory()) throw new Error(`${at} is not a folder`);
  for (const dir of missing) mkdirSync(dir);
}
