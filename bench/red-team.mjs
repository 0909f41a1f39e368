/**
 * Hostile and huge inputs (not a test; issue 12's red team). Run after `npm run build`:
 *   node bench/red-team.mjs
 * For each input: (a) the CLI as a process — wall time, peak memory (VmHWM, polled), exit code
 * and what it said; (b) the language server over JSON-RPC with the input open — how long
 * another agreement's documentSymbol takes while the input is being linted, and when the input's
 * own diagnostics arrive. Limits checked: 20 s and 1 GB for the CLI, 2 s for the answer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/contract-lint.js');
const server = join(root, 'dist/server/main.js');
const dir = mkdtempSync(join(tmpdir(), 'contract-lint-red-team-'));
const agreement = readFileSync(join(root, 'fixtures/markdown/cross-license-defects.md'), 'utf8');

const inputs = [
  ['nested-prefix.md', `${'- '.repeat(16_000)}x\n`],
  ['nested-indent.md', Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- x\n`).join('')],
  ['emphasis.md', `${'*a_'.repeat(50_000)}\n`],
  ['quotes.md', `${'>'.repeat(100_000)}\n`],
  ['links.md', `${'[a]('.repeat(50_000)}\n`],
  ['single-line-5mb.md', `${'word '.repeat(1_000_000)}\n`],
  ['nested-items-60kb.md', '- - x\n'.repeat(10_000)],
];
// A real 8 MB agreement: CUAD contracts end to end, when the shared corpus is beside the clone.
const cuad = join(root, '../shared/corpus/cuad-dev/txt');
try {
  let text = '';
  for (const name of readdirSync(cuad).sort()) {
    if (text.length >= 7.9 * 1024 * 1024) break;
    text += `${readFileSync(join(cuad, name), 'utf8')}\n\n`;
  }
  inputs.push(['cuad-8mb.txt', text.slice(0, 8 * 1024 * 1024 - 16)]);
} catch {
  console.log('(no ../shared/corpus beside the clone: the 8 MB real agreement is left out)');
}

for (const [name, text] of inputs) writeFileSync(join(dir, name), text);

/** Runs the CLI on one file; polls /proc for its peak resident memory. */
function runCli(file) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [bin, '--format', 'json', '--no-progress', file]);
    let out = '';
    let peakKb = 0;
    child.stdout.on('data', (d) => {
      out += d;
    });
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        if (kb > peakKb) peakKb = kb;
      } catch {
        // exited
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - start) / 1000;
      let said = '';
      try {
        const report = JSON.parse(out)[0];
        const fatal = report.messages.find((m) => m.fatal);
        said = fatal ? `${fatal.code}` : `${report.messages.length} findings`;
      } catch {
        said = 'no JSON report';
      }
      resolve({ seconds, peakMb: peakKb / 1024, code, said });
    });
  });
}

/** Opens the input and an agreement in one server; times the agreement's outline. */
async function runServer(name, text) {
  const proc = spawn(process.execPath, [server, '--stdio']);
  const connection = createProtocolConnection(
    new StreamMessageReader(proc.stdout),
    new StreamMessageWriter(proc.stdin),
  );
  const pushed = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => pushed.set(p.uri, performance.now()));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const folder = mkdtempSync(join(tmpdir(), 'contract-lint-red-team-ws-'));
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    capabilities: {},
    initializationOptions: { debounceMs: 0 },
  });
  await connection.sendNotification('initialized', {});
  const hostile = pathToFileURL(join(folder, name)).href;
  const other = pathToFileURL(join(folder, 'licence.md')).href;
  const languageId = name.endsWith('.md') ? 'markdown' : 'plaintext';
  const start = performance.now();
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: hostile, languageId, version: 1, text },
  });
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: other, languageId: 'markdown', version: 1, text: agreement },
  });
  const asked = performance.now();
  const symbols = await connection.sendRequest('textDocument/documentSymbol', {
    textDocument: { uri: other },
  });
  const answerMs = performance.now() - asked;
  const deadline = Date.now() + 120_000;
  while (!pushed.has(hostile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const ownSeconds = pushed.has(hostile) ? (pushed.get(hostile) - start) / 1000 : Number.NaN;
  connection.dispose();
  proc.kill();
  rmSync(folder, { recursive: true, force: true });
  return { answerMs, symbols: symbols.length, ownSeconds };
}

console.log(
  '| input | size | CLI wall | CLI peak RSS | CLI says | server: other doc symbols | server: own diagnostics after |',
);
console.log('| --- | ---: | ---: | ---: | --- | ---: | ---: |');
let ok = true;
for (const [name, text] of inputs) {
  const cli = await runCli(join(dir, name));
  const lsp = await runServer(name, text);
  const within = cli.seconds <= 20 && cli.peakMb <= 1024 && lsp.answerMs <= 2000;
  ok &&= within;
  console.log(
    `| ${name} | ${(text.length / 1024).toFixed(0)} KB | ${cli.seconds.toFixed(1)} s | ${cli.peakMb.toFixed(0)} MB | ${cli.said} (exit ${cli.code}) | ${lsp.answerMs.toFixed(0)} ms (${lsp.symbols} symbols) | ${lsp.ownSeconds.toFixed(1)} s |${within ? '' : ' OVER'}`,
  );
}
rmSync(dir, { recursive: true, force: true });
console.log(ok ? 'all within 20 s, 1 GB and a 2 s answer' : 'SOME INPUT WENT OVER A LIMIT');
