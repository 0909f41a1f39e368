/**
 * Load + model timings (not a test): the largest shared agreement of each format, a generated
 * ~300 KB / ~47,000-word agreement, and .docx loading against mammoth's own convertToHtml.
 * Run with `npm run measure` (builds first).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { buildModel, loadBytes, loadFile, loadText } from '../dist/engine/index.js';
import { generateAgreement } from './generate-agreement.mjs';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const RUNS = 7;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function largest(dir, ext) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

const rows = [];
const generated = generateAgreement();
const words = generated.split(/\s+/).length;
await time(() => buildModel(loadText(generated, 'generated.md', 'markdown'))); // warm-up
rows.push([
  'generated agreement (md)',
  `${(generated.length / 1024).toFixed(0)} KB, ${words} words`,
  await time(() => buildModel(loadText(generated, 'generated.md', 'markdown'))),
]);

for (const [label, path] of [
  ['largest corpus .md', largest(join(corpus, 'agreements/md'), '.md')],
  ['largest corpus .txt', largest(join(corpus, 'agreements/md'), '.txt')],
  ['largest CUAD .txt', largest(join(corpus, 'cuad-dev/txt'), '.txt')],
]) {
  rows.push([
    `${label}: ${path.split('/').pop()}`,
    `${(statSync(path).size / 1024).toFixed(0)} KB`,
    await time(async () => buildModel(await loadFile(path))),
  ]);
}

const docx = largest(join(corpus, 'agreements/docx'), '.docx');
const bytes = readFileSync(docx);
const ours = await time(async () => buildModel(await loadBytes(new Uint8Array(bytes), docx, 'docx')));
const oursLoadOnly = await time(() => loadBytes(new Uint8Array(bytes), docx, 'docx'));
const theirs = await time(() => mammoth.convertToHtml({ buffer: bytes }));
rows.push([
  `largest corpus .docx: ${docx.split('/').pop()} (load + model)`,
  `${(bytes.length / 1024).toFixed(0)} KB`,
  ours,
]);
rows.push(['  same file, load only (text view + blocks)', '', oursLoadOnly]);
rows.push(['  same file, mammoth.convertToHtml alone', '', theirs]);

console.log(`median of ${RUNS} runs, Node ${process.version}\n`);
for (const [label, size, ms] of rows)
  console.log(`${label.padEnd(80)} ${size.padEnd(22)} ${ms.toFixed(1).padStart(8)} ms`);
console.log(`\n.docx load / mammoth.convertToHtml = ${(oursLoadOnly / theirs).toFixed(2)}x`);
