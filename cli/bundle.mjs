/**
 * Bundles the command line after tsc (`npm run build`), in dist/cli:
 * - what bin/contract-lint.cjs loads first, start.cjs (start-mode.ts, command-line.ts), as
 *   CommonJS: a one-file run then needs no ES module at all;
 * - the main-thread entry points of a batch — prestart and main (bin/contract-lint.cjs loads them
 *   in that order) — and the annotate worker, as ES modules that share chunks (so prestart and
 *   main share one pool module), with the dependencies inside. A process then loads a few files instead of
 *   some 400 modules: about 250 ms less CPU per lint process and per worker thread (a Word file's
 *   lint, whole process, 2.0x -> 1.8x mammoth's alone, bench/docx-process.mjs).
 * - the lint worker as one CommonJS file, lint-worker-<hash>.cjs, which worker.cjs (worker-entry.ts)
 *   runs with a V8 code cache (code-cache.ts): ES modules cannot use one in Node 20. Loading it and
 *   linting one 17 KB Word agreement on one thread: about 400 -> 325 ms CPU.
 * piscina stays outside: it starts its own worker script from its package.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist/cli');

// Chunk and worker names change with their content: those of earlier builds would pile up.
for (const name of existsSync(outdir) ? readdirSync(outdir) : []) {
  if (/^(chunk|lint-worker|cli)-/.test(name)) rmSync(join(outdir, name));
}

/**
 * Packages that mammoth loads but only uses for what contract-lint never asks of it — jszip for
 * its own unzip, xmlbuilder for writing XML — are replaced by the stubs in cli/stubs, which say so
 * if ever called. Loading them cost a Word lint about 40 ms.
 */
const UNUSED_BY_LINT = /^(jszip|xmlbuilder)$/;
const withoutUnused = {
  name: 'without-unused',
  setup(build) {
    build.onResolve({ filter: UNUSED_BY_LINT }, (args) => ({
      path: join(root, `cli/stubs/${args.path}.cjs`),
    }));
  },
};

const common = {
  absWorkingDir: root,
  plugins: [withoutUnused],
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['piscina'],
  sourcemap: true,
  logLevel: 'warning',
};

/**
 * For a CommonJS output: a CommonJS file has no import.meta, its URL comes from its file name.
 * Strict as the ES modules it is made of (the banner comes before esbuild's own "use strict",
 * which then is no longer a directive).
 */
const commonJs = {
  format: 'cjs',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "'use strict'; const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * One CommonJS file named by its content's hash (`<prefix>-<hash>.cjs`), which keys its code
 * cache: a rebuild never meets the cache of another build. Returns the file's name.
 */
async function buildHashed(entry, prefix, define = {}) {
  const { metafile } = await build({
    ...common,
    entryPoints: [entry],
    outdir: 'dist/cli',
    entryNames: `${prefix}-[hash]`,
    outExtension: { '.js': '.cjs' },
    metafile: true,
    ...commonJs,
    define: { ...commonJs.define, ...define },
  });
  const file = Object.keys(metafile.outputs).find((name) => name.endsWith('.cjs'));
  return basename(file);
}

/** The lint worker, which worker.cjs runs with a code cache. */
const buildLintWorker = () => buildHashed('cli/worker.ts', 'lint-worker');

/**
 * The whole command line, for a one-file run on the main thread (cli/this-thread.ts), which
 * command-line.ts loads with a code cache.
 */
const buildCommandLine = () =>
  buildHashed('cli/main.ts', 'cli', { BUNDLED_LINT_WORKER: JSON.stringify('./worker.cjs') });

const [lintWorker, commandLine] = await Promise.all([buildLintWorker(), buildCommandLine()]);
await Promise.all([
  build({
    ...common,
    entryPoints: ['cli/prestart.ts', 'cli/main.ts', 'cli/annotate-worker.ts'],
    outdir: 'dist/cli',
    outbase: 'cli',
    // Chunks sit beside the entries: modules find their workers with new URL('./worker.cjs', import.meta.url).
    chunkNames: 'chunk-[hash]',
    splitting: true,
    format: 'esm',
    define: { BUNDLED_LINT_WORKER: JSON.stringify('./worker.cjs') },
    // CommonJS dependencies bundled into ES modules get a real `require`.
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: ['cli/start.ts'],
    outfile: 'dist/cli/start.cjs',
    ...commonJs,
    define: { ...commonJs.define, CLI_BUNDLE: JSON.stringify(commandLine) },
    // Only for a build without the bundle (tsc alone); never loaded here.
    external: [...common.external, './main.js'],
  }),
  // CommonJS too: piscina then loads it without starting the ES module loader in the thread.
  build({
    ...common,
    entryPoints: ['cli/worker-entry.ts'],
    outfile: 'dist/cli/worker.cjs',
    ...commonJs,
    define: { ...commonJs.define, LINT_WORKER_BUNDLE: JSON.stringify(lintWorker) },
  }),
]);
