/**
 * Which of many keyword sets a text hits (contains any keyword of), in one pass over its characters.
 *
 * A regex alternation of the keywords costs a pass per regex and, case-insensitive with a hundred
 * alternatives, several times the cost of walking the text once; an Aho–Corasick automaton walks
 * the text once for any number of keywords and finds every occurrence, overlapping ones
 * included. Keywords are lower-case printable ASCII and match case-insensitively, exactly as a
 * non-Unicode `/i` regex would: only ASCII letters fold, and no other character equals one.
 */
interface Automaton {
  /** Character class of each ASCII code (letters folded); 0 for characters no keyword has. */
  classOf: Uint8Array;
  classes: number;
  /**
   * Next state for (state, class), states stored as their row offset (state × classes), negated
   * for a state where a keyword ends: the scan learns it from the one value it loads anyway.
   */
  next: Int32Array;
  /** The sets with a keyword ending at a state (its own or a suffix's), by row offset. */
  ends: (Int32Array | undefined)[];
}

function buildAutomaton(sets: readonly (readonly string[])[]): Automaton {
  const keywords = sets.flat();
  const unfit = keywords.find((k) => k === '' || !/^[\x20-\x7e]+$/.test(k) || k !== k.toLowerCase());
  if (unfit !== undefined) throw new Error(`keyword "${unfit}" must be non-empty lower-case ASCII`);
  const classOf = new Uint8Array(128);
  let classes = 1;
  for (const k of keywords) {
    for (let i = 0; i < k.length; i++) {
      const code = k.charCodeAt(i);
      if (classOf[code] === 0) classOf[code] = classes++;
    }
  }
  for (let code = 65; code <= 90; code++) classOf[code] = classOf[code + 32] as number;

  // The trie: goto[state][class], -1 where it has no edge.
  const goto: Int32Array[] = [new Int32Array(classes).fill(-1)];
  const ends: Set<number>[] = [new Set()];
  sets.forEach((set, id) => {
    for (const keyword of set) {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cls = classOf[keyword.charCodeAt(i)] as number;
        const row = goto[state] as Int32Array;
        if (row[cls] === -1) {
          row[cls] = goto.length;
          goto.push(new Int32Array(classes).fill(-1));
          ends.push(new Set());
        }
        state = row[cls] as number;
      }
      (ends[state] as Set<number>).add(id);
    }
  });

  // Failure links, breadth first, folded into the goto table so the scan never backtracks.
  const fail = new Int32Array(goto.length);
  const queue: number[] = [];
  const root = goto[0] as Int32Array;
  for (let cls = 0; cls < classes; cls++) {
    const child = root[cls] as number;
    if (child === -1) root[cls] = 0;
    else queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const row = goto[state] as Int32Array;
    const fallback = goto[fail[state] as number] as Int32Array;
    for (const id of ends[fail[state] as number] as Set<number>) (ends[state] as Set<number>).add(id);
    for (let cls = 0; cls < classes; cls++) {
      const child = row[cls] as number;
      if (child === -1) row[cls] = fallback[cls] as number;
      else {
        fail[child] = fallback[cls] as number;
        queue.push(child);
      }
    }
  }
  // Class 0 (a character in no keyword) always goes back to the root.
  for (const row of goto) row[0] = 0;

  const next = new Int32Array(goto.length * classes);
  const endsAt: (Int32Array | undefined)[] = new Array(goto.length * classes).fill(undefined);
  goto.forEach((row, state) => {
    for (let cls = 0; cls < classes; cls++) {
      const target = row[cls] as number;
      // The root (offset 0) ends no keyword, so a negative offset is never ambiguous.
      next[state * classes + cls] =
        (ends[target] as Set<number>).size > 0 ? -target * classes : target * classes;
    }
    const ids = ends[state] as Set<number>;
    if (ids.size > 0) endsAt[state * classes] = Int32Array.from(ids);
  });
  return { classOf, classes, next, ends: endsAt };
}

/** Finds which keyword sets (by index in the list) a text hits. */
export class KeywordScanner {
  readonly count: number;
  private readonly automaton: Automaton;

  constructor(sets: readonly (readonly string[])[]) {
    this.count = sets.length;
    this.automaton = buildAutomaton(sets);
  }

  /** Sets `found[id]` to 1 for every set the text has a keyword of, and to 0 for the others. */
  scan(text: string, found: Uint8Array): void {
    this.scanRange(text, 0, text.length, found);
  }

  /**
   * `scan` of `text.slice(start, end)` without the slice. A sentence is usually a slice or a
   * concatenation of other strings, which every `charCodeAt` has to look through: scanning the
   * sentences as ranges of one flat string (their `join`) reads each character at its address.
   */
  scanRange(text: string, start: number, end: number, found: Uint8Array): void {
    found.fill(0);
    const { classOf, next, ends } = this.automaton;
    let state = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      state = code < 128 ? (next[state + (classOf[code] as number)] as number) : 0;
      if (state < 0) {
        state = -state;
        const ids = ends[state] as Int32Array;
        for (let j = 0; j < ids.length; j++) found[ids[j] as number] = 1;
      }
    }
  }
}

/**
 * Named groups of keywords, answered together: one pass tells which groups have a keyword in the
 * text, as bits (`bit(name)`), in place of one regex pass per group.
 */
export class KeywordGroups<G extends string> {
  private readonly bits = new Map<G, number>();
  private readonly automaton: Automaton;
  /** The bits of the groups whose keywords end at a state, by row offset. */
  private readonly groupsAt: Int32Array;

  constructor(groups: Record<G, readonly string[]>) {
    const names = Object.keys(groups) as G[];
    if (names.length > 30) throw new Error('at most 30 keyword groups');
    names.forEach((name, i) => {
      this.bits.set(name, 1 << i);
    });
    this.automaton = buildAutomaton(names.map((name) => groups[name]));
    this.groupsAt = new Int32Array(this.automaton.next.length);
    this.automaton.ends.forEach((ids, at) => {
      for (const id of ids ?? []) this.groupsAt[at] = (this.groupsAt[at] as number) | (1 << id);
    });
  }

  bit(group: G): number {
    return this.bits.get(group) as number;
  }

  /** The bits of the groups with a keyword in the text. */
  scan(text: string): number {
    const { classOf, next } = this.automaton;
    const groupsAt = this.groupsAt;
    let state = 0;
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = code < 128 ? (next[state + (classOf[code] as number)] as number) : 0;
      if (state < 0) {
        state = -state;
        mask |= groupsAt[state] as number;
      }
    }
    return mask;
  }
}
