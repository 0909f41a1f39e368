/**
 * A bounded memo for values that depend on a piece of text alone (a block, a sentence). Each lint
 * of an edited agreement sees the same few thousand sentences again, with one of them changed:
 * the others are answered from here. It is cleared when full rather than kept in LRU order —
 * a miss costs one recomputation, and the bookkeeping of an LRU would cost on every hit.
 */
export class TextMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit = 50_000) {}

  get(key: string, compute: () => V): V {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
