import type { Block } from '../model/types.js';
import { detached } from '../text/memo.js';
import { blocksOfTopLevelNode, parseMarkdown } from './markdown.js';

/** One top-level Markdown node (paragraph, heading, list, table…) and the blocks it yields. */
interface Chunk {
  type: string;
  start: number;
  end: number;
  blocks: Block[];
}

/**
 * A Markdown document kept between edits, so an edit re-parses only the top-level nodes it
 * touched. The tree of a long agreement takes most of a full lint to build; a keystroke changes
 * one paragraph.
 *
 * Why this is the same as parsing the whole text: the window re-parsed runs from the unchanged
 * top-level node before the edit to the unchanged one after it. When the window's parse begins
 * and ends with those same nodes (same type, same extent), the parser was in its top-level state
 * at both ends, exactly as in a full parse, so everything between is what a full parse gives and
 * everything outside is unchanged (only shifted). When that check fails — an edit opened a fence,
 * an HTML comment or a list that swallows what follows — the whole text is parsed again. Link
 * reference definitions ("[x]: url") change how text anywhere else parses, so a document with
 * one is always parsed whole.
 */
export class IncrementalMarkdown {
  private text = '';
  private chunks: Chunk[] = [];
  /** How the last update was done (for tests and benchmarks). */
  lastUpdate: 'full' | 'window' = 'full';

  /** The blocks of `text`, re-using what the previous text already parsed. */
  update(text: string): Block[] {
    const chunks = this.chunks.length > 0 && !text.includes(']:') ? this.reparseWindow(text) : undefined;
    this.lastUpdate = chunks ? 'window' : 'full';
    this.chunks = chunks ?? parseChunks(text, 0);
    this.text = text;
    return this.chunks.flatMap((c) => c.blocks);
  }

  private reparseWindow(text: string): Chunk[] | undefined {
    const old = this.text;
    const chunks = this.chunks;
    const prefix = commonPrefixLength(old, text);
    const suffix = commonSuffixLength(old, text, Math.min(old.length, text.length) - prefix);
    const delta = text.length - old.length;
    const changedEnd = old.length - suffix; // end of the changed region in the old text

    // First node touching or after the change, last node touching or before it.
    let first = chunks.findIndex((c) => c.end >= prefix);
    if (first < 0) first = chunks.length;
    let last = -1;
    for (let k = chunks.length - 1; k >= 0; k--) {
      if ((chunks[k] as Chunk).start <= changedEnd) {
        last = k;
        break;
      }
    }
    // One unchanged node on each side guards the window; at the document's ends there is none.
    const before = first - 1 >= 0 ? (chunks[first - 1] as Chunk) : undefined;
    const after = last + 1 < chunks.length ? (chunks[Math.max(last + 1, first)] as Chunk) : undefined;
    // Start at the beginning of the guard's line: indentation decides how its lines parse.
    const windowStart = before ? old.lastIndexOf('\n', before.start - 1) + 1 : 0;
    const windowEnd = after ? after.end + delta : text.length;
    if (after && after.start <= changedEnd) return undefined;

    const window = parseChunks(text.slice(windowStart, windowEnd), windowStart);
    if (before && !sameNode(window[0], before, 0)) return undefined;
    if (after && !sameNode(window[window.length - 1], after, delta)) return undefined;

    const firstKept = before ? chunks.indexOf(before) : 0;
    const resumeAt = after ? chunks.indexOf(after) + 1 : chunks.length;
    return [
      ...chunks.slice(0, firstKept),
      ...window,
      ...chunks.slice(resumeAt).map((c) => shiftChunk(c, delta)),
    ];
  }
}

function parseChunks(source: string, offset: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const node of parseMarkdown(source).children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const blocks = blocksOfTopLevelNode(node, source);
    // Each block keeps its own source text, which the next versions share (see Block.source).
    for (const block of blocks) block.source = detached(source.slice(block.range.start, block.range.end));
    chunks.push({
      type: node.type,
      start: start + offset,
      end: end + offset,
      blocks: offset === 0 ? blocks : blocks.map((b) => shiftBlock(b, offset)),
    });
  }
  return chunks;
}

function sameNode(parsed: Chunk | undefined, old: Chunk, delta: number): boolean {
  return (
    parsed !== undefined &&
    parsed.type === old.type &&
    parsed.start === old.start + delta &&
    parsed.end === old.end + delta
  );
}

function shiftChunk(chunk: Chunk, delta: number): Chunk {
  if (delta === 0) return chunk;
  return {
    type: chunk.type,
    start: chunk.start + delta,
    end: chunk.end + delta,
    blocks: chunk.blocks.map((b) => shiftBlock(b, delta)),
  };
}

function shiftBlock(block: Block, delta: number): Block {
  return {
    ...block,
    range: { start: block.range.start + delta, end: block.range.end + delta },
    segments: block.segments.map((s) => ({ plain: s.plain, view: s.view + delta, length: s.length })),
  };
}

/** Characters compared at once: string comparison runs natively, a charCodeAt loop does not. */
const STRIDE = 1024;

/** How many characters `a` and `b` share at their start. */
function commonPrefixLength(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let at = 0;
  while (at + STRIDE <= shortest && b.startsWith(a.slice(at, at + STRIDE), at)) at += STRIDE;
  while (at < shortest && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many characters (at most `max`) `a` and `b` share at their end. */
function commonSuffixLength(a: string, b: string, max: number): number {
  let length = 0;
  while (
    length + STRIDE <= max &&
    b.endsWith(a.slice(a.length - length - STRIDE, a.length - length), b.length - length)
  ) {
    length += STRIDE;
  }
  while (length < max && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length))
    length++;
  return length;
}
