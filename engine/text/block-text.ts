import type { Block, OffsetSegment, Range } from '../model/types.js';

/**
 * Maps an offset in a block's plain text to the text view. Offsets inside a segment map exactly;
 * offsets between segments (stripped markup) snap to the start of the next segment, and offsets
 * past the last segment to the end of it.
 */
export function toViewOffset(block: Pick<Block, 'segments' | 'range'>, plainOffset: number): number {
  const segments = block.segments;
  if (segments.length === 0) return block.range.start;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((segments[mid] as OffsetSegment).plain <= plainOffset) low = mid;
    else high = mid - 1;
  }
  const seg = segments[low] as OffsetSegment;
  if (plainOffset < seg.plain) return seg.view;
  if (plainOffset <= seg.plain + seg.length) return seg.view + (plainOffset - seg.plain);
  const next = segments[low + 1];
  return next ? next.view : seg.view + seg.length;
}

/** Maps a plain-text range of a block to a text-view range. */
export function toViewRange(block: Pick<Block, 'segments' | 'range'>, start: number, end: number): Range {
  const viewStart = toViewOffset(block, start);
  // The end is mapped as "just after the last character" so a range never swallows trailing markup.
  const viewEnd = end > start ? toViewOffset(block, end - 1) + 1 : viewStart;
  return { start: viewStart, end: Math.max(viewStart, viewEnd) };
}

/** Builds a block's segments for text copied verbatim from view[viewStart ..]. */
export function identitySegments(viewStart: number, length: number): OffsetSegment[] {
  return [{ plain: 0, view: viewStart, length }];
}
