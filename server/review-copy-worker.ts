/**
 * A short-lived thread that writes one Word review copy, so the server's own thread keeps
 * answering requests while the agreement is loaded, linted and rewritten (see review-copy.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { clauseSuggestion } from '../engine/clauses/suggestion.js';
import { annotateFile, isLoadError, ReviewWriteError } from '../engine/index.js';
import { catalog } from '../rules/index.js';
import type { ExportJob, ExportReviewCopyResult } from './review-copy.js';

if (!parentPort) throw new Error('review-copy-worker runs as a worker thread');
const port = parentPort;
const job = workerData as ExportJob;

async function run(): Promise<ExportReviewCopyResult> {
  const rules = job.rules.flatMap((s) => {
    const rule = catalog.rules.find((r) => r.id === s.id);
    return rule
      ? [{ rule, severity: s.severity, options: s.options, ...(s.gated ? { gated: true } : {}) }]
      : [];
  });
  try {
    const { copy } = await annotateFile(job.path, rules, {
      out: job.out,
      redline: job.redline,
      force: job.force,
      clauseFor: clauseSuggestion,
    });
    return {
      status: 'written',
      out: job.out,
      outUri: job.outUri,
      comments: copy.comments,
      trackedChanges: copy.trackedChanges,
    };
  } catch (error) {
    if (error instanceof ReviewWriteError && error.exists)
      return { status: 'exists', out: job.out, outUri: job.outUri };
    if (isLoadError(error) || error instanceof ReviewWriteError)
      return { status: 'error', message: error.message };
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 'error', message: `cannot annotate ${job.path}: internal error: ${detail}` };
  }
}

void run().then((result) => port.postMessage(result));
