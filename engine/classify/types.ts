import type { Range } from '../model/types.js';

/** The kinds of clause the rules reason about. */
export const CLAUSE_TYPES = [
  'definitions',
  'license-grant',
  'field-of-use',
  'territory',
  'exclusivity',
  'payment',
  'royalty',
  'reports',
  'records',
  'audit',
  'term',
  'termination',
  'cure-period',
  'termination-effects',
  'survival',
  'improvements',
  'confidentiality',
  'governing-law',
  'dispute-resolution',
  'assignment',
  'change-of-control',
  'prosecution',
  'enforcement',
  'standards',
  'defensive-termination',
  'covenant-not-to-sue',
] as const;

export type ClauseType = (typeof CLAUSE_TYPES)[number];

/** One piece of evidence that a clause type is present. */
export interface ClauseHit {
  type: ClauseType;
  /** Index into `model.paragraphs`. */
  paragraph: number;
  /** The sentence (or heading) that shows it, in the text view. */
  range: Range;
  /** A section heading names the clause ("Audit Rights"), or a sentence says it. */
  source: 'heading' | 'sentence';
}

/** Clause labels of one document, computed once and shared by every rule. */
export interface ClauseIndex {
  /** Clause types of a paragraph (by index into `model.paragraphs`). */
  labelsOf(paragraph: number): readonly ClauseType[];
  /** All evidence for a clause type, in document order. */
  hits(type: ClauseType): readonly ClauseHit[];
  has(type: ClauseType): boolean;
  /** Ids of sections whose heading names the clause type. */
  sectionsOf(type: ClauseType): readonly string[];
}
