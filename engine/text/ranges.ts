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
  let low = 0;
  let high = items.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid] as T;
    if (item.range.start <= offset) {
      found = item;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
