/**
 * Batch benchmark (not a test): the 233 CUAD development contracts linted by contract-lint and,
 * in the same run, by markdownlint-cli2 with its default rules (on .md copies of the same texts).
 * Reports wall time and peak memory (VmHWM of the process, threads included), the ratio,
 * throughput and how time grows from 50 to 233 files. Run with `npm run bench` (builds first).
 */
import { execSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus', 'cuad-dev', 'txt');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/**
 * Runs a command, sampling from /proc until it exits: peak resident memory (VmHWM) and CPU time
 * (utime + stime of the process, all its threads; the last sample before exit, so it may miss the
 * final 10 ms).
 */
function measure(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    let peakKb = 0;
    let cpuTicks = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]));
      } catch {
        // the process has exited
      }
    };
    const timer = setInterval(sample, 10);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0 && code !== 1)
        reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, peakMb: peakKb / 1024, cpuMs: (cpuTicks / TICKS_PER_SECOND) * 1000 });
    });
  });
}

const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs the two tools in turns (ours, peer, ours, peer, …) so both see the same machine: on a
 * shared machine speed drifts by 10–20 % over a minute, and back-to-back blocks of runs would put
 * that drift into the ratio. The ratio reported is the median of the per-pair ratios.
 */
async function paired(ours, peer) {
  const pairs = [];
  for (let i = 0; i < RUNS; i++) pairs.push({ ours: await ours(), peer: await peer() });
  const summary = (side) => ({
    ms: middle(pairs.map((p) => p[side].ms)),
    cpuMs: middle(pairs.map((p) => p[side].cpuMs)),
    peakMb: Math.max(...pairs.map((p) => p[side].peakMb)),
  });
  const ratios = pairs.map((p) => p.ours.ms / p.peer.ms);
  const cpuRatios = pairs.map((p) => p.ours.cpuMs / p.peer.cpuMs);
  return {
    ours: summary('ours'),
    peer: summary('peer'),
    ratio: middle(ratios),
    ratios,
    cpuRatio: middle(cpuRatios),
  };
}

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const work = mkdtempSync(join(tmpdir(), 'contract-lint-bench-'));
const sets = {};
for (const count of [50, files.length]) {
  const txt = join(work, `txt-${count}`);
  const md = join(work, `md-${count}`);
  mkdirSync(txt);
  mkdirSync(md);
  for (const f of files.slice(0, count)) {
    copyFileSync(join(corpus, f), join(txt, f));
    copyFileSync(join(corpus, f), join(md, `${basename(f, '.txt')}.md`));
  }
  const bytes = files.slice(0, count).reduce((n, f) => n + statSync(join(corpus, f)).size, 0);
  sets[count] = { txt, md, bytes };
}

// As a user runs it: the executable, whose first line gives node its V8 flags.
const contractLint = (dir) =>
  measure(
    join(root, 'bin/contract-lint.cjs'),
    ['--format', 'json', '--output-file', join(work, 'out.json'), dir],
    root,
  );
const markdownlint = (dir) =>
  measure(
    process.execPath,
    [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), `${dir}/*.md`],
    dir,
  );

console.log(
  `contract-lint batch benchmark — ${cpus().length} cores, Node ${process.version}, median of ${RUNS} paired runs`,
);
console.log('Data: CUAD v1 development split (The Atticus Project, CC BY 4.0)\n');
const rows = [];
const line = (label, bytes, { ours, peer, ratio, ratios, cpuRatio }) => {
  const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  console.log(
    `${label}, ${(bytes / 1e6).toFixed(1)} MB: contract-lint ${(ours.ms / 1000).toFixed(2)} s (CPU ${(ours.cpuMs / 1000).toFixed(1)} s), peak ${ours.peakMb.toFixed(0)} MB, ${(bytes / 1e6 / (ours.ms / 1000)).toFixed(2)} MB/s | markdownlint-cli2 ${(peer.ms / 1000).toFixed(2)} s (CPU ${(peer.cpuMs / 1000).toFixed(1)} s), peak ${peer.peakMb.toFixed(0)} MB | wall ${ratio.toFixed(2)}× (pairs ${spread}), CPU ${cpuRatio.toFixed(2)}×`,
  );
};
for (const count of Object.keys(sets).map(Number)) {
  const set = sets[count];
  const result = await paired(
    () => contractLint(set.txt),
    () => markdownlint(set.md),
  );
  rows.push({ count, bytes: set.bytes, ...result });
  line(`${String(count).padStart(3)} files as .txt`, set.bytes, result);
}
// The same texts as .md for both tools: contract-lint then parses Markdown too (issue 14's goal).
const all = sets[files.length];
const asMarkdown = await paired(
  () => contractLint(all.md),
  () => markdownlint(all.md),
);
line(`${String(files.length).padStart(3)} files as .md `, all.bytes, asMarkdown);
const [small, large] = rows;
const perFileSmall = small.ours.ms / small.count;
const perFileLarge = large.ours.ms / large.count;
console.log(
  `\nscaling: ${perFileSmall.toFixed(1)} ms/file at ${small.count} files, ${perFileLarge.toFixed(1)} ms/file at ${large.count} files (linear growth keeps these close; startup is amortised over more files)`,
);
console.log(
  `targets: .txt wall ≤ 0.5× → ${large.ratio.toFixed(2)}×; .md wall ≤ 0.45× → ${asMarkdown.ratio.toFixed(2)}×, CPU ≤ 0.7× → ${asMarkdown.cpuRatio.toFixed(2)}×; peak memory ≤ 400 MB → ${Math.max(large.ours.peakMb, asMarkdown.ours.peakMb).toFixed(0)} MB`,
);
rmSync(work, { recursive: true, force: true });
