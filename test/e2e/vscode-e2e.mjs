#!/usr/bin/env node
/**
 * End-to-end test of the packaged extension in a real VS Code (code-server 4.100.3 = VS Code
 * 1.100.3, from ../shared/vscode-e2e) driven by headless Debian Chromium through playwright-core.
 *
 * 1. Installs the built .vsix into a fresh extensions dir and opens a workspace holding a Markdown
 *    agreement and a Word agreement (from fixtures/).
 * 2. Waits until the Problems panel lists every finding the CLI reports for both files, and
 *    checks rule ids and lines against the CLI's JSON (the same engine).
 * 3. Opens the .docx: its text view must appear, with the findings marked in it.
 * 4. Applies a quick fix through the UI (Ctrl+. on a number/word mismatch) and checks that its
 *    finding disappears and nothing new appears.
 * 5. Exports the Word agreement's review copy (Contract Lint: Export Word Review Copy, with
 *    tracked changes): the file appears beside it with one comment per finding.
 * 6. Opens a folder with only a README: no notification, no finding.
 * Screenshots go to test-artifacts/e2e/. Exit code 0 = all checks passed.
 *
 * Usage: node test/e2e/vscode-e2e.mjs [--prefix /opt/code-server-4.100.3] [--vsix file]
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const prefix = option('--prefix', process.env.CS_PREFIX ?? '/opt/code-server-4.100.3');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.resolve(option('--vsix', path.join(root, `contract-lint-${pkg.version}.vsix`)));
const artifacts = path.join(root, 'test-artifacts', 'e2e');
const codeServer = path.join(prefix, 'bin', 'code-server');
const { chromium } = createRequire(path.join(prefix, 'tools', 'package.json'))('playwright-core');

const log = (...a) => console.error('[e2e]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const checks = [];
function check(name, ok, detail = '') {
  checks.push({ name, ok, detail });
  log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** What the CLI (the same engine) reports for a file: rule id and line of each finding. */
function cliFindings(file) {
  let out;
  try {
    out = execFileSync(
      process.execPath,
      [path.join(root, 'bin/contract-lint.js'), '--format', 'json', file],
      { encoding: 'utf8' },
    );
  } catch (error) {
    out = error.stdout;
  }
  return JSON.parse(out)[0]
    .messages.map((m) => `${m.ruleId}@${m.line}`)
    .sort();
}

// Problems panel DOM → data (runs in the page).
function readProblemsInPage() {
  const panel = document.querySelector('.markers-panel');
  if (!panel) return { total: null, rows: [] };
  const aria = panel.querySelector('#markers-panel-arialabel')?.getAttribute('aria-label') || '';
  let total = null;
  if (/no problems/i.test(aria)) total = 0;
  else {
    const m = /(\d+)/.exec(aria);
    if (m) total = Number(m[1]);
  }
  const rows = [];
  for (const row of panel.querySelectorAll('.monaco-list-row')) {
    const index = Number(row.getAttribute('data-index'));
    const icon = row.querySelector('.marker-icon');
    const level = Number(row.getAttribute('aria-level'));
    if (level === 1) {
      const label = row.querySelector('.monaco-icon-label');
      rows.push({
        index,
        kind: 'resource',
        path: label?.getAttribute('aria-label') || label?.textContent || '',
      });
      continue;
    }
    // Deeper rows without an icon are a finding's related locations.
    if (!icon) continue;
    const lc = /Ln (\d+), Col (\d+)/.exec(row.querySelector('.marker-line')?.textContent || '');
    rows.push({
      index,
      kind: 'marker',
      code: row.querySelector('.marker-code')?.textContent || null,
      message: [...row.querySelectorAll('.marker-message')].map((e) => e.textContent).join(' '),
      line: lc ? Number(lc[1]) : null,
    });
  }
  return { total, rows };
}

async function collectProblems(page) {
  const byIndex = new Map();
  const add = (s) => {
    for (const r of s.rows) byIndex.set(r.index, r);
  };
  let snap = await page.evaluate(readProblemsInPage);
  add(snap);
  const markers = () => [...byIndex.values()].filter((r) => r.kind === 'marker').length;
  const list = page.locator('.markers-panel .monaco-list').first();
  if (snap.total !== null && markers() < snap.total && (await list.count())) {
    await list.hover();
    for (let i = 0; i < 300 && markers() < snap.total; i++) {
      await page.mouse.wheel(0, 200);
      await sleep(60);
      const before = byIndex.size;
      snap = await page.evaluate(readProblemsInPage);
      add(snap);
      if (byIndex.size === before && i > 3) break;
    }
    await page.mouse.wheel(0, -1e6);
  }
  let file = null;
  const problems = [];
  for (const r of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
    if (r.kind === 'resource') file = r.path;
    else
      problems.push({
        file,
        code: r.code?.replace(/[()]/g, '').trim() ?? null,
        line: r.line,
        message: r.message,
      });
  }
  return { total: snap.total, problems };
}

