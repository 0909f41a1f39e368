import type { Range } from '../model/types.js';

/**
 * The last item whose range starts at or before `offset`, by binary search over items sorted by
 * start (paragraphs, Word paragraph spans). Callers decide whether the offset must also fall
 * before the item's end.
 */
export function lastStartingAtOrBefore<T extends { range: Range }>(
  items: readonly T[],
  offset: number,
): T | undefined {
  return items[indexOfLastStartingAtOrBefore(items, offset)];
}

/** The index of lastStartingAtOrBefore's item, or -1. */
export function indexOfLastStartingAtOrBefore(items: readonly { range: Range }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((items[mid] as { range: Range }).range.start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Whether each range starts at or after the start of the one before it. */
function startsAscend(ranges: Range[]): boolean {
  for (let i = 1; i < ranges.length; i++) {
    if ((ranges[i] as Range).start < (ranges[i - 1] as Range).start) return false;
  }
  return true;
}

/** Sorted, merged ranges for fast "is this inside any of them" checks. */
export class RangeSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  constructor(ranges: Range[]) {
    // Most callers pass ranges in text order already: those need no sorted copy.
    const sorted = startsAscend(ranges) ? ranges : [...ranges].sort((a, b) => a.start - b.start);
    for (const r of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && r.start <= (this.ends[last] as number)) {
        this.ends[last] = Math.max(this.ends[last] as number, r.end);
      } else {
        this.starts.push(r.start);
        this.ends.push(r.end);
      }
    }
  }
  /** Next interval to test in `overlapsAscending` and the start of the last query. */
  private cursor = 0;
  private lastStart = -1;

  /**
   * `overlaps` for queries whose starts mostly ascend (tokens left to right): a moving cursor
   * instead of a binary search. The intervals are disjoint and sorted, so the first one ending after
   * `start` is the only one that can overlap; a query that goes backwards restarts the cursor.
   */
  overlapsAscending(start: number, end: number): boolean {
    if (start < this.lastStart) this.cursor = 0;
    this.lastStart = start;
    const n = this.starts.length;
    let c = this.cursor;
    while (c < n && (this.ends[c] as number) <= start) c++;
    this.cursor = c;
    return c < n && (this.starts[c] as number) < end;
  }
  /** Does [start, end) overlap any of the ranges? By binary search. */
  overlaps(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] as number) <= start) lo = mid + 1;
      else if ((this.starts[mid] as number) >= end) hi = mid - 1;
      else return true;
    }
    return false;
  }
}
