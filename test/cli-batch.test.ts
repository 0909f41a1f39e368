import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/run-cli.js';

/** A mixed deal room: Markdown, text, Word, a corrupt .docx, an ignored file, and a hostile one. */
let room: string;
beforeAll(() => {
  room = mkdtempSync(join(tmpdir(), 'contract-lint-room-'));
  mkdirSync(join(room, 'word'));
  mkdirSync(join(room, 'archive'));
  copyFileSync(join(repoRoot, 'fixtures/markdown/cross-license-defects.md'), join(room, 'defects.md'));
  copyFileSync(join(repoRoot, 'fixtures/markdown/patent-cross-license.md'), join(room, 'clean.md'));
  copyFileSync(join(repoRoot, 'fixtures/text/edgar-license.txt'), join(room, 'edgar.txt'));
  copyFileSync(join(repoRoot, 'fixtures/docx/royalty-license-no-exit.docx'), join(room, 'word/royalty.docx'));
  writeFileSync(
    join(room, 'word/corrupt.docx'),
    Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
  );
  writeFileSync(join(room, 'archive/old.md'), '# Old\n\nLicensee shall pay promptly.\n');
  writeFileSync(join(room, '.contractlintignore'), 'archive/\n');
  writeFileSync(
    join(room, 'hostile.md'),
    '# Evil <script>alert("x")</script> Agreement\n\n## 2. License Grant\n\nLicensor grants a licence under its patents and related technologies <img src=x onerror=alert(1)> & "quotes".\n',
  );
});
afterAll(() => rmSync(room, { recursive: true, force: true }));

const FILES = ['clean.md', 'defects.md', 'edgar.txt', 'hostile.md', 'word/corrupt.docx', 'word/royalty.docx'];

function lintRoom(args: string[]) {
  return runCli([...args, '.'], { cwd: room });
}

