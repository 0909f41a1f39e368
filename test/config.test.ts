import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, ConfigResolver } from '../engine/index.js';
import { catalog } from '../rules/index.js';
import { runCli } from './helpers/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'contract-lint-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: unknown) {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  return full;
}

function severityOf(resolver: ConfigResolver, file: string, id: string) {
  const rule = resolver.effectiveRules(resolver.forFile(join(root, file))).find((r) => r.rule.id === id);
  return rule?.severity ?? 'off';
}

describe('config discovery and precedence', () => {
  write('a/.contractlintrc.json', {
    root: true,
    rules: { 'vague-deadline': 'error', 'unused-definition': 'off' },
  });
  write('a/b/.contractlintrc.yaml', 'rules:\n  vague-deadline: warning\n');
  write('a/b/c/package.json', { name: 'x', contractlint: { rules: { 'unused-definition': 'warning' } } });
  write('a/b/c/d/deal.md', '# Deal\n');
  write('a/b/deal.md', '# Deal\n');

  it('nearer files override farther ones, and every file up to root: true applies', () => {
    const resolver = new ConfigResolver(catalog);
    expect(severityOf(resolver, 'a/b/c/d/deal.md', 'vague-deadline')).toBe('warning');
    expect(severityOf(resolver, 'a/b/c/d/deal.md', 'unused-definition')).toBe('warning');
    expect(severityOf(resolver, 'a/b/deal.md', 'unused-definition')).toBe('off');
    expect(resolver.forFile(join(root, 'a/b/c/d/deal.md')).files.map((f) => f.slice(root.length))).toEqual([
      '/a/.contractlintrc.json',
      '/a/b/.contractlintrc.yaml',
      '/a/b/c/package.json',
    ]);
  });

  it('rules not configured follow the preset; strict raises info rules to warnings', () => {
    write('s/.contractlintrc.json', { root: true, extends: 'strict' });
    const resolver = new ConfigResolver(catalog);
    expect(severityOf(resolver, 's/x.md', 'vague-deadline')).toBe('warning');
    write('r/.contractlintrc.json', { root: true });
    expect(severityOf(resolver, 'r/x.md', 'vague-deadline')).toBe('info');
  });

  it('extends a relative file, with options', () => {
    write('e/base.yaml', 'rules:\n  vague-coverage: [error, { addPhrases: ["best endeavours"] }]\n');
    write('e/.contractlintrc.json', { root: true, extends: './base.yaml' });
    const resolver = new ConfigResolver(catalog);
    const rule = resolver
      .effectiveRules(resolver.forFile(join(root, 'e/x.md')))
      .find((r) => r.rule.id === 'vague-coverage');
    expect(rule?.severity).toBe('error');
    expect(rule?.options.addPhrases).toEqual(['best endeavours']);
  });

  it('a cycle of extends is an error naming the file', () => {
    write('cyc/one.json', { extends: './two.json' });
    write('cyc/two.json', { extends: './one.json' });
    write('cyc/.contractlintrc.json', { root: true, extends: './one.json' });
    expect(() => new ConfigResolver(catalog).forFile(join(root, 'cyc/x.md'))).toThrow(/cycle/);
  });
});

describe('an invalid config is an error naming the file, the key and what is allowed', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'bad-severity',
      { rules: { 'vague-deadline': 'warn' } },
      /rules\.vague-deadline: .*off, info, warning, error/,
    ],
    ['unknown-rule', { rules: { 'no-such-rule': 'error' } }, /unknown rule "no-such-rule" \(known rules: /],
    [
      'misspelt-rule',
      { rules: { 'vague-coverag': 'error' } },
      /unknown rule "vague-coverag" \(did you mean "vague-coverage"\?\)/,
    ],
    ['unknown-key', { rulez: {} }, /rulez: unknown key \(did you mean "rules"\?\)/],
    ['unknown-far-key', { zzzzzz: {} }, /zzzzzz: unknown key \(allowed: .*rules/],
    [
      'bad-option',
      { rules: { 'vague-coverage': ['warning', { addPhrase: ['x'] }] } },
      /rules\.vague-coverage\.1\.addPhrase: unknown key \(did you mean "addPhrases"\?\)/,
    ],
    ['bad-preset', { preset: 'lax' }, /preset: must be one of recommended, strict/],
  ];
  for (const [name, config, message] of cases) {
    it(name, () => {
      const file = write(`invalid/${name}/.contractlintrc.json`, { root: true, ...(config as object) });
      const resolver = new ConfigResolver(catalog);
      let error: unknown;
      try {
        resolver.forFile(join(root, `invalid/${name}/deal.md`));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain(file);
      expect((error as ConfigError).message).toMatch(message);
    });
  }

  it('malformed JSON and YAML name the file', () => {
    write('broken/.contractlintrc.json', '{ "rules": ');
    expect(() => new ConfigResolver(catalog).forFile(join(root, 'broken/x.md'))).toThrow(
      /broken\/\.contractlintrc\.json: not valid JSON/,
    );
    write('broken-yaml/.contractlintrc.yaml', 'rules: [unclosed\n');
    expect(() => new ConfigResolver(catalog).forFile(join(root, 'broken-yaml/x.md'))).toThrow(
      /not valid YAML/,
    );
  });

  it('a YAML warning (an unknown tag) is a config error naming the file, not a raw process warning', () => {
    write('yaml-tag/.contractlintrc.yaml', 'rules:\n  vague-coverage: !weird warning\n');
    write('yaml-tag/deal.md', '# Deal\n\nText.\n');
    const run = runCli([join(root, 'yaml-tag/deal.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/yaml-tag\/\.contractlintrc\.yaml: not valid YAML: Unresolved tag: !weird/);
    expect(run.stderr).not.toMatch(/YAMLWarning|--trace-warnings/);
  });

  it('the CLI exits 2 and prints the problem', () => {
    write('cli-bad/.contractlintrc.json', { root: true, rules: { 'vague-deadline': 'loud' } });
    write('cli-bad/deal.md', '# Deal\n\nText.\n');
    const run = runCli([join(root, 'cli-bad/deal.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/invalid config .*cli-bad\/\.contractlintrc\.json: rules\.vague-deadline/);
  });

  it('JavaScript config files are never read', () => {
    write('js/.contractlintrc.js', 'throw new Error("executed")');
    write('js/contractlint.config.js', 'throw new Error("executed")');
    write('js/deal.md', '# Deal\n\nText.\n');
    const run = runCli(['--format', 'json', join(root, 'js/deal.md')]);
    expect(run.stderr).not.toContain('executed');
    expect([0, 1]).toContain(run.code);
  });
});
