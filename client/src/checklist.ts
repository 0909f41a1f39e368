import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface ChecklistResult {
  title?: string;
  items: { key: string; label: string; status: 'present' | 'missing' | 'incomplete'; because?: string[] }[];
}

const MARK = { present: '✓', incomplete: '~', missing: '✗' } as const;

/** The clause checklist of the agreement in the editor, in a read-only webview (no scripts). */
export async function showChecklist(client: LanguageClient, uri: vscode.Uri): Promise<void> {
  const result = await client.sendRequest<ChecklistResult | null>('contractLint/checklist', {
    uri: uri.toString(),
  });
  const panel = vscode.window.createWebviewPanel(
    'contractLint.checklist',
    'Clause checklist',
    vscode.ViewColumn.Beside,
    { enableScripts: false },
  );
  const rows = (result?.items ?? [])
    .map((item) => {
      const why = item.because?.length ? ` — ${item.because.map(escape).join(', ')}` : '';
      return `<tr class="${item.status}"><td>${MARK[item.status]}</td><td>${escapeHtml(item.label)}</td><td>${item.status}${why}</td></tr>`;
    })
    .join('');
  panel.webview.html = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:var(--vscode-font-family);padding:12px}td{padding:4px 10px}
.present td:first-child{color:var(--vscode-testing-iconPassed)}.missing td:first-child{color:var(--vscode-errorForeground)}
.incomplete td:first-child{color:var(--vscode-editorWarning-foreground)}</style></head>
<body><h2>${escapeHtml(result?.title ?? vscode.workspace.asRelativePath(uri))}</h2>
${rows ? `<table>${rows}</table>` : '<p>No checklist: this file is not linted.</p>'}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
