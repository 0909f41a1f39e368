/**
 * The evaluation itself, independent of where the engine comes from: `run.mjs` passes the built
 * engine from `dist/`, the vitest corpus test passes the TypeScript sources.
 *
 * CUAD data: The Atticus Project, CUAD v1, CC BY 4.0.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const ATTRIBUTION =
  'CUAD v1 — Contract Understanding Atticus Dataset, The Atticus Project (Hendrycks et al., NeurIPS 2021), CC BY 4.0.';

const answered = (v) => typeof v === 'string' && v.trim() !== '' && v.trim().toLowerCase() !== 'no';
const yes = (v) => typeof v === 'string' && v.trim().toLowerCase() === 'yes';
const termOrTermination = (idx) => idx.has('termination') || idx.has('term');

/**
 * What is measured. `truth(doc)` returns true/false, or undefined when the document is not in
 * that label set. `labelColumn` names the CUAD labels.csv column shown for false negatives.
 */
export const CHECKS = [
  {
    clause: 'audit',
    labels: 'CUAD Audit Rights',
    set: 'cuad',
    truth: (d) => yes(d.answers['Audit Rights']),
    labelColumn: 'Audit Rights',
  },
  {
    clause: 'audit',
    labels: 'agreements has_audit_clause',
    set: 'agreements',
    truth: (d) => d.labels.has_audit_clause,
  },
  {
    clause: 'termination|term',
    labels: 'agreements has_termination_clause',
    set: 'agreements',
    predict: termOrTermination,
    truth: (d) => d.labels.has_termination_clause,
  },
  {
    clause: 'termination|term',
    labels: 'CUAD proxy: Expiration|Renewal|TfC',
    set: 'cuad',
    predict: termOrTermination,
    truth: (d) =>
      answered(d.answers['Expiration Date']) ||
      answered(d.answers['Renewal Term']) ||
      yes(d.answers['Termination For Convenience']),
    labelColumn: 'Expiration Date',
  },
  {
    clause: 'governing-law',
    labels: 'CUAD Governing Law (answered)',
    set: 'cuad',
    truth: (d) => answered(d.answers['Governing Law']),
    labelColumn: 'Governing Law',
  },
  {
    clause: 'governing-law',
    labels: 'agreements governing_law_present',
    set: 'agreements',
    truth: (d) => d.labels.governing_law_present,
  },
  {
    clause: 'assignment',
    labels: 'CUAD Anti-Assignment',
    set: 'cuad',
    truth: (d) => yes(d.answers['Anti-Assignment']),
    labelColumn: 'Anti-Assignment',
  },
  {
    clause: 'exclusivity',
    labels: 'CUAD Exclusivity',
    set: 'cuad',
    truth: (d) => yes(d.answers.Exclusivity),
    labelColumn: 'Exclusivity',
  },
  {
    clause: 'license-grant',
    labels: 'CUAD License Grant',
    set: 'cuad',
    truth: (d) => yes(d.answers['License Grant']),
    labelColumn: 'License Grant',
  },
  {
    clause: 'dispute-resolution',
    labels: 'agreements dispute_resolution_present',
    set: 'agreements',
    truth: (d) => d.labels.dispute_resolution_present,
  },
  {
    clause: 'confidentiality',
    labels: 'agreements confidentiality_present',
    set: 'agreements',
    truth: (d) => d.labels.confidentiality_present,
  },
  {
    clause: 'change-of-control',
    labels: 'CUAD Change Of Control',
    set: 'cuad',
    truth: (d) => yes(d.csv?.['Change Of Control-Answer']),
    labelColumn: 'Change Of Control',
  },
  {
    clause: 'covenant-not-to-sue',
    labels: 'CUAD Covenant Not To Sue',
    set: 'cuad',
    truth: (d) => yes(d.answers['Covenant Not To Sue']),
    labelColumn: 'Covenant Not To Sue',
  },
];