async function waitForCount(page, wanted, timeoutMs, settleMs = 2500) {
  const end = Date.now() + timeoutMs;
  let last = null;
  let since = Date.now();
  while (Date.now() < end) {
    const snap = await page.evaluate(readProblemsInPage);
    const n = snap.total ?? 0;
    if (n !== last) {
      log(`problems: ${n}`);
      last = n;
      since = Date.now();
    }
    if (wanted(n) && Date.now() - since >= settleMs) return n;
    await sleep(250);
  }
  return last;
}

async function openProblems(page) {
  await page.keyboard.press('Control+Shift+M');
  try {
    await page.waitForSelector('.markers-panel', { state: 'visible', timeout: 8000 });
  } catch {
    await runCommand(page, 'View: Focus on Problems View');
    await page.waitForSelector('.markers-panel', { state: 'visible', timeout: 10000 });
  }
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10000 });
  await page.keyboard.type(title);
  await sleep(700);
  await page.keyboard.press('Enter');
}

async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10000 });
  await page.keyboard.type(name);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: name }) })
    .first();
  await row.waitFor({ timeout: 20000 });
  await row.click();
}

/** The comments contract-lint wrote into a review copy (fflate from the repository's dependencies). */
function reviewComments(file) {
  const { unzipSync, strFromU8 } = createRequire(path.join(root, 'package.json'))('fflate');
  const xml = unzipSync(new Uint8Array(fs.readFileSync(file)))['word/comments.xml'];
  return xml ? [...strFromU8(xml).matchAll(/<w:comment [^>]*w:author="contract-lint"/g)] : [];
}

