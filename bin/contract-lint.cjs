#!/usr/bin/env -S node --no-regexp-tier-up --single-threaded-gc
'use strict';
const { setFlagsFromString } = require('node:v8');

// A batch run is short and reads every contract once: let V8 optimise only the code that runs
// hot, rather than spending a core compiling functions that finish before the optimised code is
// used. Measured on 233 CUAD contracts: 5.4 s → 4.0 s wall, 9.5 s → 6.9 s CPU. Set before the
// engine is loaded, so it applies to all of it (and to the worker threads, which share the flags).
setFlagsFromString('--interrupt-budget=1000000');
// The first line gives V8 two more flags, which only work from the command line (set at run time
// with setFlagsFromString, each crashed V8: --no-regexp-tier-up with a segmentation fault in 3 of
// about 140 runs, --single-threaded-gc at once), so `node bin/contract-lint.js` (or .cjs) runs
// without them:
// - --no-regexp-tier-up: a regular expression is compiled to machine code at once, not to
//   bytecode first and again on its second use (the rules' hundreds of patterns are each compiled
//   once). One 17 KB Word agreement: 286 → 225 ms CPU.
// - --single-threaded-gc: the lint threads already keep every core busy; V8's helper threads for
//   garbage collection only compete with them. 233 CUAD contracts: 3.2–3.6 → 2.9–3.2 s wall,
//   5.7–6.5 → 5.5–5.9 s CPU (4 alternating runs). (A one-file run has no worker threads, and
//   ends without waiting for garbage collection: see below.)

// This executable is CommonJS: a one-file run then never starts Node's ES module loader, and
// loads fewer of Node's own modules, which Node compiles again in each process run under the flags
// above (it refuses its built-in code cache under other flags). bin/contract-lint.js (an ES module)
// runs this file, for `node bin/contract-lint.js`.

// One file is linted on this thread, by the bundled command line with its code cache
// (command-line.ts); a batch's lint workers boot while this thread loads and runs the command
// line (prestart.ts). Each path loads only its own modules (start-mode.ts decides).
const argv = process.argv.slice(2);
const { startMode, loadCommandLine } = require('../dist/cli/start.cjs');
const start = startMode(argv);

async function commandLine() {
  if (start.mode === 'this-thread') return { ...(await loadCommandLine(argv)), discard: async () => {} };
  const prestart = await import('../dist/cli/prestart.js');
  if (start.mode === 'workers') prestart.prestartLintWorkers(argv, start.threads);
  const { main } = await import('../dist/cli/main.js');
  return { main, saveCache: () => undefined, discard: prestart.discardPrestartedWorker };
}

// `contract-lint … | head`: the reader went away; stop quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

commandLine()
  .then(({ main, saveCache, discard }) =>
    main(argv, { oneFileHere: start.mode === 'this-thread' })
      .finally(discard)
      .then((code) => {
        process.exitCode = code;
        saveCache();
        // The run is over and its output written (standard output and error are synchronous on
        // Linux; anything still queued, elsewhere, is left to drain): end now rather than let V8
        // finish garbage collection work no one will use (about 20 ms of a one-file run).
        if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
      }),
  )
  .catch((error) => {
    process.stderr.write(
      `contract-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 2;
  });
