#!/usr/bin/env node
/**
 * Scores contract-lint against a licensing lawyer's document-level verdicts, the way
 * ../shared/corpus/gold/score.mjs does (run `npm run build` first):
 *
 * - the shared development set (`../shared/corpus/gold/labels.json`, 20 agreements), and
 * - this project's own blind-labelled set (`bench/eval/gold-extra/labels-*.json`, agreements from
 *   ../shared/corpus labelled by reviewers who never saw the linter's output), and
 * - two held-out sets (`bench/eval/gold-holdout/`, `gold-holdout2/`), labelled the same way and
 *   each scored for the first time only after the rules were final.
 *
 * Per rule: documents where the rule fired (warning or error) and should have (TP), fired and
 * should not have (FP), stayed silent but should have fired (FN); debatable labels skipped;
 * information notes never count. Then precision and recall for the mission rules and the
 * cross-licence pack, and for vague-coverage the labelled loose phrases found against the
 * harmless ones flagged. The CLI runs as a process with `--preset cross-license`.
 *
 *   node bench/eval/gold.mjs                 both sets, tables
 *   node bench/eval/gold.mjs --set shared    one set (shared | extra | holdout | holdout2)
 *   node bench/eval/gold.mjs --json out.json the numbers and the wrong documents and phrases
 *   node bench/eval/gold.mjs --markdown      the per-rule tables as Markdown (docs/accuracy.md)
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = process.env.CORPUS_DIR ?? join(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const shared = JSON.parse(readFileSync(join(corpus, 'gold', 'labels.json'), 'utf8'));
const MISSION = shared.mission_rules;
const PACK = shared.pack_rules;

export function loadSets() {
  const sets = [
    {
      id: 'shared',
      title: 'Development set (../shared/corpus/gold, 20 agreements)',
      documents: shared.documents,
    },
  ];
  const labelled = [
    ['extra', 'gold-extra', 'Blind-labelled set'],
    // Labelled blind and scored once, after the rules were final: the closest thing here to
    // the held-out agreements the product is judged on. Never tune against it.
    ['holdout', 'gold-holdout', 'Held-out set'],
    ['holdout2', 'gold-holdout2', 'Second held-out set'],
  ];
  for (const [id, folder, title] of labelled) {
    const dir = join(root, 'bench', 'eval', folder);
    if (!existsSync(dir)) continue;
    const documents = {};
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort())
      Object.assign(documents, JSON.parse(readFileSync(join(dir, file), 'utf8')).documents);
    if (Object.keys(documents).length === 0) continue;
    sets.push({
      id,
      title: `${title} (bench/eval/${folder}, ${Object.keys(documents).length} agreements)`,
      documents,
    });
  }
  const only = opt('--set');
  return only ? sets.filter((s) => s.id === only) : sets;
}

/** Lints the documents with the CLI as a process; plain aliases keep odd file names out of the way. */
function lint(names) {
  const tmp = mkdtempSync(join(tmpdir(), 'gold-'));
  const alias = new Map();
  names.forEach((name, i) => {
    const link = join(tmp, `doc${String(i).padStart(3, '0')}${extname(name)}`);
    symlinkSync(join(corpus, name), link);
    alias.set(basename(link), name);
  });
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'bin/contract-lint.js'),
      '--format',
      'json',
      '--preset',
      'cross-license',
      '--no-progress',
      ...[...alias.keys()].map((a) => join(tmp, a)),
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  rmSync(tmp, { recursive: true, force: true });
  // A rule that throws is a bug: a score computed without it would mean nothing.
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`contract-lint exited ${run.status}: ${run.stderr}`);
  if (/failed on/.test(run.stderr)) throw new Error(`a rule failed:\n${run.stderr.slice(0, 2000)}`);
  const out = run.stdout;
  const results = new Map();
  for (const file of JSON.parse(out))
    results.set(
      alias.get(basename(file.filePath)),
      file.messages.filter((m) => m.level !== 'info'),
    );
  return results;
}

const squash = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does a vague-coverage finding overlap the phrase (on its line by columns; across lines by text)? */
function flagged(lines, messages, phrase) {
  const words = squash(phrase).split(' ');
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'i');
  return messages.some((m) => {
    if (m.ruleId !== 'vague-coverage') return false;
    const line = lines[m.line - 1] ?? '';
    const at = line.search(pattern);
    if (at >= 0 && (m.endLine ?? m.line) === m.line) {
      const end = at + (line.match(pattern)?.[0].length ?? 0);
      return m.column - 1 < end && at < (m.endColumn ?? m.column + 1) - 1;
    }
    const text = squash(lines.slice(m.line - 1, (m.endLine ?? m.line) + 1).join(' '));
    return text.includes(words.join(' '));
  });
}

