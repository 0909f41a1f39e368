import type { LintThreads } from './lint-threads.js';
import { pathOf } from './linter.js';
import { Positions } from './positions.js';

export const DOCX_TEXT_REQUEST = 'contractLint/docxText';

export interface DocxTextParams {
  uri: string;
}

export interface DocxTextResult {
  uri: string;
  /** The text view: the loader's Markdown rendering, which diagnostics for the .docx refer to. */
  text: string;
  /** Where each Word body paragraph (1-based, document order) sits in the text view. */
  wordParagraphs: { index: number; start: number; end: number; range: ReturnType<Positions['range']> }[];
}

/** Reads a .docx from disk (never writes), in a lint thread, and returns its text view. */
export async function docxText(uri: string, threads: LintThreads): Promise<DocxTextResult> {
  const path = pathOf(uri);
  if (!path || !/\.docx$/i.test(path)) throw new Error(`not a .docx file URI: ${uri}`);
  const doc = await threads.docxText(uri);
  const positions = new Positions(doc.textView);
  return {
    uri,
    text: doc.textView,
    wordParagraphs: doc.wordParagraphs.map((p) => ({
      ...p,
      range: positions.range({ start: p.start, end: p.end }),
    })),
  };
}
