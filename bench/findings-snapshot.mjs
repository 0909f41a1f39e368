/**
 * Findings snapshot (not a test): lints every CUAD dev contract, every shared corpus agreement
 * (md, txt, docx) and every fixture with all rules at their default severity, and writes a
 * canonical JSON of the findings to the file given as the first argument. Diff two snapshots to
 * check that a change (e.g. a performance refactor) leaves findings unchanged.
 * Usage: npm run build && node bench/findings-snapshot.mjs /tmp/findings.json
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runLintTask } from '../dist/cli/lint-task.js';
import { catalog } from '../dist/rules/index.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: node bench/findings-snapshot.mjs <output.json>');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const corpus = process.env.CORPUS ?? new URL('../../shared/corpus/', import.meta.url).pathname;
const AGREEMENT = /\.(md|markdown|txt|docx)$/i;

function walk(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...walk(path));
    else if (AGREEMENT.test(name)) files.push(path);
  }
  return files;
}

const files = [
  ...walk(join(corpus, 'cuad-dev/txt')),
  ...walk(join(corpus, 'agreements/md')),
  ...walk(join(corpus, 'agreements/docx')),
  ...walk(join(root, 'fixtures')),
];
const rules = catalog.rules.map((r) => ({
  id: r.id,
  severity: r.defaultSeverity,
  options: r.options?.defaults ?? {},
}));

const results = [];
let total = 0;
for (const path of files) {
  const report = await runLintTask({ path, rules });
  const name = path.startsWith(corpus) ? `corpus/${relative(corpus, path)}` : relative(root, path);
  const findings = report.findings
    .map((f) => ({
      ruleId: f.ruleId,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      message: f.message,
    }))
    .sort(
      (a, b) =>
        a.line - b.line ||
        a.column - b.column ||
        a.endLine - b.endLine ||
        a.endColumn - b.endColumn ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
    );
  total += findings.length;
  const entry = { path: name, findings };
  if (report.error) entry.error = report.error.code;
  if (report.ruleErrors) entry.ruleErrors = report.ruleErrors;
  results.push(entry);
}
// One finding per line keeps diffs readable.
const lines = ['['];
results.forEach((r, i) => {
  lines.push(
    `  {"path": ${JSON.stringify(r.path)}${r.error ? `, "error": ${JSON.stringify(r.error)}` : ''}${r.ruleErrors ? `, "ruleErrors": ${JSON.stringify(r.ruleErrors)}` : ''}, "findings": [`,
  );
  for (const [j, f] of r.findings.entries()) {
    lines.push(`    ${JSON.stringify(f)}${j < r.findings.length - 1 ? ',' : ''}`);
  }
  lines.push(`  ]}${i < results.length - 1 ? ',' : ''}`);
});
lines.push(']');
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${files.length} files, ${total} findings -> ${out}`);
