/**
 * What bin/contract-lint.cjs loads first, as one small CommonJS file (dist/cli/start.cjs, made by
 * cli/bundle.mjs): how the run starts, and for one file the bundled command line.
 */
export { loadCommandLine } from './command-line.js';
export { startMode } from './start-mode.js';
