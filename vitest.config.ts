import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Test files that read the shared corpora (../shared/corpus beside the repository: CUAD, the
 * shared agreements). A newcomer's clone without them still runs every other test; CI sets
 * CONTRACT_LINT_REQUIRE_CORPUS, so there a missing corpus fails instead of skipping.
 */
const CORPUS_TESTS = [
  'test/annotate-corpus.test.ts',
  'test/classify.test.ts',
  'test/corpus-load.test.ts',
  'test/docx-corpus-numbering.test.ts',
  'test/docx-corpus.test.ts',
  'test/load-plaintext.test.ts',
  'test/model-crossrefs.test.ts',
  'test/model-definitions.test.ts',
  'test/model-numbers.test.ts',
  'test/model-parties.test.ts',
  'test/model-sentences.test.ts',
  'test/model-terms.test.ts',
  'test/rules-hygiene.test.ts',
];
const corpus = fileURLToPath(new URL('../shared/corpus/', import.meta.url));
const haveCorpus = existsSync(corpus);
if (!haveCorpus) {
  if (process.env.CONTRACT_LINT_REQUIRE_CORPUS)
    throw new Error(`the shared corpus is required: ${corpus} not found`);
  console.warn(
    `contract-lint: ${corpus} not found — skipping the ${CORPUS_TESTS.length} test files that read it`,
  );
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: haveCorpus ? [] : CORPUS_TESTS,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // 2-core CI machines: keep workers to the cores we have.
    maxWorkers: 2,
  },
});
