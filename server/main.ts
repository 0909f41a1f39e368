#!/usr/bin/env node
/**
 * contract-lint language server. Start it with `--stdio` or `--node-ipc` (or `--socket=N`):
 *   node dist/server/main.js --stdio
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const connection = createConnection(ProposedFeatures.all);

// A bug must never take the editor's server down: log it and carry on.
process.on('uncaughtException', (error) => {
  connection.console.error(`[contract-lint] uncaught: ${error?.stack ?? String(error)}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`[contract-lint] unhandled rejection: ${String(reason)}`);
});

startServer(connection);
