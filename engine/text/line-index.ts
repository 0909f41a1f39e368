import type { Range } from '../model/types.js';

/** 1-based line and column, columns counted in UTF-16 code units like LSP and ESLint. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Converts text-view offsets to lines and columns (and back) with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    // indexOf finds the next line break far faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset → 1-based line and column. Offsets past the end clamp to the end. */
  position(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] as number) + 1 };
  }

  /** 1-based line and column → offset, clamped to the line's end. */
  offset(line: number, column: number): number {
    const lineIdx = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    const start = this.lineStarts[lineIdx] as number;
    const next =
      lineIdx + 1 < this.lineStarts.length ? (this.lineStarts[lineIdx + 1] as number) - 1 : this.text.length;
    return Math.min(start + Math.max(0, column - 1), next);
  }

  /** Start offset of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] as number;
  }

  span(range: Range): { start: LineColumn; end: LineColumn } {
    return { start: this.position(range.start), end: this.position(range.end) };
  }
}
