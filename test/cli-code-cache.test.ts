import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileName, loadCachedBundle } from '../cli/code-cache.js';

let dir: string;
let bundle: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'contract-lint-code-cache-'));
  bundle = join(dir, 'bundle-abc123.cjs');
  writeFileSync(
    bundle,
    `'use strict';
const { basename } = require('node:path');
function twice(n) { return 2 * n; }
exports.answer = (n) => twice(n) + 1;
exports.name = basename(__filename);
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Exports = { answer(n: number): number; name: string };

/** A fresh cache folder for one test. */
function folder(name: string): string {
  return join(dir, name);
}

function cacheFiles(cache: string): string[] {
  return readdirSync(cache).filter((f) => f.endsWith('.v8cache'));
}

describe('loadCachedBundle', () => {
  it('runs the bundle as CommonJS, writes the cache once, and the next load compiles from it', () => {
    const cache = folder('fresh');
    const first = loadCachedBundle<Exports>(bundle, 'text', cache);
    expect(first.exports.answer(20)).toBe(41);
    expect(first.exports.name).toBe('bundle-abc123.cjs');
    expect(first.fromCache).toBe(false);
    first.saveCache();
    first.saveCache();
    expect(cacheFiles(cache)).toHaveLength(1);
    // No partial file is left behind.
    expect(readdirSync(cache).every((f) => !f.endsWith('.tmp'))).toBe(true);

    const second = loadCachedBundle<Exports>(bundle, 'text', cache);
    expect(second.fromCache).toBe(true);
    expect(second.exports.answer(1)).toBe(3);
  });

  it('keeps one cache per variant', () => {
    const cache = folder('variants');
    loadCachedBundle(bundle, 'text', cache).saveCache();
    loadCachedBundle(bundle, 'word', cache).saveCache();
    expect(cacheFiles(cache)).toHaveLength(2);
  });

  it('a corrupt or cut-short cache is ignored and rewritten', () => {
    const cache = folder('corrupt');
    loadCachedBundle(bundle, 'text', cache).saveCache();
    const [name] = cacheFiles(cache);
    const file = join(cache, name as string);
    const good = readFileSync(file);

    const flipped = Buffer.from(good);
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] as number) ^ 0xff;
    for (const bad of [flipped, good.subarray(0, good.length >> 1), Buffer.from('nonsense')]) {
      writeFileSync(file, bad);
      const load = loadCachedBundle<Exports>(bundle, 'text', cache);
      expect(load.fromCache).toBe(false);
      expect(load.exports.answer(2)).toBe(5);
      load.saveCache();
      expect(loadCachedBundle(bundle, 'text', cache).fromCache).toBe(true);
    }
  });

  it('a folder others can write to is not used', () => {
    const cache = folder('shared');
    mkdirSync(cache);
    chmodSync(cache, 0o777);
    const load = loadCachedBundle<Exports>(bundle, 'text', cache);
    load.saveCache();
    expect(load.exports.answer(0)).toBe(1);
    expect(cacheFiles(cache)).toHaveLength(0);
  });

  it('no usable folder (a file in the way, or none at all) only means no cache', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    for (const cache of [blocker, join(blocker, 'below'), undefined]) {
      const load = loadCachedBundle<Exports>(bundle, 'text', cache);
      expect(() => load.saveCache()).not.toThrow();
      expect(load.exports.answer(3)).toBe(7);
      expect(load.fromCache).toBe(false);
    }
  });

  it('keeps the caches of runs under other V8 flags apart (V8 refuses a cache made under other flags)', () => {
    const plain = cacheFileName(bundle, 'word', []);
    const flagged = cacheFileName(bundle, 'word', ['--no-regexp-tier-up', '--single-threaded-gc']);
    expect(plain).not.toBe(flagged);
    expect(cacheFileName(bundle, 'word', ['--single-threaded-gc'])).not.toBe(flagged);
    expect(cacheFileName(bundle, 'word', ['--no-regexp-tier-up', '--single-threaded-gc'])).toBe(flagged);
    expect(flagged.startsWith('bundle-abc123.cjs-word-')).toBe(true);
  });

  it('writing a cache removes those written over a week ago (earlier builds)', () => {
    const cache = folder('old-builds');
    mkdirSync(cache, { mode: 0o700 });
    const old = join(cache, 'bundle-old.cjs-text-v20.0.0-x64.v8cache');
    const recent = join(cache, 'bundle-recent.cjs-text-v20.0.0-x64.v8cache');
    const unrelated = join(cache, 'notes.txt');
    for (const file of [old, recent, unrelated]) writeFileSync(file, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    utimesSync(unrelated, eightDaysAgo, eightDaysAgo);
    loadCachedBundle(bundle, 'text', cache).saveCache();
    expect(readdirSync(cache).sort()).toEqual(
      [
        cacheFileName(bundle, 'text', process.execArgv),
        'bundle-recent.cjs-text-v20.0.0-x64.v8cache',
        'notes.txt',
      ].sort(),
    );
  });
});
