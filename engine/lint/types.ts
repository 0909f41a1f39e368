import type { Range } from '../model/types.js';

export type Severity = 'error' | 'warning' | 'info';

/** A labelled text edit on the text view (Markdown and plain text only; Word files are read-only). */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the fix does, as an editor shows it: "Replace with “30 days”". */
  label: string;
  edits: TextEdit[];
  /** Safe fixes may be applied without review (fix-all); others need a person's choice. */
  safe: boolean;
}

export interface RelatedLocation {
  message: string;
  range: Range;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Rule-specific data carried to adapters (the editor's code actions). */
  data?: Record<string, unknown>;
}
