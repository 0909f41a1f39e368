/**
 * Language-server benchmark (not a test). Run after `npm run build`:
 *   node bench/server-bench.mjs
 * (a) one full lint of a generated ~300 KB / ~47,000-word agreement, next to remark-parse alone;
 * (b) a one-character edit sent over JSON-RPC → diagnostics received, p50/p95 over 50 edits
 *     after 10 warm-up edits, with the server's debounce set to 0 (initializationOptions.debounceMs);
 * (c) the server's resident memory with that document plus 20 others open.
 * markdownlint (its default rules, the library's sync API) lints the same text for comparison.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ConfigResolver, forgetTextMemos, lintDocument, loadText } from '../dist/engine/index.js';
import { catalog } from '../dist/rules/index.js';
import { generateAgreement } from './generate-agreement.mjs';

const RUNS = 7;
const EDITS = 50;
// Edits before the measured ones: the server's JIT warm-up, as the full-lint timing has its own.
const WARM_UP_EDITS = 10;
const text = generateAgreement();
const words = text.split(/\s+/).length;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
function time(fn) {
  fn(); // warm-up
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

// (a) full lint vs remark-parse alone, and markdownlint in turns with it (ours, markdownlint,
// ours, …) so both see the same machine; the ratio is the median of the per-pair ratios.
const resolver = new ConfigResolver(catalog);
const rules = resolver.effectiveRules(resolver.forFile('/tmp/generated.md'));
// A first lint: the memos that let the editor skip unchanged paragraphs are emptied before each run.
const fullLint = () => {
  forgetTextMemos();
  lintDocument(loadText(text, '/tmp/generated.md', 'markdown'), rules);
};
const lintMarkdownlint = () => markdownlint({ strings: { generated: text } });
const timeOnce = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
fullLint(); // warm-up
lintMarkdownlint();
const pairs = [];
for (let i = 0; i < RUNS; i++) pairs.push({ ours: timeOnce(fullLint), peer: timeOnce(lintMarkdownlint) });
const lintMs = median(pairs.map((p) => p.ours));
const markdownlintMs = median(pairs.map((p) => p.peer));
const lintRatio = median(pairs.map((p) => p.ours / p.peer));
const remarkMs = time(() => unified().use(remarkParse).parse(text));

// (b) + (c) through the real server
const proc = spawn(process.execPath, [
  new URL('../dist/server/main.js', import.meta.url).pathname,
  '--stdio',
]);
const connection = createProtocolConnection(
  new StreamMessageReader(proc.stdout),
  new StreamMessageWriter(proc.stdin),
);
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  const key = `${p.uri}@${p.version}`;
  waiting.get(key)?.(p);
  waiting.delete(key);
});
connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const root = pathToFileURL('/tmp/contract-lint-bench-root').href;
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: root,
  workspaceFolders: [],
  capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  initializationOptions: { debounceMs: 0 },
});
await connection.sendNotification('initialized', {});

const diagnosticsFor = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
const uri = pathToFileURL('/tmp/contract-lint-bench/generated.md').href;
let received = diagnosticsFor(uri, 1);
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'markdown', version: 1, text },
});
await received;

const lines = text.split('\n');
const editable = lines.map((l, i) => [l, i]).filter(([l]) => l.length > 80);
const latencies = [];
const warmUp = [];
for (let i = 0; i < WARM_UP_EDITS + EDITS; i++) {
  const [line, index] = editable[(i * 37) % editable.length];
  const character = Math.floor(line.length / 2);
  const version = i + 2;
  received = diagnosticsFor(uri, version);
  const start = performance.now();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [
      {
        range: { start: { line: index, character }, end: { line: index, character } },
        text: i % 2 ? 'x' : ' ',
      },
    ],
  });
  await received;
  (i < WARM_UP_EDITS ? warmUp : latencies).push(performance.now() - start);
}

// (c) 20 more documents open
const others = [
  'cross-license-defects.md',
  'hygiene-defects.md',
  'patent-cross-license.md',
  'royalty-license-no-exit.md',
].map((f) => readFileSync(new URL(`../fixtures/markdown/${f}`, import.meta.url), 'utf8'));
for (let i = 0; i < 20; i++) {
  const other = pathToFileURL(`/tmp/contract-lint-bench/other-${i}.md`).href;
  const body = i % 5 === 4 ? generateAgreement(8_000) : others[i % others.length];
  received = diagnosticsFor(other, 1);
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: other, languageId: 'markdown', version: 1, text: body },
  });
  await received;
}
await new Promise((r) => setTimeout(r, 500));
const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
const hwmMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();

const f = (n) => n.toFixed(1);
console.log(`generated agreement: ${(text.length / 1024).toFixed(0)} KB, ${words} words`);
console.log(
  `(a) full lint (load + model + rules): ${f(lintMs)} ms   remark-parse alone: ${f(remarkMs)} ms   markdownlint: ${f(markdownlintMs)} ms   ratio ${lintRatio.toFixed(2)}× (median of ${RUNS} pairs; target ≤ 0.6×)`,
);
console.log(
  `(b) one-character edit → diagnostics over JSON-RPC, ${EDITS} edits: p50 ${f(percentile(latencies, 50))} ms, p95 ${f(percentile(latencies, 95))} ms, max ${f(Math.max(...latencies))} ms (target p95 ≤ 50 ms); the ${WARM_UP_EDITS} warm-up edits before them: p50 ${f(percentile(warmUp, 50))} ms, max ${f(Math.max(...warmUp))} ms`,
);
console.log(
  `(c) server RSS with that document + 20 others open: ${f(rssMb)} MB (peak ${f(hwmMb)} MB; target ≤ 250 MB)`,
);
