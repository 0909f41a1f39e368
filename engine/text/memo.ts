/**
 * A bounded memo for values that depend on a piece of text alone (a block, a sentence). Each lint
 * of an edited agreement sees the same few thousand sentences again, with one of them changed:
 * the others are answered from here. It is cleared when full rather than kept in LRU order —
 * a miss costs one recomputation, and the bookkeeping of an LRU would cost on every hit.
 *
 * Memos are off unless a long-lived caller (the language server) turns them on: a batch run
 * reads each contract once, so remembering would cost time and memory and save nothing.
 */
export class TextMemo<V> {
  private readonly values = new Map<string, V>();
  private generation = currentGeneration;
  private readonly limit: number;
  private readonly keepKeys: boolean;

  /**
   * `keepKeys`: the keys are block texts (standalone strings, see the loaders) or their sentences,
   * which an edited document keeps between versions for the blocks the edit did not touch. They
   * are stored as they are, so the next lint's lookup with the same string is a pointer comparison
   * rather than a comparison of the whole text (milliseconds per keystroke on a long agreement).
   */
  constructor(options: { limit?: number; keepKeys?: boolean } = {}) {
    this.limit = options.limit ?? 20_000;
    this.keepKeys = options.keepKeys ?? false;
  }

  /** `keepKey` overrides the memo's keepKeys for this key (see paragraphSource). */
  get(key: string, compute: () => V, keepKey = this.keepKeys): V {
    if (!enabled) return compute();
    if (this.generation !== currentGeneration) {
      this.values.clear();
      this.generation = currentGeneration;
    }
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.values.size >= this.limit) this.values.clear();
    // Other keys are often slices of a whole document version; a copy lets that version go.
    this.values.set(keepKey ? key : detached(key), value);
    return value;
  }
}

let enabled = false;
let currentGeneration = 0;

/** Turns the memos on or off (off empties them). */
export function useTextMemos(on: boolean): void {
  enabled = on;
  if (!on) forgetTextMemos();
}

/** Empties every memo (lazily, on its next use): for benchmarks that time a first lint. */
export function forgetTextMemos(): void {
  currentGeneration++;
}

/**
 * A copy of `text` that holds no reference to a longer string it was sliced from. V8 keeps a
 * slice as a view into its parent, so a paragraph cut from a 300 KB document keeps the whole
 * document alive for as long as the paragraph lives; concatenating and slicing forces a copy.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