describe('batch CLI over a mixed folder', () => {
  it('json: every file once, ignored files skipped, the corrupt .docx reported, exit 1', () => {
    const run = lintRoom(['--format', 'json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as {
      filePath: string;
      messages: { fatal?: boolean; message: string; ruleId: string | null }[];
    }[];
    expect(results.map((r) => r.filePath)).toEqual(FILES);
    const corrupt = results.find((r) => r.filePath === 'word/corrupt.docx');
    expect(corrupt?.messages[0]?.fatal).toBe(true);
    expect(corrupt?.messages[0]?.message).toMatch(/^cannot read word\/corrupt\.docx: /);
    expect(results.find((r) => r.filePath === 'defects.md')?.messages.map((m) => m.ruleId)).toContain(
      'number-word-mismatch',
    );
    expect(
      results
        .find((r) => r.filePath === 'clean.md')
        ?.messages.filter((m) => m.ruleId !== null && !m.ruleId.includes('suppression')),
    ).toBeDefined();
  });

  it('a folder named from elsewhere keeps its own ignore files', () => {
    const run = runCli(['--format', 'json', room]);
    const paths = (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => r.filePath);
    expect(paths).toHaveLength(FILES.length);
    expect(paths.some((p) => p.includes('archive'))).toBe(false);
  });

  it('stylish: a Word finding shows its paragraph and the clause it sits in ("¶12 §2.2(c)")', () => {
    const run = runCli(['--no-progress', join(repoRoot, 'fixtures/docx/numbered-agreement.docx')]);
    // "(c)" is a list item of clause 2.2: cited as lawyers cite it.
    expect(run.stdout).toMatch(/23:29 ¶12 §2\.2\(c\)\s+error\s+Section 3\.2 does not exist/);
    expect(run.stdout).toMatch(/¶\d+ §1\.2\s+error\s+Section 3\.1 does not exist/);
  });

  it('stylish: grouped by file, Word paragraph numbers shown, exit 1', () => {
    const run = lintRoom([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('defects.md');
    expect(run.stdout).toMatch(/\d+:\d+ ¶\d+/);
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ info\) in 6 files/);
    expect(run.stderr).toBe('');
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rule metadata and repo-relative locations', () => {
    const run = lintRoom(['--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    );
    // The official schema is draft-04, which Ajv 8 validates through ajv-draft-04.
    const Ajv = require('ajv-draft-04') as new (
      options: object,
    ) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null } };
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run0 = log.runs[0];
    const ids = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('vague-coverage');
    expect(run0.tool.driver.rules[0]).toMatchObject({
      shortDescription: { text: expect.any(String) },
      helpUri: expect.stringContaining('docs/rules/'),
    });
    const uris = new Set(
      run0.results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0]?.physicalLocation.artifactLocation.uri,
      ),
    );
    expect([...uris].sort()).toEqual(
      expect.arrayContaining(['defects.md', 'word/corrupt.docx', 'word/royalty.docx']),
    );
    const word = run0.results.find(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri === 'word/royalty.docx',
    );
    expect(word.properties.wordParagraph).toBeGreaterThan(0);
    for (const r of run0.results) expect(ids).toContain(r.ruleId);
  });

  it('junit: one testcase per file; the corrupt file is an error, files with errors fail', () => {
    const run = lintRoom(['--format', 'junit']);
    expect(run.code).toBe(1);
    expect(run.stdout.match(/<testcase /g)).toHaveLength(FILES.length);
    expect(run.stdout).toMatch(
      /<testcase classname="contract-lint" name="word\/corrupt\.docx"[^>]*>\s*<error /,
    );
    expect(run.stdout).toMatch(/<testcase classname="contract-lint" name="defects\.md"[^>]*>\s*<failure /);
    expect(run.stdout).not.toContain('<script>');
  });

  it('summary: the clause matrix and counts per rule', () => {
    const run = lintRoom(['--format', 'summary']);
    expect(run.stdout).toContain('Clause checklist');
    expect(run.stdout).toMatch(/clean\.md\s+✓/);
    expect(run.stdout).toMatch(/number-word-mismatch\s+1/);
    expect(run.stdout).toContain('6 contract(s), 1 unreadable');
  });

  it('html: self-contained, charts present, contract text escaped', () => {
    const out = join(room, 'out/report.html');
    const run = lintRoom(['--format', 'html', '--output-file', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg role="img" aria-label="findings per rule"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/(?:src|href)="https?:/);
  });
});

describe('exit codes and limits', () => {
  it('0 when clean; warnings within --max-warnings are fine; too many are exit 1', () => {
    expect(runCli(['fixtures/markdown/patent-cross-license.md']).code).toBe(0);
    const file = join(room, 'warnings.md');
    writeFileSync(
      file,
      "# Licence Agreement\n\n## 1. Grant\n\nLicensor grants a licence under its patents and related technologies.\n\n## 2. Term\n\nThis Agreement continues for one (1) year. Either party may terminate it on thirty (30) days' notice. Sections 1 and 2 survive termination.\n",
    );
    const base = ['--rule', 'missing-audit-clause:off', file];
    const plain = runCli(base);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('vague-coverage');
    const [result] = JSON.parse(runCli(['--format', 'json', ...base]).stdout) as {
      warningCount: number;
      errorCount: number;
    }[];
    expect(result?.errorCount).toBe(0);
    const warnings = result?.warningCount ?? 0;
    expect(warnings).toBeGreaterThan(1);
    expect(runCli(['--max-warnings', String(warnings), ...base]).code).toBe(0);
    const over = runCli(['--max-warnings', String(warnings - 1), ...base]);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
  });

  it('--quiet reports errors only', () => {
    const run = runCli(['--quiet', '--format', 'json', 'fixtures/markdown/cross-license-defects.md']);
    const [result] = JSON.parse(run.stdout) as { messages: { severity: number }[] }[];
    expect(result?.messages.length).toBeGreaterThan(0);
    expect(result?.messages.every((m) => m.severity === 2)).toBe(true);
  });

  it('usage and config errors are exit 2', () => {
    expect(runCli(['--format', 'xml', 'fixtures']).code).toBe(2);
    expect(runCli(['--shard', '3/2', 'fixtures']).code).toBe(2);
    expect(runCli(['--rule', 'nope:error', 'fixtures']).code).toBe(2);
    expect(runCli(['--preset', 'lax', 'fixtures']).code).toBe(2);
  });
});

describe('shards, stdin and print-config', () => {
  it('--shard i/n: the shards are disjoint and together cover every file', () => {
    const all = (JSON.parse(runCli(['--format', 'json', 'fixtures']).stdout) as { filePath: string }[]).map(
      (r) => r.filePath,
    );
    const shards = [1, 2, 3].map((i) =>
      (
        JSON.parse(runCli(['--format', 'json', '--shard', `${i}/3`, 'fixtures']).stdout) as {
          filePath: string;
        }[]
      ).map((r) => r.filePath),
    );
    const union = shards.flat();
    expect(new Set(union).size).toBe(union.length);
    expect(union.sort()).toEqual([...all].sort());
    expect(shards.filter((s) => s.length > 0).length).toBeGreaterThan(1);
  });

  it('--stdin lints standard input under --stdin-filename', () => {
    const text = readFileSync(join(repoRoot, 'fixtures/markdown/cross-license-defects.md'));
    const run = runCli(['--stdin', '--stdin-filename', 'deal.md', '--format', 'json'], { input: text });
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(result?.filePath).toBe('deal.md');
    expect(result?.messages.map((m) => m.ruleId)).toContain('duplicate-definition');
    const word = runCli(['--stdin', '--stdin-filename', 'deal.docx', '--format', 'json'], {
      input: readFileSync(join(repoRoot, 'fixtures/docx/royalty-license-no-exit.docx')),
    });
    expect(JSON.parse(word.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain(
      'missing-audit-clause',
    );
  });

  it('--stdin over the size cap is an error for that input, like a file, not a config error', () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 'The Licensee shall pay. ');
    const run = runCli(['--stdin', '--stdin-filename', 'deal.md'], { input: big });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/cannot read deal\.md: file is 9\.0 MB, over the 8\.0 MB limit/);
    expect(run.stderr).not.toMatch(/invalid config/);
  });

  it('--print-config shows the merged configuration for a file', () => {
    writeFileSync(
      join(room, '.contractlintrc.json'),
      JSON.stringify({ root: true, rules: { 'vague-deadline': 'off' } }),
    );
    const run = runCli(['--print-config', join(room, 'defects.md')]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.configFiles).toEqual([join(room, '.contractlintrc.json')]);
    expect(printed.rules['vague-deadline']).toBeUndefined();
    expect(printed.rules['missing-audit-clause']).toBe('error');
    rmSync(join(room, '.contractlintrc.json'));
  });
});

describe('progress on long runs', () => {
  it('shows files done/total, rate and ETA on a terminal, and nothing when stderr is not one', () => {
    const many = join(room, 'many');
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 30; i++)
      copyFileSync(join(repoRoot, 'fixtures/text/edgar-license.txt'), join(many, `deal-${i}.txt`));
    const log = join(room, 'terminal.log');
    const env = { ...process.env };
    delete env.CI;
    // util-linux `script` gives the CLI a real pseudo-terminal, as a person running it has.
    const command = `${process.execPath} ${join(repoRoot, 'bin/contract-lint.js')} --format json --output-file ${join(room, 'many.json')} ${many}`;
    const run = spawnSync('script', ['-qec', command, log], { env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    const screen = readFileSync(log, 'utf8');
    expect(screen).toMatch(/linting .* \d+\/30 files \| [\d.]+ files\/s \| [\d.]+ MB\/s \| ETA/);
    const plain = runCli(['--format', 'json', '--output-file', join(room, 'many2.json'), many]);
    expect(plain.stderr).not.toContain('linting');
  });
});
