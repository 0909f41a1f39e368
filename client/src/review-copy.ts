import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCX_SCHEME, docxFileOf } from './docx';

/** The server command that writes the copy (server/review-copy.ts): all the work is there. */
const EXPORT_COMMAND = 'contractLint.server.exportReviewCopy';

type ExportResult =
  | { status: 'written'; out: string; outUri: string; comments: number; trackedChanges: number }
  | { status: 'exists'; out: string; outUri: string }
  | { status: 'error'; message: string };

export interface ExportOptions {
  /** Skip the question: true writes tracked changes too. */
  redline?: boolean;
  /** Overwrite an existing review copy without asking. */
  force?: boolean;
}

/**
 * *Contract Lint: Export Word Review Copy*: for the .docx given (explorer menu), open (its text
 * view) or picked, asks comments only or with tracked changes, has the server write
 * `<name>.reviewed.docx` beside it, and says where — with buttons to open or reveal it.
 * Returns the server's answer (the end-to-end test reads it).
 */
export async function exportReviewCopy(
  client: LanguageClient | undefined,
  target: vscode.Uri | undefined,
  options: ExportOptions = {},
): Promise<ExportResult | undefined> {
  if (!client) return undefined;
  let file = target?.scheme === DOCX_SCHEME ? docxFileOf(target) : target;
  if (!file?.path.toLowerCase().endsWith('.docx')) {
    const picked = await vscode.window.showOpenDialog({
      filters: { 'Word agreements': ['docx'] },
      canSelectMany: false,
      openLabel: 'Export Review Copy',
    });
    file = picked?.[0];
  }
  if (!file) return undefined;
  let redline = options.redline;
  if (redline === undefined) {
    const choice = await vscode.window.showQuickPick(
      [
        { label: 'Comments', description: 'every finding as a Word comment on its words', redline: false },
        {
          label: 'Comments and tracked changes',
          description: 'single-edit fixes as tracked changes to accept or reject (--redline)',
          redline: true,
        },
      ],
      { placeHolder: `Review copy of ${vscode.workspace.asRelativePath(file)}` },
    );
    if (!choice) return undefined;
    redline = choice.redline;
  }
  const send = (force: boolean) =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Contract Lint: writing the review copy…' },
      () =>
        client.sendRequest<ExportResult>('workspace/executeCommand', {
          command: EXPORT_COMMAND,
          arguments: [{ uri: file.toString(), redline, force }],
        }),
    );
  let result = await send(options.force === true);
  if (result.status === 'exists') {
    const overwrite = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(result.out)} already exists. Replace it?`,
      { modal: true },
      'Replace',
    );
    if (overwrite !== 'Replace') return result;
    result = await send(true);
  }
  if (result.status === 'error') {
    void vscode.window.showErrorMessage(`Contract Lint: ${result.message}`);
    return result;
  }
  if (result.status === 'written') {
    const changes = redline
      ? `, ${result.trackedChanges} tracked change${result.trackedChanges === 1 ? '' : 's'}`
      : '';
    const where = vscode.Uri.parse(result.outUri);
    void vscode.window
      .showInformationMessage(
        `Review copy written: ${vscode.workspace.asRelativePath(where)} (${result.comments} comment${result.comments === 1 ? '' : 's'}${changes}).`,
        'Open',
        'Reveal',
      )
      .then((action) => {
        if (action === 'Open') void vscode.env.openExternal(where);
        else if (action === 'Reveal') void vscode.commands.executeCommand('revealFileInOS', where);
      });
  }
  return result;
}
