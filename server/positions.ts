import type { Range as LspRange, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../engine/index.js';

/**
 * Offset ↔ LSP position for one text (UTF-16 code units, lines split at \n, \r\n and \r as LSP
 * requires). Every conversion is clamped, so no range the server returns lies outside the text.
 */
export class Positions {
  private readonly doc: TextDocument;

  constructor(readonly text: string) {
    this.doc = TextDocument.create('untitled:positions', 'plaintext', 0, text);
  }

  static of(doc: TextDocument): Positions {
    return new Positions(doc.getText());
  }

  get length(): number {
    return this.text.length;
  }

  clamp(offset: number): number {
    if (!Number.isFinite(offset)) return 0;
    return Math.max(0, Math.min(Math.trunc(offset), this.text.length));
  }

  position(offset: number): Position {
    return this.doc.positionAt(this.clamp(offset));
  }

  offset(position: Position): number {
    const line = Math.max(0, Math.trunc(position.line) || 0);
    const character = Math.max(0, Math.trunc(position.character) || 0);
    return this.clamp(this.doc.offsetAt({ line, character }));
  }

  range(range: Range): LspRange {
    const start = this.clamp(range.start);
    const end = Math.max(start, this.clamp(range.end));
    return { start: this.position(start), end: this.position(end) };
  }

  offsets(range: LspRange): Range {
    const a = this.offset(range.start);
    const b = this.offset(range.end);
    return a <= b ? { start: a, end: b } : { start: b, end: a };
  }

  /** 0-based line of an offset. */
  line(offset: number): number {
    return this.position(offset).line;
  }

  /** Offset where the line containing `offset` starts. */
  lineStart(offset: number): number {
    return this.doc.offsetAt({ line: this.line(offset), character: 0 });
  }

  get lineCount(): number {
    return this.doc.lineCount;
  }

  /** Offset of the end of a 0-based line, before its line break. */
  lineEnd(line: number): number {
    const next =
      line + 1 < this.doc.lineCount ? this.doc.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
    let end = next;
    while (
      end > 0 &&
      end > this.doc.offsetAt({ line, character: 0 }) &&
      /[\r\n]/.test(this.text[end - 1] ?? '')
    )
      end--;
    return end;
  }

  /** The line break the text uses (for inserted lines). */
  get eol(): string {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}
