#!/usr/bin/env -S node --no-regexp-tier-up --single-threaded-gc
// The command line as an ES module, for `node bin/contract-lint.js`: it runs the executable,
// bin/contract-lint.cjs (see there; package.json names that one as `contract-lint`).
import './contract-lint.cjs';
