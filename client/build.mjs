/**
 * Builds the VS Code extension into client/: the client and the language server bundled with
 * esbuild (no native binaries, no node_modules in the .vsix), plus the data the server reads at
 * run time (clause library), the rule docs and the config schema.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const client = fileURLToPath(new URL('.', import.meta.url));

rmSync(`${client}dist`, { recursive: true, force: true });
await build({
  entryPoints: [`${client}src/extension.ts`],
  outfile: `${client}dist/extension.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: false,
  minify: true,
  logLevel: 'warning',
});
// The server is ESM (it finds its clause library with import.meta.url); CommonJS dependencies
// bundled into it get a real `require`.
// The server and its threads (server/lint-threads.ts starts lint-worker.mjs beside server.mjs;
// server/review-copy.ts starts review-copy-worker.mjs for each Word review copy).
await build({
  entryPoints: {
    server: `${root}server/main.ts`,
    'lint-worker': `${root}server/lint-worker.ts`,
    'review-copy-worker': `${root}server/review-copy-worker.ts`,
  },
  outdir: `${client}dist`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: false,
  minify: true,
  logLevel: 'warning',
});
for (const [from, to] of [
  ['rules/clause-library', 'rules/clause-library'],
  ['docs/rules', 'docs/rules'],
  ['docs/contractlintrc.schema.json', 'schemas/contractlintrc.schema.json'],
  ['LICENSE', 'LICENSE'],
]) {
  rmSync(`${client}${to}`, { recursive: true, force: true });
  mkdirSync(`${client}${to}`.replace(/\/[^/]+$/, ''), { recursive: true });
  cpSync(`${root}${from}`, `${client}${to}`, { recursive: true });
}
console.log('built client/dist/extension.js, client/dist/server.mjs and client/dist/lint-worker.mjs');
