/**
 * Whole-process benchmark for one Word agreement (not a test): `contract-lint --format json X.docx`
 * against a process that only runs mammoth on the same file (bench/mammoth-only.mjs), in
 * alternating runs so that a noisy machine slows both alike. Prints the median wall and CPU
 * (user + system, all threads) of each and the ratio of the medians.
 *
 *   node bench/docx-process.mjs [--pairs 7] [--old /path/to/other/checkout] [file.docx…]
 *
 * Without files: every shared Word agreement (../shared/corpus/agreements/docx) and a large
 * generated one (see largeAgreement), then the ratio's median and maximum over them (issue 14's
 * goal: ≤ 1.5× on each).
 *
 * With --old, a third command (that checkout's executable) runs in each round too; with
 * --variant script.js, that entry script (same arguments) as well.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { generateAgreement } from './generate-agreement.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
let pairs = 7;
let old;
/** Other CLI entry scripts to time alongside (experiments). */
const variants = [];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--pairs') pairs = Number(args[++i]);
  else if (args[i] === '--old') old = args[++i];
  else if (args[i] === '--variant') variants.push(args[++i]);
  else files.push(args[i]);
}

if (files.length === 0) {
  const shared = join(root, '..', 'shared', 'corpus', 'agreements', 'docx');
  if (existsSync(shared)) {
    for (const name of readdirSync(shared).sort()) if (name.endsWith('.docx')) files.push(join(shared, name));
  } else console.log(`docx-process: no ${shared}; the generated agreement only`);
  files.push(await largeAgreement());
}

/**
 * The largest one (issue 14): the generated ~290 KB agreement of the server bench
 * (generate-agreement.mjs) as a Word file, written with the docx package: a heading per "#" line,
 * a paragraph per other line, "**bold**" as bold runs. Deterministic; made once per run.
 */
async function largeAgreement() {
  const paragraphs = generateAgreement()
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const heading = /^(#{1,6}) (.*)$/.exec(line);
      if (heading)
        return new Paragraph({ text: heading[2], heading: HeadingLevel[`HEADING_${heading[1].length}`] });
      const runs = line.split(/\*\*(.+?)\*\*/).map((text, i) => new TextRun({ text, bold: i % 2 === 1 }));
      return new Paragraph({ children: runs });
    });
  const dir = mkdtempSync(join(tmpdir(), 'contract-lint-docx-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'generated-agreement.docx');
  writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
  return file;
}

/** Runs a command under /usr/bin/time; wall and CPU in ms. */
function run(command) {
  const timing = join('/tmp', `docx-process-${process.pid}.time`);
  const result = spawnSync('/usr/bin/time', ['-o', timing, '-f', '%e %U %S', ...command], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command.join(' ')}: ${result.stderr}`);
  const [wall, user, system] = readFileSync(timing, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  unlinkSync(timing);
  return { wall: wall * 1000, cpu: (user + system) * 1000 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const ratios = [];
for (const file of files) {
  const commands = {
    mammoth: ['node', join(root, 'bench', 'mammoth-only.mjs'), file],
    // As a user runs it: the executable, whose first line gives node its V8 flags.
    ours: [join(root, 'bin', 'contract-lint.cjs'), '--format', 'json', file],
  };
  // An older checkout may have only the ES module executable.
  if (old) {
    const cjs = join(old, 'bin', 'contract-lint.cjs');
    commands.old = [existsSync(cjs) ? cjs : join(old, 'bin', 'contract-lint.js'), '--format', 'json', file];
  }
  for (const script of variants) commands[basename(script)] = ['node', script, '--format', 'json', file];
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let round = 0; round < pairs; round++) {
    for (const [name, command] of Object.entries(commands)) times[name].push(run(command));
  }
  const summary = Object.fromEntries(
    Object.entries(times).map(([name, t]) => [
      name,
      { wall: median(t.map((x) => x.wall)), cpu: median(t.map((x) => x.cpu)) },
    ]),
  );
  const line = [basename(file)];
  for (const [name, s] of Object.entries(summary))
    line.push(`${name} ${s.wall.toFixed(0)} ms wall / ${s.cpu.toFixed(0)} ms cpu`);
  const ratio = summary.ours.wall / summary.mammoth.wall;
  ratios.push(ratio);
  line.push(`ratio ${ratio.toFixed(2)}× wall, ${(summary.ours.cpu / summary.mammoth.cpu).toFixed(2)}× cpu`);
  if (summary.old) line.push(`old ${(summary.old.wall / summary.mammoth.wall).toFixed(2)}×`);
  console.log(line.join(' | '));
}
if (ratios.length > 1) {
  console.log(
    `${ratios.length} Word agreements: ratio to mammoth alone, median ${median(ratios).toFixed(2)}×, max ${Math.max(...ratios).toFixed(2)}× (goal ≤ 1.5×)`,
  );
}
