import { basename } from 'node:path';
import {
  type CancellationToken,
  type ClientCapabilities,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, IGNORE_FILE_NAMES } from '../engine/index.js';
import { type Analysis, analysisOf, completed } from './analysis.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { toDiagnostics } from './diagnostics.js';
import { DOCX_TEXT_REQUEST, type DocxTextParams, docxText } from './docx-text.js';
import { DocxUris } from './docx-uri.js';
import { LintThreads, type ThreadLint } from './lint-threads.js';
import { formatOfDocument, pathOf } from './linter.js';
import * as nav from './navigation.js';
import { Positions } from './positions.js';
import {
  CHECKLIST_REQUEST,
  CLAUSE_TEMPLATES_REQUEST,
  checklistOf,
  clauseTemplatesFor,
  LINT_WORKSPACE_COMMAND,
} from './requests.js';
import { EXPORT_REVIEW_COPY_COMMAND, exportReviewCopy } from './review-copy.js';
import { SettingsStore } from './settings.js';
import { WorkspaceLint } from './workspace-lint.js';

export const DEFAULT_DEBOUNCE_MS = 200;
/** How long a reading request waits for the lint of the current version before using the last. */
const READ_WAIT_MS = 150;

interface DocState {
  analysis?: Analysis;
  /** What the client was last given (pull: resultId; push: published). */
  published?: { resultId: string; diagnostics: Diagnostic[] };
  timer?: NodeJS.Timeout;
  waiters: (() => void)[];
  /** The lint under way, and the version it is for (a request for that version waits for it). */
  inflight?: { version: number; promise: Promise<Analysis | undefined> };
}

interface Features {
  pull: boolean;
  refresh: boolean;
  configuration: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  documentChanges: boolean;
}

function features(c: ClientCapabilities): Features {
  return {
    pull: !!c.textDocument?.diagnostic,
    refresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    watchedFilesRegistration: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
  };
}

