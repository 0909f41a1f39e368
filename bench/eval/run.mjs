#!/usr/bin/env node
/**
 * Clause-detection evaluation: runs the built engine (`dist/`, so `npx tsc -p tsconfig.build.json`
 * first) over the CUAD development contracts and the hand-labelled agreements, and prints
 * precision / recall / F1 of `ClauseIndex.has(type)` against the labels.
 *
 *   node bench/eval/run.mjs                 table
 *   node bench/eval/run.mjs --json          the same as JSON
 *   node bench/eval/run.mjs --misses audit  list false positives / negatives for a clause type
 *                                           (add --evidence to print the sentences that fired)
 *
 * CUAD data: The Atticus Project, CUAD v1, CC BY 4.0.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from './evaluate.mjs';

const engineUrl = new URL('../../dist/engine/', import.meta.url);

const here = fileURLToPath(new URL('.', import.meta.url));
const corpusRoot = resolve(process.env.CORPUS_DIR ?? join(here, '../../../shared/corpus'));

function parseArgs(argv) {
  const args = { json: false, misses: undefined, evidence: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--evidence') args.evidence = true;
    else if (a === '--misses') args.misses = argv[++i];
    else if (a?.startsWith('--misses=')) args.misses = a.slice('--misses='.length);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/eval/run.mjs [--json] [--misses <clause-type> [--evidence]]');
      process.exit(0);
    }
  }
  return args;
}

function pad(text, width, right = false) {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

function fmt(x) {
  return x === null ? '  -  ' : x.toFixed(3);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const engine = await loadEngine();
  const result = await evaluate(corpusRoot, engine, { keepEvidence: args.evidence });

  if (args.json) {
    const out = {
      attribution: result.attribution,
      documents: result.documents,
      metrics: result.metrics,
      timing: result.timing,
    };
    if (args.misses) out.misses = result.misses(args.misses);
    console.log(JSON.stringify(out, null, 2));
    return;
  }

  console.log(
    `Clause detection vs labels — ${result.documents.cuad} CUAD dev contracts, ${result.documents.agreements} agreements`,
  );
  console.log(result.attribution);
  console.log('');
  const header = `${pad('clause', 18)} ${pad('labels', 44)} ${pad('TP', 4, true)} ${pad('FP', 4, true)} ${pad('FN', 4, true)} ${pad('TN', 4, true)}  ${pad('P', 5)}  ${pad('R', 5)}  ${pad('F1', 5)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const m of result.metrics) {
    console.log(
      `${pad(m.clause, 18)} ${pad(m.labels, 44)} ${pad(m.tp, 4, true)} ${pad(m.fp, 4, true)} ${pad(m.fn, 4, true)} ${pad(m.tn, 4, true)}  ${fmt(m.precision)}  ${fmt(m.recall)}  ${fmt(m.f1)}`,
    );
  }
  console.log('');
  console.log(
    `timing: classifyClauses ${result.timing.classifyTotalMs.toFixed(0)} ms over ${result.timing.files} files; slowest ${result.timing.slowest.ms.toFixed(1)} ms (${result.timing.slowest.kb} KB, ${result.timing.slowest.file})`,
  );
  if (result.errors.length > 0) {
    console.log(`\n${result.errors.length} file(s) failed to load:`);
    for (const e of result.errors.slice(0, 10)) console.log(`  ${e.file}: ${e.message}`);
  }

  if (args.misses) {
    const misses = result.misses(args.misses);
    for (const group of misses) {
      console.log(`\n== ${group.clause} vs ${group.labels}`);
      console.log(`-- false positives (${group.fp.length})`);
      for (const f of group.fp) {
        console.log(`  ${f.file}`);
        for (const e of f.evidence ?? []) console.log(`      [${e.source}] ${e.text}`);
      }
      console.log(`-- false negatives (${group.fn.length})`);
      for (const f of group.fn) {
        console.log(`  ${f.file}`);
        if (f.label) console.log(`      label: ${f.label}`);
      }
    }
  }
}

/** The built engine; `classifyClauses` is imported from its module in case the index does not export it. */
async function loadEngine() {
  const index = await import(new URL('index.js', engineUrl).href);
  const clauses = await import(new URL('classify/clauses.js', engineUrl).href);
  return { loadFile: index.loadFile, buildModel: index.buildModel, classifyClauses: clauses.classifyClauses };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
