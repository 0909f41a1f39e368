import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/**
 * Word agreements are shown as a virtual, read-only text document: the server's text view (a
 * Markdown rendering of the .docx with Word's numbering written out). Diagnostics, hovers and
 * go-to-definition then work exactly as for Markdown, a click in the Problems panel lands on the
 * words, and nothing can ever be written back to the .docx.
 */
export const DOCX_SCHEME = 'contractlint-docx';

/**
 * file:///deals/x.docx → contractlint-docx:/deals/x.docx.md, the text view of that file. The ".md"
 * makes it Markdown to the editor and keeps the *.docx custom editor from claiming it.
 */
export function textViewUriOf(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCX_SCHEME, path: `${file.path}.md` });
}

export function docxFileOf(textView: vscode.Uri): vscode.Uri {
  return vscode.Uri.file(textView.path.replace(/\.md$/, ''));
}

export class DocxTextProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.client();
    if (!client) return 'Contract Lint is starting…';
    try {
      const result = await client.sendRequest<{ text: string }>('contractLint/docxText', {
        uri: docxFileOf(uri).toString(),
      });
      return result.text;
    } catch (error) {
      return `Contract Lint cannot read this Word document:\n\n${error instanceof Error ? error.message : String(error)}\n`;
    }
  }
}

/** Opening a .docx shows its text view (a text editor), so the workbench never shows binary. */
export function registerDocxEditor(): vscode.Disposable {
  const provider: vscode.CustomReadonlyEditorProvider = {
    openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
    resolveCustomEditor: async (document, panel) => {
      panel.webview.html = `<!doctype html><meta charset="utf-8"><body style="font-family:sans-serif;padding:1em">Opening the text view of this Word agreement…</body>`;
      await openDocxAsText(document.uri, panel.viewColumn);
      // The text view replaces this placeholder tab.
      for (const group of vscode.window.tabGroups.all) {
        for (const tab of group.tabs) {
          if (
            tab.input instanceof vscode.TabInputCustom &&
            tab.input.uri.toString() === document.uri.toString()
          ) {
            await vscode.window.tabGroups.close(tab);
          }
        }
      }
    },
  };
  return vscode.window.registerCustomEditorProvider('contractLint.docx', provider, {
    supportsMultipleEditorsPerDocument: true,
    webviewOptions: { retainContextWhenHidden: false },
  });
}

export async function openDocxAsText(
  file: vscode.Uri,
  column?: vscode.ViewColumn,
): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(textViewUriOf(file));
  return vscode.window.showTextDocument(document, {
    viewColumn: column ?? vscode.ViewColumn.Active,
    preview: false,
  });
}
