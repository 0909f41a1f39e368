/**
 * Single-threaded lint timing (not a test): loads and lints every CUAD dev contract with every rule
 * at its default severity, one after another on the main thread, and prints the total time and the
 * time per MB. Usage: npm run build && node bench/profile-lint.mjs [dir] (add --cpu-prof to profile).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runLintTask } from '../dist/cli/lint-task.js';
import { catalog } from '../dist/rules/index.js';

const dir =
  process.argv[2] ??
  join(process.env.CORPUS ?? new URL('../../shared/corpus/', import.meta.url).pathname, 'cuad-dev/txt');
const files = readdirSync(dir)
  .filter((f) => /\.(md|txt|docx)$/i.test(f))
  .sort()
  .map((f) => join(dir, f));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const rules = catalog.rules.map((r) => ({
  id: r.id,
  severity: r.defaultSeverity,
  options: r.options?.defaults ?? {},
}));

let findings = 0;
const start = performance.now();
const cpuStart = process.cpuUsage();
for (const path of files) {
  const report = await runLintTask({ path, rules });
  findings += report.findings.length;
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const mb = bytes / (1024 * 1024);
console.log(
  `${files.length} files, ${mb.toFixed(1)} MB, ${findings} findings: ${ms.toFixed(0)} ms total (${cpuMs.toFixed(0)} ms CPU), ${(ms / mb).toFixed(0)} ms/MB`,
);
