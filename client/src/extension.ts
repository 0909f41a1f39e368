import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { DOCX_SCHEME, DocxTextProvider, registerDocxEditor, textViewUriOf } from './docx';
import { StatusItem } from './status';

/**
 * A thin client: every check, fix and navigation lives in the language server; this file starts
 * it, shows Word agreements as text, and adds a few commands and a status item.
 */
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Contract Lint', { log: true });
  context.subscriptions.push(log);

  const serverModule = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: DOCX_SCHEME },
    ],
    outputChannel: log,
    traceOutputChannel: log,
    // Errors go to the log, never to popups.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { trusted: vscode.workspace.isTrusted, docxScheme: DOCX_SCHEME },
    errorHandler: {
      error: (error, _message, count) => {
        log.error(`language server error: ${error.message}`);
        return { action: (count ?? 0) < 5 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
      },
      closed: () => {
        log.warn('language server stopped; restarting');
        return { action: CloseAction.Restart, handled: true };
      },
    },
    middleware: {
      // Findings for Word files are shown on the read-only text view, where a click lands on the spot.
      handleDiagnostics: (uri, diagnostics, next) => {
        next(
          uri.scheme === 'file' && uri.path.toLowerCase().endsWith('.docx') ? textViewUriOf(uri) : uri,
          diagnostics,
        );
      },
    },
  };

  client = new LanguageClient('contractLint', 'Contract Lint', serverOptions, clientOptions);
  const docxText = new DocxTextProvider(() => client);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, docxText),
    registerDocxEditor(),
    new StatusItem(context, () => client),
  );
  registerCommands(context, () => client, log);

  // A Word file saved from Word: refresh its text view (the server re-lints it on its own).
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx');
  const refresh = (uri: vscode.Uri) => {
    log.info(`${uri.fsPath} changed on disk: refreshing its text view`);
    docxText.refresh(textViewUriOf(uri));
  };
  context.subscriptions.push(watcher, watcher.onDidChange(refresh), watcher.onDidCreate(refresh));

  await client.start();
  log.info(`Contract Lint started (workspace trusted: ${vscode.workspace.isTrusted})`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