function debounceFrom(init: unknown): number {
  const fromInit = (init as { debounceMs?: unknown } | null | undefined)?.debounceMs;
  if (typeof fromInit === 'number' && fromInit >= 0) return fromInit;
  const fromEnv = Number(process.env.CONTRACT_LINT_DEBOUNCE_MS);
  if (process.env.CONTRACT_LINT_DEBOUNCE_MS !== undefined && Number.isFinite(fromEnv) && fromEnv >= 0)
    return fromEnv;
  return DEFAULT_DEBOUNCE_MS;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The language server: wires LSP requests to the engine adapters in this folder. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  const log = (message: string) => connection.console.error(`[contract-lint] ${message}`);
  // Loading and linting run on other threads, so this one always answers.
  const threads = new LintThreads({ log });
  let settings = new SettingsStore(connection, undefined);
  let feats: Features = features({});
  let workspaceFoldersSupported = false;
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let resultCounter = 0;
  let docxUris = new DocxUris(undefined);
  /** An untrusted workspace (the client says so): lint open documents only. */
  let trusted = true;
  const nextResultId = () => `r${++resultCounter}`;

  const workspace = new WorkspaceLint({
    connection,
    threads,
    get settings() {
      return settings;
    },
    isOpen: (uri) => documents.get(uri) !== undefined || documents.get(docxUris.toShown(uri)) !== undefined,
    shownUri: (uri) => docxUris.toShown(uri),
    onResult: (uri, diagnostics) => {
      if (!feats.pull) void connection.sendDiagnostics({ uri: docxUris.toShown(uri), diagnostics });
    },
    onFinished: () => refresh(),
    nextResultId,
    log,
  });

  function refresh(): void {
    if (feats.pull && feats.refresh) connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** Runs a handler; an exception is logged and becomes the fallback answer, never a crash or popup. */
  function guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return fallback;
      }
    };
  }

  function state(uri: string): DocState {
    let s = states.get(uri);
    if (!s) {
      s = { waiters: [] };
      states.set(uri, s);
    }
    return s;
  }

  /** Lints the current version of an open document (stale runs are dropped). */
  function lintOpen(uri: string, publish: boolean): Promise<Analysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const s = state(uri);
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    // The same version is being linted already: share that run (and publish it if asked).
    const inflight = s.inflight;
    if (inflight && inflight.version === doc.version)
      return publish
        ? inflight.promise.then((a) => {
            if (a?.version !== undefined) publishOpen(uri, a.diagnostics, a.version);
            return a;
          })
        : inflight.promise;
    const promise = runLint(uri, doc.version, publish);
    s.inflight = { version: doc.version, promise };
    const clear = () => {
      if (s.inflight?.promise === promise) s.inflight = undefined;
    };
    promise.then(clear, clear);
    return promise;
  }

  async function runLint(uri: string, version: number, publish: boolean): Promise<Analysis | undefined> {
    const s = state(uri);
    const docSettings = await settings.get(uri);
    const doc = documents.get(uri);
    if (doc?.version !== version) return undefined; // a newer edit came in
    const format = docxUris.isTextView(uri) ? 'docx' : formatOfDocument(uri, doc.languageId);
    let lint: ThreadLint | undefined;
    let positions: Positions;
    if (format === 'docx') {
      // A Word file opened in the editor: lint the file on disk, never the buffer.
      lint = await threads.lintPath(docxUris.toFile(uri), docSettings, 'editor');
      positions = new Positions(lint?.outcome.result?.textView ?? '');
    } else {
      positions = Positions.of(doc);
      lint = format
        ? await threads.lintText(uri, doc.getText(), format, docSettings)
        : { outcome: { skipped: 'unsupported' } };
    }
    if (!lint || documents.get(uri)?.version !== version) return undefined;
    const analysis = analysisOf(uri, version, positions, lint, toDiagnostics(lint.outcome, positions, uri));
    if (analysis.outcome.internalError)
      log(`engine error on ${uri}: ${describe(analysis.outcome.internalError)}`);
    if (!states.has(uri)) return undefined; // closed meanwhile
    s.analysis = analysis;
    if (publish) publishOpen(uri, analysis.diagnostics, version);
    const waiters = s.waiters.splice(0);
    for (const w of waiters) w();
    return analysis;
  }

  function publishOpen(uri: string, diagnostics: Diagnostic[], version: number): void {
    const s = state(uri);
    const same = s.published && JSON.stringify(s.published.diagnostics) === JSON.stringify(diagnostics);
    if (!same) s.published = { resultId: nextResultId(), diagnostics };
    if (!feats.pull) void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    const s = state(uri);
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      lintOpen(uri, true).catch((error) => log(`lint of ${uri} failed: ${error?.stack ?? error}`));
    }, delay);
  }

  /** The analysis of the document's current version, with its full model. */
  async function analyse(uri: string): Promise<Analysis | undefined> {
    return completed(await analyseCurrent(uri));
  }

  /** The analysis of the current version (lints now, or waits for the pending run). */
  async function analyseCurrent(uri: string): Promise<Analysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return analyseClosed(uri);
    const s = state(uri);
    if (s.analysis?.version === doc.version) return s.analysis;
    if (s.timer) {
      await new Promise<void>((resolve) => s.waiters.push(resolve));
      const again = documents.get(uri);
      if (again && s.analysis?.version === again.version) return s.analysis;
    }
    return (await lintOpen(uri, false)) ?? s.analysis;
  }

  /**
   * For reading requests (hover, symbols, links…): the current version's analysis if it comes
   * soon, else the last one — a lint under way never holds up an answer by more than this wait.
   */
  async function analyseForReading(uri: string): Promise<Analysis | undefined> {
    const last = states.get(uri)?.analysis;
    const current = analyse(uri);
    if (!last) return current;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), READ_WAIT_MS);
    });
    const first = await Promise.race([current, late]);
    clearTimeout(timer);
    return first ?? completed(states.get(uri)?.analysis ?? last);
  }

  /** A file not open in the editor (a .docx in the workspace): read from disk, not cached. */
  async function analyseClosed(uri: string): Promise<Analysis | undefined> {
    const file = docxUris.toFile(uri);
    if (!pathOf(file)) return undefined;
    const lint = await threads.lintPath(file, await settings.get(file), 'editor');
    if (!lint) return undefined;
    const positions = new Positions(lint.outcome.result?.textView ?? '');
    return analysisOf(uri, undefined, positions, lint, toDiagnostics(lint.outcome, positions, uri));
  }

  async function relintEverything(): Promise<void> {
    for (const doc of documents.all()) await lintOpen(doc.uri, true);
    void workspace.runAll();
    refresh();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    feats = features(params.capabilities);
    workspaceFoldersSupported = !!params.capabilities.workspace?.workspaceFolders;
    const init = (params.initializationOptions ?? {}) as {
      settings?: unknown;
      debounceMs?: unknown;
      docxScheme?: unknown;
      trusted?: unknown;
      /** Seconds one document may take to lint (default: by its size). */
      fileTimeout?: unknown;
      /** Heap one document may use while it is linted, in MB. */
      maxFileMemory?: unknown;
    };
    if (typeof init.docxScheme === 'string' && /^[a-z][a-z0-9+.-]*$/.test(init.docxScheme))
      docxUris = new DocxUris(init.docxScheme);
    trusted = init.trusted !== false;
    debounceMs = debounceFrom(init);
    if (typeof init.fileTimeout === 'number' && init.fileTimeout > 0) threads.setTimeLimit(init.fileTimeout);
    if (typeof init.maxFileMemory === 'number' && init.maxFileMemory >= 16)
      threads.setMemoryLimit(init.maxFileMemory);
    settings = new SettingsStore(connection, init.settings);
    settings.canPull = feats.configuration;
    const folders = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    if (folders.length === 0 && params.rootUri) {
      const root = pathOf(params.rootUri);
      if (root) folders.push(root);
    }
    // In an untrusted workspace only what the user opens is linted, nothing in the background.
    workspace.setFolders(trusted ? folders : []);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'contract-lint' },
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND, EXPORT_REVIEW_COPY_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        experimental: {
          docxTextRequest: DOCX_TEXT_REQUEST,
          checklistRequest: CHECKLIST_REQUEST,
          clauseTemplatesRequest: CLAUSE_TEMPLATES_REQUEST,
        },
      },
      serverInfo: { name: 'contract-lint' },
    };
    if (feats.pull) {
      result.capabilities.diagnosticProvider = {
        identifier: 'contract-lint',
        interFileDependencies: false,
        workspaceDiagnostics: true,
      };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (feats.watchedFilesRegistration) {
      const names = [...CONFIG_FILE_NAMES, ...IGNORE_FILE_NAMES];
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{docx,md,markdown,txt,text}' },
            ...names.map((n) => ({ globPattern: `**/${n}` })),
          ],
        })
        .catch((error) => log(`cannot watch files: ${error}`));
    }
    if (feats.configurationRegistration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'contractLint' })
        .catch(() => undefined);
    }
    if (workspaceFoldersSupported)
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const current = new Set(workspace.folderPaths);
        for (const f of event.removed) {
          const p = pathOf(f.uri);
          if (p) current.delete(p);
        }
        for (const f of event.added) {
          const p = pathOf(f.uri);
          if (p) current.add(p);
        }
        workspace.setFolders(trusted ? [...current] : []);
        void workspace.runAll();
      });
    void workspace.runAll();
  });

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, async (params) => {
      settings.update(params.settings);
      await relintEverything();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, async (params) => {
      let configChanged = false;
      for (const change of params.changes) {
        const name = basename(pathOf(change.uri) ?? change.uri);
        if (CONFIG_FILE_NAMES.includes(name) || IGNORE_FILE_NAMES.includes(name)) configChanged = true;
      }
      if (configChanged) {
        threads.reset();
        await relintEverything();
        return;
      }
      for (const change of params.changes) {
        const shown = docxUris.toShown(change.uri);
        if (documents.get(change.uri) || documents.get(shown)) {
          // An open Word file saved from Word: re-read it. Open text files follow the buffer.
          if (/\.docx$/i.test(change.uri)) await lintOpen(documents.get(shown) ? shown : change.uri, true);
          continue;
        }
        await workspace.lintOne(change.uri);
      }
      refresh();
    }),
  );

  documents.onDidOpen((e) => {
    state(e.document.uri);
    schedule(e.document.uri, 0);
  });

  documents.onDidChangeContent(
    guard('didChange', undefined, async (e) => {
      const uri = e.document.uri;
      const s = state(uri);
      if (!s.analysis) return; // the open's lint is still to come
      const docSettings = await settings.get(uri);
      if (docSettings.run === 'onType') schedule(uri, debounceMs);
    }),
  );

  documents.onDidSave(
    guard('didSave', undefined, async (e) => {
      const docSettings = await settings.get(e.document.uri);
      if (docSettings.run === 'onSave') await lintOpen(e.document.uri, true);
    }),
  );

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const s = states.get(uri);
    if (s?.timer) clearTimeout(s.timer);
    for (const w of s?.waiters ?? []) w();
    states.delete(uri); // drop the model: memory follows the open documents
    threads.forget(uri);
    if (!feats.pull) {
      const entry = workspace.entry(uri);
      void connection.sendDiagnostics({ uri, diagnostics: entry?.diagnostics ?? [] });
    }
    void workspace.lintOne(uri).then(() => refresh());
  });

  connection.languages.diagnostics.on(
    guard(
      'textDocument/diagnostic',
      { kind: 'full', items: [] } as DocumentDiagnosticReport,
      async (params): Promise<DocumentDiagnosticReport> => {
        const uri = params.textDocument.uri;
        const doc = documents.get(uri);
        if (!doc) {
          const entry = workspace.entry(docxUris.toFile(uri));
          if (entry) {
            return params.previousResultId === entry.resultId
              ? { kind: 'unchanged', resultId: entry.resultId }
              : { kind: 'full', resultId: entry.resultId, items: entry.diagnostics };
          }
          const analysis = await analyseClosed(uri);
          return { kind: 'full', items: analysis?.diagnostics ?? [] };
        }
        const docSettings = await settings.get(uri);
        const s = state(uri);
        if (docSettings.run === 'onType' || !s.published) {
          const analysis = await analyse(uri);
          if (analysis?.version !== undefined) publishOpen(uri, analysis.diagnostics, analysis.version);
        }
        const published = s.published;
        if (!published) return { kind: 'full', items: [] };
        if (params.previousResultId === published.resultId)
          return { kind: 'unchanged', resultId: published.resultId };
        return { kind: 'full', resultId: published.resultId, items: published.diagnostics };
      },
    ),
  );

  connection.languages.diagnostics.onWorkspace(
    guard('workspace/diagnostic', { items: [] }, async (params, token: CancellationToken) => {
      await workspace.whenDone();
      if (token.isCancellationRequested) return { items: [] };
      return { items: workspace.reports(params.previousResultIds) };
    }),
  );

  connection.onCodeAction(
    guard('codeAction', [], async (params) => {
      const analysis = await analyse(params.textDocument.uri);
      if (!analysis || !documents.get(params.textDocument.uri)) return [];
      return codeActions(analysis, params, { documentChanges: feats.documentChanges });
    }),
  );

  connection.onHover(
    guard('hover', null, async (p) => {
      const a = await analyseForReading(p.textDocument.uri);
      return a ? nav.hover(a, p.position) : null;
    }),
  );
  connection.onDefinition(
    guard('definition', [], async (p) => {
      const a = await analyseForReading(p.textDocument.uri);
      return a ? nav.definition(a, p.position) : [];
    }),
  );
  connection.onReferences(
    guard('references', [], async (p) => {
      const a = await analyseForReading(p.textDocument.uri);
      return a ? nav.references(a, p.position, p.context?.includeDeclaration !== false) : [];
    }),
  );
  connection.onPrepareRename(
    guard('prepareRename', null, async (p) => {
      const a = await analyse(p.textDocument.uri);
      return a ? nav.prepareRename(a, p.position) : null;
    }),
  );
  connection.onRenameRequest(
    guard('rename', null, async (p) => {
      const a = await analyse(p.textDocument.uri);
      if (!a) return null;
      let edits: ReturnType<typeof nav.rename>;
      try {
        edits = nav.rename(a, p.position, p.newName);
      } catch (error) {
        if (error instanceof nav.RenameError) throw new ResponseError(-32602, error.message);
        throw error;
      }
      if (!edits) throw new ResponseError(-32602, 'Only a defined term can be renamed here.');
      return feats.documentChanges
        ? { documentChanges: [{ textDocument: { uri: a.uri, version: a.version ?? null }, edits }] }
        : { changes: { [a.uri]: edits } };
    }),
  );
  connection.onDocumentSymbol(
    guard('documentSymbol', [], async (p) => {
      const a = await analyseForReading(p.textDocument.uri);
      return a ? nav.documentSymbols(a) : [];
    }),
  );
  connection.onDocumentLinks(
    guard('documentLink', [], async (p) => {
      const a = await analyseForReading(p.textDocument.uri);
      return a ? nav.documentLinks(a) : [];
    }),
  );
  connection.onFoldingRanges(
    guard('foldingRange', [], async (p) => {
      const a = await analyseForReading(p.textDocument.uri);
      return a ? nav.foldingRanges(a) : [];
    }),
  );

  connection.onRequest(
    CHECKLIST_REQUEST,
    guard('checklist', null, async (params: { uri?: string }) => {
      const analysis = params?.uri ? await analyse(params.uri) : undefined;
      return analysis ? checklistOf(analysis) : null;
    }),
  );
  connection.onRequest(
    CLAUSE_TEMPLATES_REQUEST,
    guard('clauseTemplates', [], async (params: { uri?: string }) =>
      clauseTemplatesFor(params?.uri ? await analyse(params.uri) : undefined),
    ),
  );
  connection.onExecuteCommand(
    guard('executeCommand', null, async (params) => {
      if (params.command === EXPORT_REVIEW_COPY_COMMAND)
        return exportReviewCopy(params.arguments?.[0], (uri) => settings.get(uri));
      if (params.command !== LINT_WORKSPACE_COMMAND) return null;
      await workspace.runAll();
      refresh();
      return { files: workspace.uris().length };
    }),
  );

  connection.onRequest(DOCX_TEXT_REQUEST, async (params: DocxTextParams) => {
    try {
      return await docxText(docxUris.toFile(params?.uri ?? ''), threads);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${DOCX_TEXT_REQUEST} failed: ${message}`);
      throw new ResponseError(-32602, message);
    }
  });

  documents.listen(connection);
  connection.listen();
}
