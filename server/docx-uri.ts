import { pathToFileURL } from 'node:url';

/**
 * A client may show a Word file's text view as a virtual document (VS Code: scheme
 * `contractlint-docx`, path = the file's path + ".md", so editors treat it as Markdown and a
 * custom editor for *.docx never claims it). The server lints the file on disk and reports on
 * the URI the client shows, so a click in the Problems panel opens the text view at the words.
 */
export class DocxUris {
  constructor(private readonly scheme: string | undefined) {}

  /** The file: URI behind a text-view URI (other URIs are returned as they are). */
  toFile(uri: string): string {
    if (!this.scheme || !uri.startsWith(`${this.scheme}:`)) return uri;
    const path = decodeURIComponent(uri.slice(this.scheme.length + 1).replace(/^\/\/[^/]*/, '')).replace(
      /\.md$/,
      '',
    );
    return pathToFileURL(path).href;
  }

  /** The URI the client shows for a file: its text view for .docx when the client has one. */
  toShown(fileUri: string): string {
    if (!this.scheme || !/^file:.*\.docx$/i.test(fileUri)) return fileUri;
    return `${this.scheme}:${fileUri.slice('file://'.length)}.md`;
  }

  isTextView(uri: string): boolean {
    return !!this.scheme && uri.startsWith(`${this.scheme}:`);
  }
}
