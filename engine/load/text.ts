import type { LoadedDocument, SourceFormat } from '../model/types.js';
import { checkText } from './inputs.js';
import { loadMarkdown } from './markdown.js';
import type { IncrementalMarkdown } from './markdown-incremental.js';
import { checkMarkdownShape } from './markdown-limits.js';
import { loadPlainText } from './plaintext.js';

/**
 * Loads text already decoded (an editor buffer). With `markdown`, the document kept from the
 * previous version, a Markdown edit re-parses only the blocks it touched.
 */
export function loadText(
  text: string,
  path: string,
  format: Exclude<SourceFormat, 'docx'>,
  markdown?: IncrementalMarkdown,
): LoadedDocument {
  checkText(text, path);
  if (format === 'markdown') {
    checkMarkdownShape(text, path);
    return markdown
      ? { path, format, textView: text, blocks: markdown.update(text) }
      : loadMarkdown(text, path);
  }
  return loadPlainText(text, path);
}
