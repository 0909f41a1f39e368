import type { Paragraph } from './types.js';

/**
 * A paragraph's text-view slice, and whether it is the loader's standalone copy (Block.source),
 * which a memo may keep as its key: the same string comes again at the next lint of an edited
 * document, and keeping it holds no whole document version alive. A fresh slice must be copied by
 * a memo that keeps it.
 */
export function paragraphSource(paragraph: Paragraph, textView: string): { text: string; kept: boolean } {
  if (paragraph.source !== undefined) return { text: paragraph.source, kept: true };
  const end = Math.min(paragraph.range.end, textView.length);
  return { text: textView.slice(paragraph.range.start, end), kept: false };
}
