/**
 * A lint thread of the language server: loads, models and lints documents so the server's own
 * thread only answers requests. It keeps each open document's Markdown parse between edits (a
 * keystroke re-parses one paragraph) and the paragraph memos of the engine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type ContractModel,
  IncrementalMarkdown,
  LintCancelled,
  loadFile,
  useTextMemos,
} from '../engine/index.js';
import {
  navigationModel,
  outcomeToWire,
  type ThreadControl,
  type ThreadReply,
  type ThreadRequest,
} from './lint-wire.js';
import type { LintOutcome } from './linter.js';
import { Linter, pathOf } from './linter.js';

if (!parentPort) throw new Error('lint-worker runs as a worker thread');
const port = parentPort;
/** Slot 0 holds the id of a request the server no longer wants (a newer version came in). */
const cancelled = new Int32Array((workerData as { cancel: SharedArrayBuffer }).cancel);

useTextMemos(true);
const linter = new Linter();
const parses = new Map<string, IncrementalMarkdown>();

/**
 * How long a model for navigation waits before it is sent. Findings go at once; the model (most
 * of the bytes) follows when the document has been quiet this long, and is dropped if a newer
 * version comes first — so while someone types, every keystroke costs a lint, not a lint and a
 * model's copy. Between keystrokes (100 ms and more apart) every model is sent.
 */
const MODEL_DELAY_MS = 30;
const pendingModels = new Map<string, { id: number; timer: NodeJS.Timeout }>();

/** A newer lint of the document is here: the model of the older one will not be wanted. */
function dropPendingModel(key: string): void {
  const pending = pendingModels.get(key);
  if (!pending) return;
  clearTimeout(pending.timer);
  pendingModels.delete(key);
  port.postMessage({ id: pending.id, model: undefined } satisfies ThreadReply);
}

function sendModelSoon(key: string, id: number, model: ContractModel): void {
  const timer = setTimeout(() => {
    pendingModels.delete(key);
    port.postMessage({ id, model: navigationModel(model) } satisfies ThreadReply);
  }, MODEL_DELAY_MS);
  pendingModels.set(key, { id, timer });
}

port.on('message', (message: ThreadRequest | ThreadControl) => {
  if (message.type === 'roots') linter.ignore.setRoots(message.folders);
  else if (message.type === 'reset') linter.reset();
  else if (message.type === 'forget') parses.delete(message.uri);
  else {
    const key = message.type === 'docx-text' ? '' : `${message.type} ${message.uri}`;
    if (key) dropPendingModel(key);
    void handle(message).then(
      (reply) => {
        port.postMessage(reply.first);
        if (reply.model) sendModelSoon(key, message.id, reply.model);
      },
      (error: unknown) =>
        port.postMessage({
          id: message.id,
          ...(error instanceof LintCancelled
            ? { cancelled: true }
            : { failed: error instanceof Error ? error.message : String(error) }),
        } satisfies ThreadReply),
    );
  }
});

function lintReply(id: number, outcome: LintOutcome, withModel: boolean) {
  const model = withModel ? outcome.result?.model : undefined;
  return { first: { id, outcome: outcomeToWire(outcome) } satisfies ThreadReply, model };
}

async function handle(
  request: ThreadRequest,
): Promise<{ first: ThreadReply; model?: ContractModel | undefined }> {
  const control = { isCancelled: () => Atomics.load(cancelled, 0) === request.id };
  switch (request.type) {
    case 'lint-text': {
      let parse = parses.get(request.uri);
      if (!parse) {
        parse = new IncrementalMarkdown();
        parses.set(request.uri, parse);
      }
      const outcome = linter.lintText(
        request.uri,
        request.text,
        request.format,
        request.settings,
        parse,
        control,
      );
      return lintReply(request.id, outcome, request.withModel);
    }
    case 'lint-path': {
      const outcome = await linter.lintPath(request.uri, request.settings, control);
      return lintReply(request.id, outcome, request.withModel);
    }
    case 'docx-text': {
      const path = pathOf(request.path) ?? request.path;
      const doc = await loadFile(path);
      return {
        first: {
          id: request.id,
          docx: {
            textView: doc.textView,
            wordParagraphs: (doc.wordParagraphs ?? []).map((p) => ({
              index: p.index,
              start: p.range.start,
              end: p.range.end,
            })),
          },
        },
      };
    }
  }
}
