import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCX_SCHEME } from './docx';

/** A language status item: the active preset and the counts of findings in the open agreement. */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(_context: vscode.ExtensionContext, _client: () => LanguageClient | undefined) {
    this.item = vscode.languages.createLanguageStatusItem('contractLint.status', [
      { language: 'markdown' },
      { language: 'plaintext' },
      { scheme: DOCX_SCHEME },
    ]);
    this.item.name = 'Contract Lint';
    this.item.command = { title: 'Checklist', command: 'contractLint.showChecklist' };
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('contractLint')) this.update();
      }),
    );
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const config = vscode.workspace.getConfiguration('contractLint', editor?.document.uri);
    const preset = config.get<string>('preset') || 'recommended';
    if (!config.get<boolean>('enable', true)) {
      this.item.text = 'Contract Lint: off';
      this.item.detail = 'contractLint.enable is false';
      return;
    }
    const findings = editor
      ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'contract-lint')
      : [];
    const count = (severity: vscode.DiagnosticSeverity) =>
      findings.filter((d) => d.severity === severity).length;
    this.item.text = `Contract Lint: ${preset}`;
    this.item.detail = `${count(vscode.DiagnosticSeverity.Error)} errors, ${count(vscode.DiagnosticSeverity.Warning)} warnings, ${count(vscode.DiagnosticSeverity.Information)} info`;
    this.item.severity =
      count(vscode.DiagnosticSeverity.Error) > 0
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
