import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../rules/write-docs.js';

const root = new URL('../', import.meta.url);

describe('generated documentation is in step with the rule metadata', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  for (const [path, expected] of generatedDocs(readme)) {
    it(`${path} is up to date (run npm run docs)`, () => {
      expect(readFileSync(new URL(path, root), 'utf8')).toBe(expected);
    });
  }
});
