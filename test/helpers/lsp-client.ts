import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ClientOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic); otherwise the server pushes. */
  pull?: boolean;
  /** Workspace folder. */
  root?: string;
  /** Answer to workspace/configuration for section contractLint. */
  settings?: Record<string, unknown>;
  debounceMs?: number;
  /** Advertise workspace/didChangeWatchedFiles dynamic registration. */
  watch?: boolean;
  /** More initializationOptions (e.g. the VS Code client's docxScheme and trusted). */
  initializationOptions?: Record<string, unknown>;
}

export interface OpenDoc {
  uri: string;
  version: number;
  doc: TextDocument;
}

/** A minimal LSP client over the real server process (stdio JSON-RPC). */
export class LspClient {
  readonly pushed = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  readonly registrations: unknown[] = [];
  refreshes = 0;
  readonly docs = new Map<string, OpenDoc>();
  settings: Record<string, unknown>;
  private listeners: (() => void)[] = [];
  private stderr = '';

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(proc.stdout),
      new StreamMessageWriter(proc.stdin),
    );
    const client = new LspClient(proc, connection, options);
    proc.stderr.on('data', (d) => {
      client.stderr += String(d);
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.pushed.set(p.uri, p);
      client.notify();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    connection.onNotification('window/showMessage', (p: { message: string }) => {
      client.logs.push(`POPUP: ${p.message}`);
    });
    connection.onNotification('$/progress', (p: unknown) => {
      client.progress.push(p);
      client.notify();
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'contractLint' ? client.settings : null)),
    );
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      client.notify();
      return null;
    });
    connection.listen();
    const root = options.root ?? emptyRoot();
    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: {
          relatedInformation: true,
          versionSupport: true,
          tagSupport: { valueSet: [1, 2] },
        },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        rename: { prepareSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...(options.pull
          ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }
          : {}),
      },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        workspaceEdit: { documentChanges: true },
        didChangeWatchedFiles: { dynamicRegistration: options.watch ?? true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      window: { workDoneProgress: true },
    };
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'root' }],
      capabilities,
      initializationOptions: { debounceMs: options.debounceMs ?? 0, ...options.initializationOptions },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const l of this.listeners.splice(0)) l();
  }

  /** Resolves when `check` is true (re-checked on every notification), or rejects on timeout. */
  async until<T>(check: () => T | undefined | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for ${what}\nserver stderr: ${this.stderr}\nlogs: ${this.logs.join('\n')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.listeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for pushed diagnostics of the document's current version. */
  async pushedFor(uri: string, version?: number): Promise<Diagnostic[]> {
    const p = await this.until(
      () => {
        const got = this.pushed.get(uri);
        if (!got) return undefined;
        if (version !== undefined && got.version !== version) return undefined;
        return got;
      },
      15_000,
      `diagnostics for ${uri}`,
    );
    return p.diagnostics;
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<OpenDoc> {
    const doc: OpenDoc = { uri, version: 1, doc: TextDocument.create(uri, languageId, 1, text) };
    this.docs.set(uri, doc);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return doc;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<OpenDoc> {
    const open = this.docs.get(uri);
    if (!open) throw new Error(`not open: ${uri}`);
    open.version++;
    open.doc = TextDocument.update(open.doc, changes, open.version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: open.version },
      contentChanges: changes,
    });
    return open;
  }

  /** Applies a workspace edit to the open document (as an editor would) and sends the change. */
  async applyEdit(edit: WorkspaceEdit, uri: string): Promise<string> {
    const open = this.docs.get(uri);
    if (!open) throw new Error(`not open: ${uri}`);
    const edits: TextEdit[] = [];
    for (const dc of edit.documentChanges ?? [])
      if ('edits' in dc && dc.textDocument.uri === uri) edits.push(...(dc.edits as TextEdit[]));
    edits.push(...(edit.changes?.[uri] ?? []));
    const text = TextDocument.applyEdits(open.doc, edits);
    await this.change(uri, [{ text }]);
    return text;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async pull(uri: string, previousResultId?: string) {
    return this.request<{ kind: 'full' | 'unchanged'; resultId?: string; items?: Diagnostic[] }>(
      'textDocument/diagnostic',
      { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) },
    );
  }

  get serverStderr(): string {
    return this.stderr;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 50));
    if (this.alive) this.proc.kill();
    this.connection.dispose();
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Every LSP range in a value (deeply), for bounds checks. */
export function collectRanges(
  value: unknown,
  out: { start: { line: number; character: number }; end: { line: number; character: number } }[] = [],
) {
  if (Array.isArray(value)) {
    for (const v of value) collectRanges(v, out);
  } else if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (isPosition(v.start) && isPosition(v.end)) out.push(v as never);
    for (const key of Object.keys(v)) collectRanges(v[key], out);
  }
  return out;
}

function isPosition(p: unknown): p is { line: number; character: number } {
  return (
    !!p &&
    typeof p === 'object' &&
    typeof (p as { line: unknown }).line === 'number' &&
    typeof (p as { character: unknown }).character === 'number'
  );
}

/** Is the range inside the text (LSP lines split at \n, \r\n, \r; characters in UTF-16)? */
export function rangeInside(
  text: string,
  r: { start: { line: number; character: number }; end: { line: number; character: number } },
): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.character >= 0 &&
    p.line < lines.length &&
    p.character <= (lines[p.line] as string).length;
  if (!ok(r.start) || !ok(r.end)) return false;
  return r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
}

/** An empty workspace folder (so tests that do not need workspace lint do not lint the repository). */
export function emptyRoot(): string {
  const dir = join(tmpdir(), 'contract-lint-empty-root');
  mkdirSync(dir, { recursive: true });
  return dir;
}
