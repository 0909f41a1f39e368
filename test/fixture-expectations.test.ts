import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver, type FileResult, lintFile } from '../engine/index.js';
import { catalog } from '../rules/index.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const markdownFixtures = readdirSync(join(fixtures, 'markdown')).filter((f) => f.endsWith('.md'));
const resolver = new ConfigResolver(catalog);

async function lint(path: string): Promise<FileResult> {
  const result = await lintFile(path, resolver.effectiveRules(resolver.forFile(path)));
  expect(result.error).toBeUndefined();
  expect(result.ruleErrors).toBeUndefined();
  return result;
}

/** "<!-- expect: rule-id -->" markers: the line they are on must carry that finding. */
function expectedFindings(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(/<!--\s*expect:\s*([a-z-]+)\s*-->/g)) out.push(`${i + 1}:${match[1]}`);
  });
  return out.sort();
}

describe('fixtures with inline expectation markers get exactly the marked findings', () => {
  for (const file of markdownFixtures) {
    it(file, async () => {
      const path = join(fixtures, 'markdown', file);
      const result = await lint(path);
      const actual = result.findings.map((f) => `${f.line}:${f.ruleId}`).sort();
      expect(actual).toEqual(expectedFindings(readFileSync(path, 'utf8')));
    });
  }

  it('the well-drafted cross-licence gets no error or warning', async () => {
    const result = await lint(join(fixtures, 'markdown/patent-cross-license.md'));
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

/** A finding reduced to what both renderings share: the rule and the words it points at. */
function signature(result: FileResult): string[] {
  const text = result.textView ?? '';
  return result.findings
    .map(
      (f) =>
        `${f.ruleId} @ ${text
          .slice(f.range.start, f.range.end)
          .replace(/[*_#\\]/g, '')
          .replace(/\s+/g, ' ')
          .trim()}`,
    )
    .sort();
}

describe('the same agreement as Markdown and as Word gives the same findings', () => {
  for (const file of markdownFixtures) {
    const docx = join(fixtures, 'docx', file.replace(/\.md$/, '.docx'));
    if (!existsSync(docx)) continue;
    it(file.replace(/\.md$/, ''), async () => {
      const md = await lint(join(fixtures, 'markdown', file));
      const word = await lint(docx);
      expect(signature(word)).toEqual(signature(md));
      for (const f of word.findings) expect(f.wordParagraph).toBeGreaterThan(0);
    });
  }
});
