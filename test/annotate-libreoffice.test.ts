import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReviewCopy, type Finding, type ReviewCopy } from '../engine/index.js';
import { AGREEMENTS_DOCX } from './helpers/corpus.js';
import { type OdtAnnotation, readOdt } from './helpers/odt.js';
import { letters, lintBytes } from './helpers/review-copy.js';

/**
 * A real reader opens every review copy: LibreOffice (Debian's libreoffice-writer-nogui, headless,
 * a private profile, a timeout) converts them to ODT, and its comments and tracked changes are
 * compared with the findings. Skipped without soffice unless CONTRACT_LINT_REQUIRE_SOFFICE is set
 * (CI sets it and installs the package).
 */
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
const haveSoffice = soffice.status === 0;
if (!haveSoffice) {
  if (process.env.CONTRACT_LINT_REQUIRE_SOFFICE)
    throw new Error(`LibreOffice (soffice) is required: ${soffice.error?.message ?? soffice.stderr}`);
  console.warn('contract-lint: soffice not found — skipping the LibreOffice review-copy test');
}

const fixtures = new URL('../fixtures/docx/', import.meta.url).pathname;
const inputs = [
  ...readdirSync(fixtures).map((f) => join(fixtures, f)),
  // The shared agreements when they are here (CI requires them through the other corpus tests).
  ...(existsSync(AGREEMENTS_DOCX) ? readdirSync(AGREEMENTS_DOCX).map((f) => join(AGREEMENTS_DOCX, f)) : []),
].filter((f) => f.endsWith('.docx'));

interface Case {
  name: string;
  findings: Finding[];
  textView: string;
  copy: ReviewCopy;
  redline: boolean;
}

const dir = mkdtempSync(join(tmpdir(), 'contract-lint-soffice-'));
const cases: Case[] = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!haveSoffice)('LibreOffice reads the review copies', () => {
  beforeAll(async () => {
    for (const path of inputs) {
      const bytes = new Uint8Array(readFileSync(path));
      const { doc, result } = await lintBytes(bytes, path);
      for (const redline of [false, true]) {
        const copy = buildReviewCopy(bytes, doc, result.findings, { redline });
        if (redline && copy.trackedChanges === 0) continue;
        const name = `${basename(path, '.docx')}.${redline ? 'redline' : 'reviewed'}`;
        writeFileSync(join(dir, `${name}.docx`), copy.bytes);
        cases.push({ name, findings: result.findings, textView: doc.textView, copy, redline });
      }
    }
    const run = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'odt',
        '--outdir',
        join(dir, 'odt'),
        ...cases.map((c) => join(dir, `${c.name}.docx`)),
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed: ${run.error?.message ?? run.stderr}`);
  }, 300_000);

  it('converts every review copy', () => {
    expect(cases.length).toBeGreaterThanOrEqual(inputs.length);
    for (const c of cases) expect(existsSync(join(dir, 'odt', `${c.name}.odt`)), c.name).toBe(true);
  });

  it('shows every finding as one contract-lint comment, anchored on the finding’s words', () => {
    let checked = 0;
    for (const c of cases.filter((x) => !x.redline)) {
      const { annotations } = readOdt(new Uint8Array(readFileSync(join(dir, 'odt', `${c.name}.odt`))));
      const ours = annotations.filter((a) => a.creator === 'contract-lint');
      expect(ours, c.name).toHaveLength(c.findings.length);
      const unused = new Set<OdtAnnotation>(ours);
      c.findings.forEach((finding, i) => {
        // A finding on a number Word generates (list-numbering-gap) is put on its whole paragraph.
        const whole = c.copy.placed[i]?.anchor === 'paragraph';
        const view = letters(c.textView.slice(finding.range.start, finding.range.end));
        const match = [...unused].find(
          (a) =>
            a.paragraphs[0]?.endsWith(finding.message) &&
            a.paragraphs.some((p) => p.includes(finding.ruleId)) &&
            a.words.trim() !== '' &&
            (whole ||
              // Word's automatic number ("3.1") is written into the text view, not into the runs.
              (view.endsWith(letters(a.words)) && view.length - letters(a.words).length <= 8)),
        );
        expect(
          match,
          `${c.name}: ${finding.ruleId} “${c.textView.slice(finding.range.start, finding.range.end)}”`,
        ).toBeDefined();
        if (match) unused.delete(match);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('shows --redline fixes as tracked changes by contract-lint, and every comment still there', () => {
    const redlines = cases.filter((x) => x.redline);
    expect(redlines.length).toBeGreaterThanOrEqual(1);
    for (const c of redlines) {
      const { annotations, changes } = readOdt(
        new Uint8Array(readFileSync(join(dir, 'odt', `${c.name}.odt`))),
      );
      expect(
        annotations.filter((a) => a.creator === 'contract-lint'),
        c.name,
      ).toHaveLength(c.findings.length);
      const deleted = changes.filter((x) => x.kind === 'deletion' && x.creator === 'contract-lint');
      const inserted = changes.filter((x) => x.kind === 'insertion' && x.creator === 'contract-lint');
      c.copy.placed.forEach((placed, i) => {
        if (!placed.trackedChange) return;
        const edit = c.findings[i]?.fixes?.[0]?.edits[0];
        const old = c.textView.slice(edit?.range.start, edit?.range.end);
        expect(
          deleted.some((d) => d.text === old),
          `${c.name}: deletion of “${old}”`,
        ).toBe(true);
      });
      expect(inserted.length, c.name).toBeGreaterThanOrEqual(
        c.copy.placed.filter((p, i) => p.trackedChange && c.findings[i]?.fixes?.[0]?.edits[0]?.newText)
          .length,
      );
    }
  });
});