/** Minimal RFC 4180 CSV reader (quoted fields with commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function loadCuad(root) {
  const dir = join(root, 'cuad-dev');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const [header, ...rows] = parseCsv(await readFile(join(dir, 'labels.csv'), 'utf8'));
  const byPdf = new Map();
  for (const r of rows) {
    if (r.length < 2) continue;
    const obj = {};
    header.forEach((h, i) => {
      obj[h] = r[i];
    });
    byPdf.set(obj.Filename, obj);
  }
  return manifest.files.map((f) => ({
    set: 'cuad',
    file: f.file,
    path: join(dir, 'txt', f.file),
    answers: f.answers,
    csv: byPdf.get(f.labels_filename),
  }));
}

async function loadAgreements(root) {
  const dir = join(root, 'agreements');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  return manifest.files.map((f) => ({
    set: 'agreements',
    file: f.path,
    path: join(dir, f.path),
    labels: f.labels,
  }));
}

function score(tp, fp, fn) {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Runs the engine over both corpora. `engine` = { loadFile, buildModel, classifyClauses }.
 * Options: `sets` (default both), `checks` (default CHECKS), `keepEvidence` (sentences that fired).
 */
export async function evaluate(corpusRoot, engine, options = {}) {
  const sets = options.sets ?? ['cuad', 'agreements'];
  const checks = (options.checks ?? CHECKS).filter((c) => sets.includes(c.set));
  const docs = [];
  if (sets.includes('cuad')) docs.push(...(await loadCuad(corpusRoot)));
  if (sets.includes('agreements')) docs.push(...(await loadAgreements(corpusRoot)));

  const errors = [];
  let classifyTotalMs = 0;
  let slowest = { ms: 0, file: '', kb: 0 };
  for (const doc of docs) {
    try {
      const loaded = await engine.loadFile(doc.path);
      const model = engine.buildModel(loaded);
      const t0 = performance.now();
      doc.index = engine.classifyClauses(model);
      let ms = performance.now() - t0;
      if (ms > 20) {
        // A slow first call is mostly JIT warm-up and GC; time a second run to see the steady state.
        const t1 = performance.now();
        engine.classifyClauses(model);
        ms = Math.min(ms, performance.now() - t1);
      }
      classifyTotalMs += ms;
      if (ms > slowest.ms) slowest = { ms, file: doc.file, kb: Math.round(loaded.textView.length / 1024) };
      if (options.keepEvidence) {
        doc.evidence = (type) =>
          type
            .split('|')
            .flatMap((t) => doc.index.hits(t))
            .filter(
              (h, i, all) =>
                all.findIndex((x) => x.range.start === h.range.start && x.source === h.source) === i,
            )
            .slice(0, 4)
            .map((h) => ({
              source: h.source,
              text: loaded.textView
                .slice(h.range.start, Math.min(h.range.end, h.range.start + 300))
                .replace(/\s+/g, ' '),
            }));
      }
    } catch (error) {
      errors.push({ file: doc.file, message: error instanceof Error ? error.message : String(error) });
    }
  }

  const predictFor = (check) => check.predict ?? ((idx) => idx.has(check.clause));
  const metrics = [];
  const outcomes = [];
  for (const check of checks) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    const fpDocs = [];
    const fnDocs = [];
    for (const doc of docs) {
      if (doc.set !== check.set || !doc.index) continue;
      const truth = check.truth(doc);
      if (truth === undefined) continue;
      const predicted = predictFor(check)(doc.index);
      if (predicted && truth) tp++;
      else if (predicted) {
        fp++;
        fpDocs.push(doc);
      } else if (truth) {
        fn++;
        fnDocs.push(doc);
      } else tn++;
    }
    metrics.push({
      clause: check.clause,
      labels: check.labels,
      set: check.set,
      tp,
      fp,
      fn,
      tn,
      ...score(tp, fp, fn),
    });
    outcomes.push({ check, fpDocs, fnDocs });
  }

  const misses = (clause) =>
    outcomes
      .filter((o) => o.check.clause === clause || o.check.clause.split('|').includes(clause))
      .map(({ check, fpDocs, fnDocs }) => ({
        clause: check.clause,
        labels: check.labels,
        fp: fpDocs.map((d) => ({ file: d.file, evidence: d.evidence?.(check.clause) })),
        fn: fnDocs.map((d) => ({
          file: d.file,
          label: check.labelColumn ? String(d.csv?.[check.labelColumn] ?? '').slice(0, 400) : undefined,
        })),
      }));

  return {
    attribution: ATTRIBUTION,
    documents: {
      cuad: docs.filter((d) => d.set === 'cuad').length,
      agreements: docs.filter((d) => d.set === 'agreements').length,
    },
    metrics,
    errors,
    timing: { files: docs.length - errors.length, classifyTotalMs, slowest },
    misses,
  };
}
