import type { Document } from '@xmldom/xmldom';
import type { Block, LoadedDocument, WordParagraphSpan } from '../../model/types.js';
import { type StepGuard, unguarded } from '../budget.js';
import { LoadError } from '../errors.js';
import { markdownBlocks } from '../markdown.js';
import { handOver } from './handover.js';
import { lightTree } from './light-dom.js';
import { stripMarkers } from './markers.js';
import { readNumberingModel } from './numbering.js';
import { prepareBody, readComments } from './paragraphs.js';
import { type DocxParts, readParts } from './parts.js';
import { docxToMarkdown } from './render.js';
import { revertReviewRevisions } from './review-author.js';
import { openZip } from './zip.js';

export { MAX_XML_DEPTH } from './xml.js';
export {
  MAX_COMPRESSION_RATIO,
  MAX_ENTRY_BYTES,
  MAX_TOTAL_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_CHECK_MIN_BYTES,
} from './zip.js';

/**
 * Loads a Word agreement. The text view is a Markdown rendering with Word's automatic numbers
 * written in; blocks, Word paragraph spans and comments all point into that one text.
 * Bad input always ends in a LoadError.
 */
export async function loadDocx(
  bytes: Uint8Array,
  path: string,
  guard: StepGuard = unguarded,
): Promise<LoadedDocument> {
  const zip = openZip(bytes, path);
  const parts = readParts(zip, path, lightTree);
  const model = readNumberingModel(parts.numbering, parts.styles);
  revertReviewRevisions(parts.document);
  const { paragraphs } = prepareBody(parts.document, model);
  const comments = readComments(parts.comments, paragraphs);

  // mammoth only ever sees the parts validated above, already parsed: the package it reads holds
  // a placeholder for each, which it reads as our DOM (see handover.ts).
  const handed = handOver(
    new Map([...parts.passThrough.keys(), parts.mainPath].map((name) => [name, partDocument(parts, name)])),
    packageRels(parts.mainPath),
  );

  let marked: string;
  try {
    marked = await docxToMarkdown(handed.file);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new LoadError('conversion-failed', path, `the Word converter failed (${detail})`);
  } finally {
    handed.release();
  }

  // Positions are computed on the final text only, after every marker is gone.
  const { text: textView, ends } = stripMarkers(marked);
  const blocks = guard(() => markdownBlocks(textView));
  const wordParagraphs = paragraphSpans(paragraphs.length, ends, blocks, textView);
  assignParagraphs(blocks, ends, paragraphs.length);
  return { path, format: 'docx', textView, blocks, wordParagraphs, comments };
}

function partDocument(parts: DocxParts, name: string): Document {
  const document = name === parts.mainPath ? parts.document : parts.parsed.get(name);
  if (!document) throw new Error(`part ${name} was validated but not kept`);
  return document;
}

function packageRels(mainPath: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"' +
    ` Target="${mainPath}"/></Relationships>`
  );
}

/**
 * A paragraph runs from where the previous one ended (or its block's start, whichever is later)
 * to its marker. Paragraphs that left no text (empty, or never rendered) get an empty range
 * where they would have been.
 */
function paragraphSpans(
  count: number,
  ends: Map<number, number>,
  blocks: Block[],
  text: string,
): WordParagraphSpan[] {
  const spans: WordParagraphSpan[] = [];
  const blockEndingAt = blockFinder(blocks);
  let previousEnd = 0;
  for (let index = 1; index <= count; index++) {
    const end = ends.get(index);
    if (end === undefined) {
      spans.push({ index, range: { start: previousEnd, end: previousEnd } });
      continue;
    }
    const block = blockEndingAt(end);
    let start = end;
    if (block) {
      start = Math.max(block.range.start, previousEnd <= end ? previousEnd : block.range.start);
      // Table cell nodes start at their pipe; the paragraph starts at its text.
      while (start < end && /[\s|]/.test(text.charAt(start))) start++;
    }
    spans.push({ index, range: { start, end } });
    previousEnd = end;
  }
  return spans;
}

/**
 * The first block holding the text just before `end` (start < end <= block end). The blocks of a
 * text view come in order and do not overlap, so a binary search finds it; were they ever out of
 * order, the search would not be sound, and every block is looked through instead (a look-through
 * per paragraph took time growing with the square of the agreement's length).
 */
function blockFinder(blocks: Block[]): (end: number) => Block | undefined {
  const linear = (end: number) => blocks.find((b) => b.range.start < end && end <= b.range.end);
  for (let i = 0; i < blocks.length; i++) {
    const { start, end } = (blocks[i] as Block).range;
    if (start > end || (i > 0 && start < (blocks[i - 1] as Block).range.end)) return linear;
  }
  return (end) => {
    // The last block starting before `end`: the only one that can hold it.
    let low = 0;
    let high = blocks.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((blocks[mid] as Block).range.start < end) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const block = blocks[found];
    return block && end <= block.range.end ? block : undefined;
  };
}

/** A block belongs to the first paragraph whose marker lies after its start (markers end paragraphs). */
function assignParagraphs(blocks: Block[], ends: Map<number, number>, count: number): void {
  const sorted = [...ends]
    .map(([index, end]) => ({ index, end }))
    .sort((a, b) => a.end - b.end || a.index - b.index);
  for (const block of blocks) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[mid]?.end ?? 0) > block.range.start) high = mid;
      else low = mid + 1;
    }
    // Past the last marker (mammoth's footnote list, say): attach to the last paragraph.
    const hit = sorted[low] ?? sorted[sorted.length - 1];
    const index = hit?.index ?? (count > 0 ? count : undefined);
    if (index !== undefined) block.wordParagraph = index;
  }
}