export function scoreSet(set) {
  const names = Object.keys(set.documents);
  const results = lint(names);
  const rows = [];
  const totals = { mission: [0, 0, 0], pack: [0, 0, 0] };
  for (const [group, rules] of [
    ['mission', MISSION],
    ['pack', PACK],
  ]) {
    for (const rule of rules) {
      const row = { group, rule, tp: 0, fp: 0, fn: 0, falsePositives: [], falseNegatives: [] };
      for (const name of names) {
        const label = set.documents[name].rules?.[rule];
        if (!label || label.debatable) continue;
        const hit = (results.get(name) ?? []).some((m) => m.ruleId === rule);
        if (hit && label.fire) row.tp++;
        if (hit && !label.fire) {
          row.fp++;
          row.falsePositives.push(name);
        }
        if (!hit && label.fire) {
          row.fn++;
          row.falseNegatives.push(name);
        }
      }
      totals[group][0] += row.tp;
      totals[group][1] += row.fp;
      totals[group][2] += row.fn;
      rows.push(row);
    }
  }
  const vague = { found: 0, total: 0, harmless: 0, harmlessTotal: 0, missed: [], harmlessHit: [] };
  for (const name of names) {
    const doc = set.documents[name];
    const lines = readFileSync(join(corpus, name), 'utf8').split('\n');
    const messages = results.get(name) ?? [];
    for (const phrase of doc.vague_phrases ?? []) {
      vague.total++;
      if (flagged(lines, messages, phrase)) vague.found++;
      else vague.missed.push({ name, phrase });
    }
    for (const phrase of doc.not_vague ?? []) {
      vague.harmlessTotal++;
      if (flagged(lines, messages, phrase)) {
        vague.harmless++;
        vague.harmlessHit.push({ name, phrase });
      }
    }
  }
  return { id: set.id, title: set.title, documents: names.length, rows, totals, vague };
}

const ratio = (a, b) => (b ? (a / b).toFixed(2) : '–');

function printText(score) {
  console.log(`\n${score.title}; preset cross-license; warning and error findings; debatable labels skipped`);
  console.log('rule                              TP  FP  FN');
  for (const r of score.rows) {
    if (r.tp + r.fp + r.fn === 0) continue;
    console.log(
      `${r.rule.padEnd(32)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}`,
    );
  }
  for (const [group, [tp, fp, fn]] of Object.entries(score.totals))
    console.log(
      `${group}: precision ${ratio(tp, tp + fp)} recall ${ratio(tp, tp + fn)} (TP ${tp} FP ${fp} FN ${fn})`,
    );
  const v = score.vague;
  console.log(
    `vague-coverage: ${v.found}/${v.total} labelled loose phrases flagged; ${v.harmless}/${v.harmlessTotal} harmless phrases flagged`,
  );
}

export function markdown(scores) {
  const out = [];
  for (const score of scores) {
    out.push(`### ${score.title}`, '');
    out.push(
      '| rule | group | TP | FP | FN | precision | recall |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of score.rows) {
      if (r.tp + r.fp + r.fn === 0) continue;
      out.push(
        `| \`${r.rule}\` | ${r.group} | ${r.tp} | ${r.fp} | ${r.fn} | ${ratio(r.tp, r.tp + r.fp)} | ${ratio(r.tp, r.tp + r.fn)} |`,
      );
    }
    for (const [group, [tp, fp, fn]] of Object.entries(score.totals))
      out.push(
        `| **${group === 'mission' ? 'mission rules' : 'cross-licence pack'}** | | ${tp} | ${fp} | ${fn} | **${ratio(tp, tp + fp)}** | **${ratio(tp, tp + fn)}** |`,
      );
    const v = score.vague;
    out.push(
      '',
      `\`vague-coverage\` phrases: ${v.found} of ${v.total} loose phrases the lawyer marked are flagged; ${v.harmless} of ${v.harmlessTotal} tempting but harmless phrases are flagged.`,
      '',
    );
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const scores = loadSets().map(scoreSet);
  if (args.includes('--markdown')) process.stdout.write(`${markdown(scores)}\n`);
  else for (const s of scores) printText(s);
  const json = opt('--json');
  if (json) writeFileSync(json, JSON.stringify(scores, null, 1));
}
