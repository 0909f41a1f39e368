#!/usr/bin/env node
/**
 * Cross-license rule pack against CUAD labels (run `npm run build` first; reads `dist/`).
 *
 * - missing-governing-law vs "Governing Law" (answered = present), missing-assignment-clause vs
 *   "Anti-Assignment", exclusivity detection (the pack's grant analysis, or the classifier) vs
 *   "Exclusivity", the grant detector vs "License Grant": precision / recall / F1. For the
 *   missing-* rules a positive is a finding (the rule fires = the label says absent); the rules
 *   run ungated, so every contract counts.
 * - Findings per contract of every pack rule on the licence-like CUAD categories (License,
 *   Intellectual Property, Collaboration, Development, Strategic Alliance, Joint Venture), gated
 *   as the preset would run them and ungated.
 *
 *   node bench/eval/cross-license.mjs              tables
 *   node bench/eval/cross-license.mjs --details    + the misses, and a sample of findings to inspect
 *   node bench/eval/cross-license.mjs --json
 *
 * Data: CUAD v1 development split — The Atticus Project, CC BY 4.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score } from './score.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = process.env.CORPUS_DIR ?? join(root, '..', 'shared', 'corpus');
const args = new Set(process.argv.slice(2));
const SAMPLE = 25;

const { loadFile, lintDocument } = await import(new URL('dist/engine/index.js', `file://${root}`).href);
const { classifyClauses } = await import(new URL('dist/engine/classify/clauses.js', `file://${root}`).href);
const { buildModel } = await import(new URL('dist/engine/model/build.js', `file://${root}`).href);
const xl = await import(new URL('dist/engine/classify/cross-license.js', `file://${root}`).href);
const { crossLicenseRules } = await import(
  new URL('dist/rules/cross-license/index.js', `file://${root}`).href
);

const LICENSE_LIKE =
  /^(?:License|Intellectual Property|Collaboration|Development|Strategic Alliance|Joint Venture)/i;
const ATTRIBUTION =
  'Data: CUAD v1 development split — The Atticus Project (Hendrycks, Burns, Chen, Ball, NeurIPS 2021), CC BY 4.0.';

const manifest = JSON.parse(readFileSync(join(corpus, 'cuad-dev/manifest.json'), 'utf8'));
const rules = crossLicenseRules.map((rule) => ({ rule, severity: rule.defaultSeverity, options: {} }));
const gatedRules = rules.map((r) => ({ ...r, gated: true }));
const docs = [];
for (const f of manifest.files) {
  const path = join(corpus, 'cuad-dev/txt', f.file);
  const doc = await loadFile(path);
  const result = lintDocument(doc, rules);
  if (result.ruleErrors) throw new Error(`${f.file}: ${JSON.stringify(result.ruleErrors)}`);
  const model = result.model ?? buildModel(doc);
  const clauses = result.clauses ?? classifyClauses(model);
  const grants = xl.grantsOf(model, clauses);
  const licenseLike = LICENSE_LIKE.test(f.cuad_category);
  const gated = licenseLike ? lintDocument(doc, gatedRules).findings : [];
  docs.push({
    file: f.file,
    category: f.cuad_category,
    answers: f.answers,
    findings: result.findings,
    gated,
    grants,
    classifierExclusive: clauses.has('exclusivity'),
    packExclusive: xl.hasExclusivity(model, clauses),
    crossLicense: xl.isCrossLicense(model, clauses),
    licenseLike,
  });
}

const fires = (d, id, messageId) =>
  d.findings.some((f) => f.ruleId === id && (messageId === undefined || f.data?.messageId === messageId));
const answered = (v) => v !== undefined && v !== '' && v !== 'No';

const rows = [
  {
    what: 'missing-governing-law',
    data: '"Governing Law" empty (233)',
    s: score(
      docs.map((d) => ({
        name: d.file,
        predicted: fires(d, 'missing-governing-law'),
        actual: !answered(d.answers['Governing Law']),
      })),
    ),
  },
  {
    what: 'missing-assignment-clause',
    data: '"Anti-Assignment" = No (233)',
    s: score(
      docs.map((d) => ({
        name: d.file,
        // Absence detected: a defect ('missing') or a note that a conveyance needs none ('conveyance').
        predicted:
          fires(d, 'missing-assignment-clause', 'missing') ||
          fires(d, 'missing-assignment-clause', 'conveyance'),
        actual: d.answers['Anti-Assignment'] !== 'Yes',
      })),
    ),
  },
  {
    what: 'exclusivity detection (hasExclusivity)',
    data: '"Exclusivity" = Yes (233)',
    s: score(
      docs.map((d) => ({
        name: d.file,
        predicted: d.packExclusive,
        actual: d.answers.Exclusivity === 'Yes',
      })),
    ),
  },
  {
    what: 'exclusivity: classifier only',
    data: '"Exclusivity" = Yes (233)',
    s: score(
      docs.map((d) => ({
        name: d.file,
        predicted: d.classifierExclusive,
        actual: d.answers.Exclusivity === 'Yes',
      })),
    ),
  },
  {
    what: 'grant detector (grantsOf)',
    data: '"License Grant" = Yes (233)',
    s: score(
      docs.map((d) => ({
        name: d.file,
        predicted: d.grants.length > 0,
        actual: d.answers['License Grant'] === 'Yes',
      })),
    ),
  },
];

const licenseDocs = docs.filter((d) => d.licenseLike);
const perRule = crossLicenseRules.map((r) => {
  const ungated = licenseDocs.flatMap((d) =>
    d.findings.filter((f) => f.ruleId === r.id).map((f) => ({ d, f })),
  );
  const gated = licenseDocs.flatMap((d) => d.gated.filter((f) => f.ruleId === r.id).map((f) => ({ d, f })));
  return { id: r.id, ungated, gated };
});
const crossCount = licenseDocs.filter((d) => d.crossLicense).length;

if (args.has('--json')) {
  console.log(
    JSON.stringify(
      {
        attribution: ATTRIBUTION,
        rows: rows.map(({ what, data, s }) => ({ what, data, ...s, misses: undefined })),
        licenseLike: licenseDocs.length,
        crossLicense: crossCount,
        perContract: perRule.map((r) => ({
          id: r.id,
          gated: r.gated.length / licenseDocs.length,
          ungated: r.ungated.length / licenseDocs.length,
        })),
      },
      null,
      2,
    ),
  );
} else {
  const n = (x) => x.toFixed(3);
  console.log('Cross-license rule pack vs CUAD labels');
  console.log(`${ATTRIBUTION}\n`);
  console.log('| check | positive = | TP | FP | FN | TN | precision | recall | F1 | target F1 ≥ 0.90 |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { what, data, s } of rows)
    console.log(
      `| ${what} | ${data} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${n(s.precision)} | ${n(s.recall)} | ${n(s.f1)} | ${s.f1 >= 0.9 ? 'met' : 'NOT met'} |`,
    );
  console.log(
    `\nFindings per contract on licence-like CUAD categories (${licenseDocs.length} contracts; ${crossCount} detected as cross-licenses):\n`,
  );
  console.log('| rule | gated (as the preset runs it) | ungated |');
  console.log('| --- | --- | --- |');
  for (const r of perRule)
    console.log(
      `| ${r.id} | ${(r.gated.length / licenseDocs.length).toFixed(2)} | ${(r.ungated.length / licenseDocs.length).toFixed(2)} |`,
    );
  if (args.has('--details')) {
    for (const { what, s } of rows)
      if (s.misses.length) console.log(`\n${what}:\n  ${s.misses.join('\n  ')}`);
    console.log(`\nSample of gated findings (up to ${SAMPLE} per rule) — false-positive candidates:`);
    for (const r of perRule) {
      if (r.gated.length === 0) continue;
      console.log(`\n== ${r.id} (${r.gated.length})`);
      for (const { d, f } of r.gated.slice(0, SAMPLE))
        console.log(`  ${d.file.slice(0, 70)}:${f.line}  ${f.message.slice(0, 140)}`);
    }
  }
}
