import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { Connection, Diagnostic, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { SUPPORTED_EXTENSIONS } from '../engine/index.js';
import { toDiagnostics } from './diagnostics.js';
import type { LintThreads } from './lint-threads.js';
import { pathOf } from './linter.js';
import { Positions } from './positions.js';
import type { SettingsStore } from './settings.js';

const EXTENSION_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

interface Entry {
  resultId: string;
  diagnostics: Diagnostic[];
}

export interface WorkspaceLintHost {
  connection: Connection;
  threads: LintThreads;
  settings: SettingsStore;
  isOpen(uri: string): boolean;
  /** The URI the client shows a file under (a Word file's text view). */
  shownUri?(uri: string): string;
  /** Called with each file's new diagnostics (push clients publish them). */
  onResult(uri: string, diagnostics: Diagnostic[]): void;
  /** Called when a run finished (pull clients get a refresh). */
  onFinished(): void;
  nextResultId(): string;
  log(message: string): void;
}

/**
 * Lints every agreement in the workspace folders — including Word files nobody opened — in the
 * background, with progress. Keeps only diagnostics (never models), so memory stays small.
 */
export class WorkspaceLint {
  private readonly entries = new Map<string, Entry>();
  private folders: string[] = [];
  private generation = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly host: WorkspaceLintHost) {}

  get folderPaths(): string[] {
    return [...this.folders];
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.host.threads.setRoots(folders);
  }

  /** Resolves when the current run has finished. */
  whenDone(): Promise<void> {
    return this.running;
  }

  /** (Re)lints everything; a newer run supersedes an older one. */
  runAll(): Promise<void> {
    const generation = ++this.generation;
    const previous = this.running;
    this.running = previous.then(() => this.run(generation)).catch((error) => this.host.log(String(error)));
    return this.running;
  }

  private async run(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    const files = new Set<string>();
    for (const folder of this.folders) {
      try {
        for (const f of await glob(EXTENSION_GLOB, {
          cwd: folder,
          absolute: true,
          ignore: ['**/node_modules/**', '**/.git/**'],
          caseSensitiveMatch: false,
          followSymbolicLinks: false,
        }))
          files.add(f);
      } catch (error) {
        this.host.log(`workspace lint: cannot list ${folder}: ${String(error)}`);
      }
    }
    const uris = [...files].sort().map((f) => pathToFileURL(f).href);
    const present = new Set(uris);
    // Files gone from the workspace lose their diagnostics.
    for (const uri of [...this.entries.keys()]) {
      if (!present.has(uri)) {
        this.entries.delete(uri);
        if (!this.host.isOpen(uri)) this.host.onResult(uri, []);
      }
    }
    const progress = await this.host.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('contract-lint', 0, `Linting ${uris.length} agreements`, false);
    try {
      let done = 0;
      for (const uri of uris) {
        if (generation !== this.generation) return;
        if (!this.host.isOpen(uri)) await this.lintOne(uri);
        done++;
        progress?.report(Math.round((done / Math.max(1, uris.length)) * 100), `${done}/${uris.length}`);
        // Let editor requests in between files.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      progress?.done();
    }
    if (generation === this.generation) this.host.onFinished();
  }

  /** Lints one file from disk (a Word file saved, a config changed) and reports it. */
  async lintOne(uri: string): Promise<void> {
    try {
      const path = pathOf(uri);
      if (
        !path ||
        !(await stat(path)
          .then((s) => s.isFile())
          .catch(() => false))
      ) {
        this.remove(uri);
        return;
      }
      const settings = await this.host.settings.get(uri);
      if (!settings.workspaceLint && !/\.docx$/i.test(path)) {
        this.remove(uri);
        return;
      }
      const outcome = (await this.host.threads.lintPath(uri, settings, 'background'))?.outcome;
      if (!outcome) return; // superseded by a newer lint of the same file
      if (outcome.skipped) {
        // Ignored, disabled or not configured: not part of the workspace's diagnostics.
        this.remove(uri);
        return;
      }
      const positions = new Positions(outcome.result?.textView ?? '');
      const diagnostics = toDiagnostics(outcome, positions, this.host.shownUri?.(uri) ?? uri);
      const previous = this.entries.get(uri);
      if (previous && JSON.stringify(previous.diagnostics) === JSON.stringify(diagnostics)) return;
      this.entries.set(uri, { resultId: this.host.nextResultId(), diagnostics });
      if (!this.host.isOpen(uri)) this.host.onResult(uri, diagnostics);
    } catch (error) {
      this.host.log(
        `workspace lint of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
  }

  remove(uri: string): void {
    if (this.entries.delete(uri) && !this.host.isOpen(uri)) this.host.onResult(uri, []);
  }

  /** Is the file part of the workspace lint (so a closed document goes back to its disk diagnostics)? */
  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  entry(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  /** workspace/diagnostic: full reports for what changed, unchanged reports for the rest. */
  reports(previous: { uri: string; value: string }[]): WorkspaceDocumentDiagnosticReport[] {
    const known = new Map(previous.map((p) => [p.uri, p.value]));
    const out: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [uri, entry] of this.entries) {
      if (this.host.isOpen(uri)) continue;
      if (known.get(uri) === entry.resultId) {
        out.push({
          kind: 'unchanged',
          uri: this.host.shownUri?.(uri) ?? uri,
          version: null,
          resultId: entry.resultId,
        });
      } else {
        out.push({
          kind: 'full',
          uri: this.host.shownUri?.(uri) ?? uri,
          version: null,
          resultId: entry.resultId,
          items: entry.diagnostics,
        });
      }
    }
    return out;
  }

  /** Every known file (for re-publishing after a settings change). */
  uris(): string[] {
    return [...this.entries.keys()];
  }
}
