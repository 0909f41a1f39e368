import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { lintDocument } from '../engine/lint/lint.js';
import { isLoadError, LoadError } from '../engine/load/errors.js';
import { loadBytes, MAX_DOCX_BYTES } from '../engine/load/index.js';
import { tooLarge } from '../engine/load/inputs.js';
import { buildReviewCopy } from '../engine/review/index.js';
import { catalog } from '../rules/index.js';
import { clauseSuggestion } from './clause-suggestion.js';
import type { RuleSetting } from './lint-task.js';

export interface AnnotateTask {
  path: string;
  /** Where the review copy goes. */
  out: string;
  rules: RuleSetting[];
  redline: boolean;
  force: boolean;
}

export interface AnnotateReport {
  path: string;
  out: string;
  /** Set when no review copy was written; the message names the file and the reason. */
  error?: string;
  comments: number;
  trackedChanges: number;
  /** Comments on exactly the finding's words, on nearby words, or on the whole paragraph. */
  anchors: { exact: number; approximate: number; paragraph: number };
  severities: { error: number; warning: number; info: number };
  bytes: number;
}

/** Reads, lints and writes one review copy. Never throws: a bad file becomes a report with `error`. */
export async function runAnnotateTask(task: AnnotateTask): Promise<AnnotateReport> {
  const report: AnnotateReport = {
    path: task.path,
    out: task.out,
    comments: 0,
    trackedChanges: 0,
    anchors: { exact: 0, approximate: 0, paragraph: 0 },
    severities: { error: 0, warning: 0, info: 0 },
    bytes: 0,
  };
  try {
    const bytes = await readDocx(task.path);
    report.bytes = bytes.length;
    const doc = await loadBytes(bytes, task.path, 'docx');
    const rules = task.rules.flatMap((s) => {
      const rule = catalog.rules.find((r) => r.id === s.id);
      return rule
        ? [{ rule, severity: s.severity, options: s.options, ...(s.gated ? { gated: true } : {}) }]
        : [];
    });
    const result = lintDocument(doc, rules, { wordFixes: true });
    const copy = buildReviewCopy(bytes, doc, result.findings, {
      redline: task.redline,
      clauseFor: (finding) => clauseSuggestion(finding, result.model),
    });
    await writeAtomically(task.out, copy.bytes, task.force);
    report.comments = copy.comments;
    report.trackedChanges = copy.trackedChanges;
    for (const placed of copy.placed) report.anchors[placed.anchor]++;
    for (const finding of result.findings) report.severities[finding.severity]++;
  } catch (error) {
    report.error = isLoadError(error)
      ? error.message
      : `cannot annotate ${task.path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  return report;
}

async function readDocx(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new LoadError('unreadable', path, 'is a directory');
    size = info.size;
  } catch (error) {
    if (isLoadError(error)) throw error;
    throw new LoadError('unreadable', path, fsReason(error));
  }
  if (size > MAX_DOCX_BYTES) throw tooLarge(path, size, MAX_DOCX_BYTES);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new LoadError('unreadable', path, fsReason(error));
  }
}

/**
 * Writes a temporary file beside the destination, then moves it into place: a failure never
 * leaves a half-written document. Without `force`, the move is a hard link, which fails rather
 * than replace a file that appeared meanwhile.
 */
class DestinationExists extends Error {
  constructor(out: string) {
    super(`${out} already exists (use --force to overwrite it)`);
  }
}

async function writeAtomically(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  if (!force && (await exists(out))) {
    throw new DestinationExists(out);
  }
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
  } catch (error) {
    throw new Error(`cannot write ${out}: ${fsReason(error)}`);
  }
  try {
    if (force) await rename(temp, out);
    else {
      try {
        await link(temp, out);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new DestinationExists(out);
        // File systems without hard links: the check above is the best we have.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        await rename(temp, out);
        return;
      }
      await unlink(temp);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof DestinationExists) throw error;
    throw new Error(`cannot write ${out}: ${fsReason(error)}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