/** Starts code-server on a workspace; returns the page and a stop function. */
async function startWorkbench(workspace, file, tmp) {
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'security.workspace.trust.enabled': false,
      'git.enabled': false,
      'json.schemaDownload.enable': false,
      'workbench.editor.enablePreview': false,
    }),
  );
  const xdg = {
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
  };
  const env = { ...process.env, ...xdg, TMPDIR: path.join(tmp, 'tmp'), EXTENSIONS_GALLERY: '{}' };
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  await new Promise((resolve, reject) =>
    execFile(codeServer, [...common, '--install-extension', vsix, '--force'], { env }, (e, so, se) =>
      e ? reject(new Error(`${e.message}\n${so}\n${se}`)) : resolve(),
    ),
  );
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    codeServer,
    [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--config',
      path.join(tmp, 'config.yaml'),
      ...common,
    ],
    { env, detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status < 500) break;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, ...xdg },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const fileUri = `vscode-remote://127.0.0.1:${port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
  await page.goto(
    `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify([['openFile', fileUri]]))}`,
  );
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector(`.tabs-container .tab[data-resource-name="${path.basename(file)}"]`, {
    timeout: 30000,
  });
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 20000 });
  const stop = async () => {
    await browser.close().catch(() => undefined);
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone
    }
    await sleep(500);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  };
  return { page, stop, logFile };
}

async function main() {
  if (!fs.existsSync(vsix)) throw new Error(`no ${vsix}: run npm run package first`);
  fs.mkdirSync(artifacts, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-lint-e2e-'));
  const workspace = path.join(tmp, 'deal-room');
  fs.mkdirSync(path.join(workspace, 'word'), { recursive: true });
  const md = path.join(workspace, 'cross-license.md');
  const docx = path.join(workspace, 'word', 'royalty-licence.docx');
  fs.copyFileSync(path.join(root, 'fixtures/markdown/cross-license-defects.md'), md);
  fs.copyFileSync(path.join(root, 'fixtures/docx/royalty-license-no-exit.docx'), docx);
  const expectedMd = cliFindings(md);
  const expectedDocx = cliFindings(docx);
  log(
    `CLI: ${expectedMd.length} findings in the Markdown agreement, ${expectedDocx.length} in the Word agreement`,
  );

  const { page, stop, logFile } = await startWorkbench(workspace, md, path.join(tmp, 'vscode'));
  try {
    await page.click('.editor-instance .monaco-editor .view-lines');
    await openProblems(page);
    const total = expectedMd.length + expectedDocx.length;
    const seen = await waitForCount(page, (n) => n === total, 120000);
    check('Problems panel lists every finding of both agreements', seen === total, `${seen} of ${total}`);
    // Room for every row: the Problems tree is virtualised.
    await runCommand(page, 'View: Toggle Maximized Panel');
    await sleep(800);
    const { problems } = await collectProblems(page);
    if (process.env.E2E_DEBUG) log(JSON.stringify(await page.evaluate(readProblemsInPage)).slice(0, 3000));
    await runCommand(page, 'View: Toggle Maximized Panel');
    await sleep(500);
    const of = (name) =>
      problems
        .filter((p) => p.file?.endsWith(name))
        .map((p) => `${p.code}@${p.line}`)
        .sort();
    check(
      'Markdown agreement: rule ids and lines match the CLI',
      JSON.stringify(of('cross-license.md')) === JSON.stringify(expectedMd),
      of('cross-license.md').join(' '),
    );
    check(
      'Word agreement: rule ids and lines match the CLI',
      JSON.stringify(of('royalty-licence.docx.md')) === JSON.stringify(expectedDocx),
      of('royalty-licence.docx.md').join(' '),
    );
    check(
      'Word findings name the Word paragraph',
      problems.filter((p) => p.file?.includes('.docx')).every((p) => /Word ¶\d+/.test(p.message)),
    );
    await page.screenshot({ path: path.join(artifacts, 'markdown-problems.png') });

    // Open the Word agreement: the text view shows, findings marked in it.
    await quickOpen(page, 'royalty-licence.docx');
    await page.waitForSelector('.tabs-container .tab[data-resource-name="royalty-licence.docx.md"]', {
      timeout: 30000,
    });
    // The editor renders spaces as non-breaking spaces.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.editor-instance .view-lines')].some((e) =>
          e.textContent.replace(/\u00a0/g, ' ').includes('Technology License Agreement'),
        ),
      null,
      { timeout: 30000 },
    );
    await sleep(1500);
    const squiggles = await page
      .locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning')
      .count();
    check(
      'the .docx opens as its readable text view with findings marked in place',
      squiggles > 0,
      `${squiggles} squiggles`,
    );
    // Clicking a problem of the Word file lands on its line in the text view.
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-audit-clause' }).first();
    await row.click();
    await page.keyboard.press('Enter');
    await sleep(1000);
    if (process.env.E2E_DEBUG) await page.screenshot({ path: path.join(artifacts, 'debug-after-click.png') });
    const cursorLine = await page.evaluate(() => {
      const status = [...document.querySelectorAll('.statusbar-item')]
        .map((e) => e.textContent)
        .find((t) => /Ln \d+/.test(t ?? ''));
      return status ? Number(/Ln (\d+)/.exec(status)?.[1]) : null;
    });
    const auditLine = Number(expectedDocx.find((f) => f.startsWith('missing-audit-clause@'))?.split('@')[1]);
    check(
      'clicking a Word problem lands on its line in the text view',
      cursorLine === auditLine,
      `cursor at line ${cursorLine}, finding at ${auditLine}`,
    );
    await page.screenshot({ path: path.join(artifacts, 'word-text-view.png') });

    // Saved again from Word (here: replaced on disk): the text view and its findings refresh.
    fs.copyFileSync(path.join(root, 'fixtures/docx/royalty-license-no-exit-revised.docx'), docx);
    const refreshed = await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('.editor-instance .view-lines')].some((e) =>
            e.textContent.replace(/\u00a0/g, ' ').includes('nine percent (9%)'),
          ),
        null,
        { timeout: 30000 },
      )
      .then(
        () => true,
        () => false,
      );
    check('re-saving the .docx refreshes its text view', refreshed);
    fs.copyFileSync(path.join(root, 'fixtures/docx/royalty-license-no-exit.docx'), docx);
    await page
      .waitForFunction(
        () =>
          ![...document.querySelectorAll('.editor-instance .view-lines')].some((e) =>
            e.textContent.replace(/\u00a0/g, ' ').includes('nine percent (9%)'),
          ),
        null,
        { timeout: 30000 },
      )
      .catch(() => undefined);
    await waitForCount(page, (n) => n === total, 30000);

    // Quick fix through the UI: the number/word mismatch in the Markdown agreement.
    await page.click('.tabs-container .tab[data-resource-name="cross-license.md"]');
    await sleep(1000);
    const mismatch = expectedMd.find((f) => f.startsWith('number-word-mismatch@'));
    const line = Number(mismatch?.split('@')[1]);
    const lineText = fs.readFileSync(md, 'utf8').split('\n')[line - 1] ?? '';
    const column = lineText.indexOf('thirty (60)') + 1;
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { timeout: 10000 });
    await page.keyboard.type(`${line}:${column + 2}`);
    await page.keyboard.press('Enter');
    await sleep(500);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: /sixty \(60\)|60/ }).first();
    await fix.waitFor({ timeout: 15000 });
    await page.screenshot({ path: path.join(artifacts, 'quick-fix-menu.png') });
    // The menu takes the keyboard: move to the fix and press Enter.
    const labels = await page.locator('.action-widget .monaco-list-row').allTextContents();
    const target = labels.findIndex((l) => /sixty/.test(l));
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const after = await waitForCount(page, (n) => n === total - 1, 30000);
    const { problems: afterProblems } = await collectProblems(page);
    check(
      'the quick fix applied through the UI removes its finding',
      after === total - 1 && !afterProblems.some((p) => p.code === 'number-word-mismatch'),
      `${after} problems now`,
    );
    await page.screenshot({ path: path.join(artifacts, 'after-quick-fix.png') });
    const toasts = await page.locator('.notifications-toasts .notification-toast').count();
    check('no notification popups', toasts === 0, `${toasts} toasts`);

    // Export Word Review Copy from the Word agreement's text view, with tracked changes.
    await page.click('.tabs-container .tab[data-resource-name="royalty-licence.docx.md"]');
    await sleep(800);
    await runCommand(page, 'Contract Lint: Export Word Review Copy');
    const choice = page.locator('.quick-input-list .monaco-list-row', {
      hasText: 'Comments and tracked changes',
    });
    await choice.waitFor({ timeout: 15000 });
    await choice.click();
    const reviewed = path.join(workspace, 'word', 'royalty-licence.reviewed.docx');
    const toast = page.locator('.notifications-toasts .notification-toast', {
      hasText: 'Review copy written',
    });
    const shown = await toast.waitFor({ timeout: 60000 }).then(
      () => true,
      () => false,
    );
    const comments = fs.existsSync(reviewed) ? reviewComments(reviewed) : [];
    check(
      'Export Word Review Copy writes <name>.reviewed.docx beside the agreement and says so',
      shown && comments.length === expectedDocx.length,
      `${comments.length} contract-lint comments for ${expectedDocx.length} findings; toast ${shown ? 'shown' : 'missing'}`,
    );
    await page.screenshot({ path: path.join(artifacts, 'export-review-copy.png') });
  } catch (error) {
    check('workbench run', false, String(error?.stack ?? error));
    await page.screenshot({ path: path.join(artifacts, 'failure.png') }).catch(() => undefined);
    log(fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
  } finally {
    await stop();
  }

  // A folder that is not a contract folder: no popup, no finding.
  const notes = path.join(tmp, 'notes');
  fs.mkdirSync(notes);
  fs.writeFileSync(
    path.join(notes, 'README.md'),
    '# Project notes\n\nWe should promptly fix the build, etc.\n',
  );
  const second = await startWorkbench(notes, path.join(notes, 'README.md'), path.join(tmp, 'vscode-2'));
  try {
    await second.page.click('.editor-instance .monaco-editor .view-lines');
    await openProblems(second.page);
    await sleep(6000);
    const count = await second.page.evaluate(
      () => document.querySelector('#markers-panel-arialabel')?.getAttribute('aria-label') ?? '',
    );
    const toasts = await second.page.locator('.notifications-toasts .notification-toast').count();
    check(
      'a folder without agreements or config: no findings',
      /no problems/i.test(count) || count === '',
      count,
    );
    check('a folder without agreements or config: no popup', toasts === 0, `${toasts} toasts`);
    await second.page.screenshot({ path: path.join(artifacts, 'not-a-contract-folder.png') });
  } finally {
    await second.stop();
  }

  if (process.env.E2E_KEEP) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  const failed = checks.filter((c) => !c.ok);
  fs.writeFileSync(path.join(artifacts, 'report.json'), JSON.stringify({ checks }, null, 2));
  console.log(`${checks.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
