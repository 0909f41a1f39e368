/**
 * `npm run eval`: how well the rules do on agreements nobody here wrote.
 *
 * - missing-audit-clause against CUAD "Audit Rights" (233 EDGAR contracts) and the hand labels of
 *   the 30 shared agreements; missing-termination-clause against `has_termination_clause`;
 *   undefined-improvement against `uses_improvement && !defines_improvement`. A "positive" is a
 *   finding: the rule says the clause is missing (or the term undefined).
 * - The hygiene rules as findings per 10,000 words on the professionally drafted agreements
 *   (Common Paper, GitHub): each finding there is a false-positive candidate, listed with
 *   `--details`.
 *
 * Options: --json (machine-readable), --details (list the misses and the hygiene findings).
 * Data: CUAD v1 (The Atticus Project, CC BY 4.0); Common Paper (CC BY 4.0); GitHub (CC0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLintTask } from '../../dist/cli/lint-task.js';
import { catalog } from '../../dist/rules/index.js';
import { score } from './score.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const args = new Set(process.argv.slice(2));
const recommended = catalog.presets.recommended.rules;
const gated = new Set(catalog.presets.recommended.gated ?? []);
const rules = catalog.rules
  .filter((r) => recommended[r.id] && recommended[r.id] !== 'off')
  .map((r) => ({
    id: r.id,
    severity: recommended[r.id],
    options: r.options?.defaults ?? {},
    gated: gated.has(r.id),
  }));
const HYGIENE = [
  'undefined-term',
  'broken-cross-reference',
  'duplicate-definition',
  'unused-definition',
  'inconsistent-term-case',
  'number-word-mismatch',
  'unbalanced-punctuation',
  'list-numbering-gap',
  'vague-deadline',
  'undefined-efforts-standard',
];

async function lintAll(paths) {
  const out = new Map();
  for (const path of paths) {
    const report = await runLintTask({ path, rules, countWords: true });
    if (report.error) throw new Error(`eval input failed to load: ${report.error.message}`);
    out.set(path, report);
  }
  return out;
}

const has = (report, id) => report.findings.some((f) => f.ruleId === id);

// CUAD
const cuadManifest = JSON.parse(readFileSync(join(corpus, 'cuad-dev/manifest.json'), 'utf8'));
const cuadPaths = cuadManifest.files.map((f) => join(corpus, 'cuad-dev/txt', f.file));
const cuad = await lintAll(cuadPaths);
const cuadItems = (id, actual) =>
  cuadManifest.files.map((f) => ({
    name: f.file,
    predicted: has(cuad.get(join(corpus, 'cuad-dev/txt', f.file)), id),
    actual: actual(f.answers),
  }));

// Shared agreements with hand labels
const agreementsManifest = JSON.parse(readFileSync(join(corpus, 'agreements/manifest.json'), 'utf8'));
const agreementPaths = agreementsManifest.files.map((f) => join(corpus, 'agreements', f.path));
const agreements = await lintAll(agreementPaths);
const agreementItems = (id, actual) =>
  agreementsManifest.files.map((f) => ({
    name: f.path,
    predicted: has(agreements.get(join(corpus, 'agreements', f.path)), id),
    actual: actual(f.labels),
  }));

const rows = [
  {
    rule: 'missing-audit-clause',
    data: 'CUAD dev (233), "Audit Rights" = No',
    target: 'F1 ≥ 0.95',
    s: score(cuadItems('missing-audit-clause', (a) => a['Audit Rights'] !== 'Yes')),
    ok: (s) => s.f1 >= 0.95,
  },
  {
    rule: 'missing-audit-clause',
    data: 'agreements (30), has_audit_clause = false',
    target: '—',
    s: score(agreementItems('missing-audit-clause', (l) => !l.has_audit_clause)),
  },
  {
    rule: 'missing-termination-clause',
    data: 'agreements (30), has_termination_clause = false',
    target: 'R ≥ 0.95, P ≥ 0.90',
    s: score(agreementItems('missing-termination-clause', (l) => !l.has_termination_clause)),
    ok: (s) => s.recall >= 0.95 && s.precision >= 0.9,
  },
  {
    rule: 'undefined-improvement',
    data: 'agreements (30), uses && !defines',
    target: '—',
    s: score(agreementItems('undefined-improvement', (l) => l.uses_improvement && !l.defines_improvement)),
  },
];

// Termination false alarms: missing-termination-clause as a warning or error on CUAD contracts
// that CUAD's annotators found a term in (an expiration date, a renewal term or termination for
// convenience). Information notes ("duration settled by a perpetual grant") are not alarms.
const withTerm = cuadManifest.files.filter((f) =>
  ['Expiration Date', 'Renewal Term', 'Termination For Convenience'].some((k) => {
    const v = f.answers[k];
    return v !== undefined && v !== '' && v !== 'No' && v !== '[]';
  }),
);
const terminationAlarms = withTerm.filter((f) =>
  cuad
    .get(join(corpus, 'cuad-dev/txt', f.file))
    .findings.some((x) => x.ruleId === 'missing-termination-clause' && x.severity !== 'info'),
);

// Hygiene: findings per 10,000 words on professionally drafted agreements.
const professional = [...agreements.entries()].filter(([path]) => /\/(commonpaper|github)_/.test(path));
const words = professional.reduce((n, [, r]) => n + (r.words ?? 0), 0);
const hygiene = HYGIENE.map((id) => {
  const findings = professional.flatMap(([path, r]) =>
    r.findings.filter((f) => f.ruleId === id).map((f) => ({ path, ...f })),
  );
  return { id, count: findings.length, per10k: (findings.length / words) * 10000, findings };
});
const targeted = hygiene.filter((h) =>
  ['undefined-term', 'broken-cross-reference', 'duplicate-definition'].includes(h.id),
);
const gatedPer10k = (targeted.reduce((n, h) => n + h.count, 0) / words) * 10000;

if (args.has('--json')) {
  console.log(
    JSON.stringify(
      {
        rows: rows.map(({ rule, data, target, s }) => ({ rule, data, target, ...s, misses: undefined })),
        hygiene: hygiene.map(({ id, count, per10k }) => ({ id, count, per10k })),
        professionalWords: words,
        terminationFalseAlarms: {
          contractsWithTerm: withTerm.length,
          alarms: terminationAlarms.map((f) => f.file),
        },
        gatedPer10k,
      },
      null,
      2,
    ),
  );
} else {
  const pct = (x) => x.toFixed(3);
  console.log('contract-lint accuracy on agreements nobody here wrote');
  console.log(
    'Data: CUAD v1 development split (The Atticus Project, CC BY 4.0); shared agreements (Common Paper CC BY 4.0, GitHub CC0, others as listed in their manifest)\n',
  );
  console.log(
    '| rule | data (positive = the rule fires) | TP | FP | FN | TN | precision | recall | F1 | target | met |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { rule, data, target, s, ok } of rows) {
    console.log(
      `| ${rule} | ${data} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${target} | ${ok ? (ok(s) ? 'yes' : 'NO') : ''} |`,
    );
  }
  console.log(
    `\nmissing-termination-clause false alarms on the ${withTerm.length} CUAD contracts with a term (Expiration Date, Renewal Term or Termination For Convenience answered): ${terminationAlarms.length} (${((terminationAlarms.length / withTerm.length) * 100).toFixed(1)} %, target ≤ 3 %)${terminationAlarms.length ? ` — ${terminationAlarms.map((f) => f.file).join('; ')}` : ''}`,
  );
  console.log(
    `\nHygiene findings on Common Paper + GitHub agreements (${professional.length} files, ${words} words):\n`,
  );
  console.log('| rule | findings | per 10,000 words |');
  console.log('| --- | --- | --- |');
  for (const h of hygiene) console.log(`| ${h.id} | ${h.count} | ${h.per10k.toFixed(2)} |`);
  console.log(
    `\nundefined-term + broken-cross-reference + duplicate-definition: ${gatedPer10k.toFixed(2)} per 10,000 words (target ≤ 1) — ${gatedPer10k <= 1 ? 'met' : 'NOT met'}`,
  );
  if (args.has('--details')) {
    for (const { rule, data, s } of rows)
      if (s.misses.length) console.log(`\n${rule} / ${data}:\n  ${s.misses.join('\n  ')}`);
    console.log('\nHygiene findings (false-positive candidates):');
    for (const h of hygiene)
      for (const f of h.findings)
        console.log(`  ${h.id}  ${f.path.split('/').pop()}:${f.line}  ${f.message}`);
  }
}
