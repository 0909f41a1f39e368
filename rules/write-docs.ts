import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildConfigSchema } from '../engine/config/schema.js';
import { renderRuleDoc, renderRulesTable, replaceRulesTable } from './docs.js';
import { catalog } from './index.js';

/** The generated files: path (relative to the repository root) → content. */
export function generatedDocs(readme: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of catalog.rules)
    files.set(`docs/rules/${rule.id}.md`, renderRuleDoc(rule, catalog.presets));
  const table = renderRulesTable(catalog.rules, catalog.presets);
  files.set('README.md', replaceRulesTable(readme, table));
  const schema = buildConfigSchema(catalog.rules, Object.keys(catalog.presets));
  files.set('docs/contractlintrc.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
  return files;
}

/** `npm run docs`: writes the rule pages, the README table and the config schema. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const readme = readFileSync(`${root}README.md`, 'utf8');
  mkdirSync(`${root}docs/rules`, { recursive: true });
  for (const [path, content] of generatedDocs(readme)) writeFileSync(`${root}${path}`, content);
  process.stdout.write(
    `wrote ${catalog.rules.length} rule pages, the README rules table and docs/contractlintrc.schema.json\n`,
  );
}
