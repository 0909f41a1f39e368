import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { showChecklist } from './checklist';
import { DOCX_SCHEME, docxFileOf, openDocxAsText } from './docx';
import { type ExportOptions, exportReviewCopy } from './review-copy';

interface ClauseTemplateItem {
  id: string;
  title: string;
  heading: string;
  text: string;
}

const CONFIG_TEMPLATE = `{
  "$schema": "https://contract-lint.dev/contractlintrc.schema.json",
  "root": true,
  "extends": "recommended",
  "rules": {}
}
`;

/** The palette commands. Each is a thin call to the server or to VS Code. */
export function registerCommands(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  log: vscode.LogOutputChannel,
): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await run(...args);
        } catch (error) {
          log.error(`${id} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );

  register('contractLint.lintWorkspace', async () => {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Contract Lint: linting the workspace' },
      () =>
        client()?.sendRequest('workspace/executeCommand', {
          command: 'contractLint.server.lintWorkspace',
          arguments: [],
        }) ?? Promise.resolve(),
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });

  register('contractLint.openDocxAsText', async (arg) => {
    const uri = arg instanceof vscode.Uri ? arg : activeResource();
    if (uri?.scheme === DOCX_SCHEME) return openDocxAsText(docxFileOf(uri));
    if (uri?.path.toLowerCase().endsWith('.docx')) return openDocxAsText(uri);
    const picked = await vscode.window.showOpenDialog({
      filters: { 'Word agreements': ['docx'] },
      canSelectMany: false,
    });
    if (picked?.[0]) await openDocxAsText(picked[0]);
  });

  register('contractLint.exportReviewCopy', (arg, options) =>
    exportReviewCopy(
      client(),
      arg instanceof vscode.Uri ? arg : activeResource(),
      (options ?? {}) as ExportOptions,
    ),
  );

  register('contractLint.showRuleDocs', async () => {
    const editor = vscode.window.activeTextEditor;
    let ruleId: string | undefined;
    if (editor) {
      const here = vscode.languages
        .getDiagnostics(editor.document.uri)
        .filter((d) => d.source === 'contract-lint' && d.range.contains(editor.selection.active));
      ruleId = codeOf(here[0]);
    }
    if (!ruleId) {
      const pages = await vscode.workspace.fs.readDirectory(
        vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'),
      );
      ruleId = await vscode.window.showQuickPick(pages.map(([name]) => name.replace(/\.md$/, '')).sort(), {
        placeHolder: 'No finding under the cursor: pick a rule',
      });
    }
    if (!ruleId) return;
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', page);
  });

  register('contractLint.insertClause', async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'markdown' || editor.document.uri.scheme === DOCX_SCHEME) return;
    const templates =
      (await client()?.sendRequest<ClauseTemplateItem[]>('contractLint/clauseTemplates', {
        uri: editor.document.uri.toString(),
      })) ?? [];
    const picked = await vscode.window.showQuickPick(
      templates.map((t) => ({ label: t.title, description: t.heading, template: t })),
      { placeHolder: 'Insert a clause template (party names filled in)' },
    );
    if (!picked) return;
    await editor.insertSnippet(
      new vscode.SnippetString(`${picked.template.text.replace(/[$}\\]/g, '\\$&')}\n`),
    );
  });

  register('contractLint.openConfig', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    for (const name of ['.contractlintrc.json', '.contractlintrc.yaml', '.contractlintrc.yml']) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      try {
        await vscode.workspace.fs.stat(uri);
        await vscode.window.showTextDocument(uri);
        return;
      } catch {
        // not there: try the next name
      }
    }
    const uri = vscode.Uri.joinPath(folder.uri, '.contractlintrc.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CONFIG_TEMPLATE));
    await vscode.window.showTextDocument(uri);
  });

  register('contractLint.restartServer', async () => {
    await client()?.restart();
    log.info('language server restarted');
  });

  register('contractLint.showChecklist', async () => {
    const editor = vscode.window.activeTextEditor;
    const c = client();
    if (editor && c) await showChecklist(c, editor.document.uri);
  });
}

function activeResource(): vscode.Uri | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputCustom || tab instanceof vscode.TabInputText) return tab.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

function codeOf(diagnostic: vscode.Diagnostic | undefined): string | undefined {
  const code = diagnostic?.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}
