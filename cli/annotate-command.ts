import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigResolver } from '../engine/config/resolve.js';
import {
  DEFAULT_MEMORY_MB,
  overMemoryBudget,
  overTimeBudget,
  timeBudgetSeconds,
} from '../engine/load/budget.js';
import { REVIEWED_SUFFIX, reviewCopyPath } from '../engine/review/annotate-file.js';
import { catalog } from '../rules/index.js';
import { type AnnotateReport, type AnnotateTask, emptyAnnotateReport } from './annotate-task.js';
import { collectConfiguredFiles } from './collect-files.js';
import { printable } from './formatters/stylish.js';
import { ruleOverrides } from './lint-command.js';
import { Progress } from './progress.js';
import { runInPool } from './task-pool.js';

export interface AnnotateOptions {
  outDir?: string;
  redline?: boolean;
  force?: boolean;
  config?: string;
  preset?: string;
  rule: string[];
  progress: boolean;
  threads?: number;
  /** Seconds one file may take (default: twice lint's budget for its size; see cli/budget.ts). */
  fileTimeout?: number;
  /** Heap one file may use, in MB. */
  maxFileMemory?: number;
}

/**
 * `contract-lint annotate <paths…>`: a Word review copy of each .docx, beside it or in --out-dir.
 * Exit codes as for lint: 0 no error findings, 1 error findings or a file that could not be
 * annotated, 2 usage.
 */
export async function annotateCommand(paths: string[], options: AnnotateOptions): Promise<number> {
  if (paths.length === 0) return usage('no files given (try: contract-lint annotate agreement.docx)');
  if (options.preset && !catalog.presets[options.preset]) {
    return usage(`unknown preset "${options.preset}" (allowed: ${Object.keys(catalog.presets).join(', ')})`);
  }
  const outDir = options.outDir === undefined ? undefined : resolve(options.outDir);
  if (outDir !== undefined) {
    if (!existsSync(outDir)) return usage(`--out-dir ${printable(options.outDir ?? '')} does not exist`);
    if (!statSync(outDir).isDirectory())
      return usage(`--out-dir ${printable(options.outDir ?? '')} is not a folder`);
  }
  const resolver = new ConfigResolver(catalog, options.config);
  const overrides = {
    rules: ruleOverrides(options.rule),
    ...(options.preset ? { preset: options.preset } : {}),
  };

  const collected = await collectConfiguredFiles(paths, resolver, 'annotated');
  for (const arg of collected.missing)
    process.stderr.write(`contract-lint: no such file, or no agreements matched: ${printable(arg)}\n`);
  const files = collected.files;
  const docx = files.filter(
    (f) => f.toLowerCase().endsWith('.docx') && !f.toLowerCase().endsWith(REVIEWED_SUFFIX),
  );
  const skipped = files.length - docx.length;
  if (skipped > 0)
    process.stderr.write(
      `contract-lint: skipped ${skipped} file${skipped === 1 ? '' : 's'} that ${skipped === 1 ? 'is' : 'are'} not a Word .docx or already a review copy (*${REVIEWED_SUFFIX})\n`,
    );
  if (docx.length === 0) {
    if (collected.missing.length === 0)
      process.stderr.write('contract-lint: no Word .docx files to annotate\n');
    return 2;
  }

  // Two inputs with the same name would write the same review copy in --out-dir: the second is refused.
  const claimed = new Map<string, string>();
  const tasks: AnnotateTask[] = [];
  const refused: AnnotateReport[] = [];
  for (const path of docx) {
    const out = reviewCopyPath(resolve(path), outDir);
    const first = claimed.get(out);
    if (first !== undefined) {
      refused.push(emptyAnnotateReport(path, out, `cannot annotate ${path}: ${first} also writes ${out}`));
      continue;
    }
    claimed.set(out, path);
    const rules = resolver.effectiveRules(resolver.forFile(path), overrides).map((r) => ({
      id: r.rule.id,
      severity: r.severity,
      options: r.options,
      ...(r.gated ? { gated: true } : {}),
    }));
    tasks.push({ path, out, rules, redline: options.redline === true, force: options.force === true });
  }

  const progress = new Progress(tasks.length, options.progress);
  const totals = { files: 0, failed: 0, comments: 0, trackedChanges: 0, errors: 0 };
  const onReport = (report: AnnotateReport) => {
    progress.tick(report.bytes);
    if (report.error) {
      totals.failed++;
      process.stderr.write(`contract-lint: ${printable(report.error)}\n`);
      return;
    }
    totals.files++;
    totals.comments += report.comments;
    totals.trackedChanges += report.trackedChanges;
    totals.errors += report.severities.error;
    process.stdout.write(`${summaryLine(report, options.redline === true)}\n`);
  };
  for (const report of refused) onReport(report);
  const memoryMb = options.maxFileMemory ?? DEFAULT_MEMORY_MB;
  await runInPool(
    {
      worker: new URL('./annotate-worker.js', import.meta.url),
      memoryMb,
      // Annotating is linting plus writing the copy: twice lint's budget for the file's size.
      seconds: (task) => options.fileTimeout ?? 2 * timeBudgetSeconds(sizeOf(task.path), 'docx'),
      failed: (task, error, seconds) => {
        const code = (error as { code?: unknown } | undefined)?.code;
        const name = (error as { name?: unknown } | undefined)?.name;
        const stopped =
          code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? overMemoryBudget(task.path, memoryMb, 'Raise it with --max-file-memory.')
            : name === 'AbortError'
              ? overTimeBudget(task.path, 'docx', seconds, 'Raise the limit with --file-timeout.')
              : undefined;
        return emptyAnnotateReport(
          task.path,
          task.out,
          stopped?.message ?? `cannot annotate ${task.path}: ${String(error)}`,
        );
      },
    },
    tasks,
    onReport,
    options.threads,
  );
  progress.stop();
  const redline = options.redline === true;
  process.stdout.write(
    `${plural(totals.files, 'review copy', 'review copies')} written: ${plural(totals.comments, 'comment')}` +
      (redline ? `, ${plural(totals.trackedChanges, 'tracked change')}` : '') +
      (totals.failed > 0 ? `; ${plural(totals.failed, 'file')} could not be annotated` : '') +
      '\n',
  );
  if (collected.missing.length > 0) return 2;
  return totals.failed > 0 || totals.errors > 0 ? 1 : 0;
}

function summaryLine(report: AnnotateReport, redline: boolean): string {
  const { exact, approximate, paragraph } = report.anchors;
  const placement =
    report.comments === 0
      ? ''
      : ` (${exact} on the exact words${approximate ? `, ${approximate} on nearby words` : ''}${paragraph ? `, ${paragraph} on a whole paragraph` : ''})`;
  return (
    `${printable(report.path)} → ${printable(shown(report.out))}: ${plural(report.comments, 'comment')}${placement}` +
    (redline ? `, ${plural(report.trackedChanges, 'tracked change')}` : '')
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    // Unreadable: the task reports why, at once.
    return 0;
  }
}

/** Paths under the working folder are shown relative to it, as the inputs usually are. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function usage(message: string): number {
  process.stderr.write(`contract-lint: ${message}\n`);
  return 2;
}
