import { fileURLToPath } from 'node:url';
import type { Block } from '../../engine/model/types.js';

/** ../shared/corpus beside the repository (on every developer machine and in CI). */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const AGREEMENTS_MD = `${CORPUS}agreements/md/`;
export const AGREEMENTS_DOCX = `${CORPUS}agreements/docx/`;
export const CUAD_TXT = `${CORPUS}cuad-dev/txt/`;

/** Blocks split at blank lines, one paragraph each: a loader-independent view of raw text. */
export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (const m of text.matchAll(/[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g)) {
    const r = { start: m.index, end: m.index + m[0].length };
    out.push({
      kind: 'paragraph',
      text: m[0],
      range: r,
      segments: [{ plain: 0, view: r.start, length: m[0].length }],
      strong: [],
    });
  }
  return out;
}
