import { randomBytes } from 'node:crypto';
import { link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { EffectiveRule } from '../config/resolve.js';
import { type LocatedFinding, lintDocument } from '../lint/lint.js';
import type { Finding } from '../lint/types.js';
import { describeFsError } from '../load/fs-errors.js';
import { loadBytes, MAX_DOCX_BYTES, readCapped } from '../load/index.js';
import type { ContractModel } from '../model/types.js';
import type { ClauseSuggestion } from './comment-text.js';
import { buildReviewCopy, type ReviewCopy } from './review-copy.js';

/** The suffix of review copies; inputs that already have it are not annotated again. */
export const REVIEWED_SUFFIX = '.reviewed.docx';

/** `deal.docx` → `deal.reviewed.docx`, beside it or in `outDir`. */
export function reviewCopyPath(path: string, outDir?: string): string {
  return join(outDir ?? dirname(path), `${basename(path).replace(/\.docx$/i, '')}${REVIEWED_SUFFIX}`);
}

/** The review copy could not be written where it should go. */
export class ReviewWriteError extends Error {
  override readonly name = 'ReviewWriteError';
  constructor(
    message: string,
    /** The destination exists and `force` was not given. */
    readonly exists = false,
  ) {
    super(message);
  }
}

export interface AnnotateFileOptions {
  out: string;
  redline?: boolean;
  force?: boolean;
  now?: Date;
  clauseFor?: (finding: Finding, model: ContractModel | undefined) => ClauseSuggestion | undefined;
}

export interface AnnotatedFile {
  copy: ReviewCopy;
  findings: LocatedFinding[];
}

/**
 * Reads a Word agreement, lints it and writes its review copy: the CLI's `annotate` and the
 * editor's export command both come here. Throws LoadError for a file that cannot be read and
 * ReviewWriteError for a destination that cannot be written; the original is only ever read.
 */
export async function annotateFile(
  path: string,
  rules: EffectiveRule[],
  options: AnnotateFileOptions,
): Promise<AnnotatedFile> {
  const bytes = await readCapped(path, MAX_DOCX_BYTES);
  const doc = await loadBytes(bytes, path, 'docx');
  const result = lintDocument(doc, rules, { wordFixes: true });
  const copy = buildReviewCopy(bytes, doc, result.findings, {
    ...(options.redline ? { redline: true } : {}),
    ...(options.now ? { now: options.now } : {}),
    clauseFor: (finding) => options.clauseFor?.(finding, result.model),
  });
  await writeAtomically(options.out, copy.bytes, options.force === true);
  return { copy, findings: result.findings };
}

/**
 * Writes a temporary file beside the destination, then moves it into place: a failure never
 * leaves a half-written document. Without `force`, the move is a hard link, which fails rather
 * than replace a file that appeared meanwhile.
 */
async function writeAtomically(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  const exists = () => new ReviewWriteError(`${out} already exists (use --force to overwrite it)`, true);
  if (
    !force &&
    (await stat(out).then(
      () => true,
      () => false,
    ))
  )
    throw exists();
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
  } catch (error) {
    throw new ReviewWriteError(`cannot write ${out}: ${describeFsError(error)}`);
  }
  try {
    if (force) await rename(temp, out);
    else {
      try {
        await link(temp, out);
        await unlink(temp);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw exists();
        // File systems without hard links: the check above is the best there is.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        await rename(temp, out);
      }
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof ReviewWriteError) throw error;
    throw new ReviewWriteError(`cannot write ${out}: ${describeFsError(error)}`);
  }
}
