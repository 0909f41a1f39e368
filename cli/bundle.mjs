/**
 * Bundles the command line after tsc (`npm run build`): its entry points — prestart and main
 * (bin/contract-lint.js loads them in that order), the lint worker and the annotate worker — are
 * rewritten in dist/cli as ES modules that share chunks (so prestart and main share one pool
 * module), with the dependencies inside. A process then loads a few files instead of some 400
 * modules: about 250 ms less CPU per lint process and per worker thread (a Word file's lint, whole
 * process, 2.0x -> 1.8x mammoth's alone, bench/docx-process.mjs).
 * piscina stays outside: it starts its own worker script from its package.
 */
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
await build({
  absWorkingDir: root,
  entryPoints: ['cli/prestart.ts', 'cli/main.ts', 'cli/worker.ts', 'cli/annotate-worker.ts'],
  outdir: 'dist/cli',
  outbase: 'cli',
  // Chunks sit beside the entries: modules find their workers with new URL('./worker.js', import.meta.url).
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['piscina'],
  // CommonJS dependencies bundled into ES modules get a real `require`.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
