import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  ConfigError,
  ConfigResolver,
  DEFAULT_MEMORY_MB,
  formatOf,
  reviewCopyPath,
  type Severity,
} from '../engine/index.js';
import { catalog } from '../rules/index.js';
import { editorRules, pathOf } from './linter.js';
import type { Settings } from './settings.js';

/**
 * `workspace/executeCommand` contractLint.server.exportReviewCopy [{ uri, redline?, force? }]:
 * writes the Word review copy of a .docx beside it (see engine/review) and says where. The
 * client asks before overwriting: a first call without `force` answers `exists` instead.
 */
export const EXPORT_REVIEW_COPY_COMMAND = 'contractLint.server.exportReviewCopy';

export interface ExportReviewCopyArgs {
  /** file: URI of the .docx. */
  uri: string;
  redline?: boolean;
  force?: boolean;
}

export type ExportReviewCopyResult =
  | { status: 'written'; out: string; outUri: string; comments: number; trackedChanges: number }
  | { status: 'exists'; out: string; outUri: string }
  | { status: 'error'; message: string };

export async function exportReviewCopy(
  raw: unknown,
  settingsFor: (uri: string) => Promise<Settings>,
): Promise<ExportReviewCopyResult> {
  const args = (raw ?? {}) as Partial<ExportReviewCopyArgs>;
  const path = typeof args.uri === 'string' ? pathOf(args.uri) : undefined;
  if (!path || formatOf(path) !== 'docx') {
    return { status: 'error', message: 'only a Word .docx file on disk has a review copy' };
  }
  const out = reviewCopyPath(path);
  const outUri = pathToFileURL(out).href;
  let rules: ExportJob['rules'];
  try {
    const settings = await settingsFor(args.uri as string);
    const resolver = new ConfigResolver(catalog);
    // As for linting in the editor.
    rules = editorRules(resolver, resolver.forFile(path), settings).map((r) => ({
      id: r.rule.id,
      severity: r.severity,
      options: r.options,
      ...(r.gated ? { gated: true } : {}),
    }));
  } catch (error) {
    if (error instanceof ConfigError) return { status: 'error', message: error.message };
    throw error;
  }
  return inThread({ path, out, outUri, rules, redline: args.redline === true, force: args.force === true });
}

/** What the review-copy thread is given: plain data (rules are looked up again by id there). */
export interface ExportJob {
  path: string;
  out: string;
  outUri: string;
  rules: {
    id: string;
    severity: Severity;
    options: Record<string, unknown>;
    gated?: boolean;
  }[];
  redline: boolean;
  force: boolean;
}

// The extension bundles the thread as review-copy-worker.mjs beside server.mjs; the npm package
// runs dist/server/review-copy-worker.js.
const WORKER_URL = new URL(
  import.meta.url.endsWith('.mjs') ? './review-copy-worker.mjs' : './review-copy-worker.js',
  import.meta.url,
);

/** One thread per export, with the same heap budget as a lint thread. */
function inThread(job: ExportJob): Promise<ExportReviewCopyResult> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_URL, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: DEFAULT_MEMORY_MB },
    });
    let answered = false;
    const answer = (result: ExportReviewCopyResult) => {
      if (answered) return;
      answered = true;
      resolve(result);
      void worker.terminate();
    };
    worker.once('message', answer);
    worker.once('error', (error) =>
      answer({ status: 'error', message: `cannot annotate ${job.path}: ${error.message}` }),
    );
    worker.once('exit', (code) =>
      answer({
        status: 'error',
        message: `cannot annotate ${job.path}: the review-copy thread stopped (${code})`,
      }),
    );
  });
}
