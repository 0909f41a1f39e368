/**
 * The contract model: one shape for Markdown, plain-text and Word agreements.
 *
 * Every range is a half-open pair of UTF-16 offsets into the document's *text view* — the exact
 * text the user sees (the file itself for Markdown and plain text; the loader's Markdown
 * rendering for Word). Lines and columns are derived from offsets with `LineIndex`.
 */

export type SourceFormat = 'markdown' | 'text' | 'docx';

/** Half-open offset range [start, end) into the text view. */
export interface Range {
  start: number;
  end: number;
}

/**
 * Maps offsets in a block's plain text (markup stripped) back to text-view offsets.
 * Each segment says: plain[plain .. plain+length) came from view[view .. view+length).
 * Between segments, plain offsets snap to the next segment's start.
 */
export interface OffsetSegment {
  plain: number;
  view: number;
  length: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableCell';

/**
 * A block is what loaders hand to the model builder: one heading, paragraph, list item or table
 * cell, as plain text with a way back to the text view.
 */
export interface Block {
  kind: BlockKind;
  /** Plain text of the block, markup removed, whitespace runs kept as in the source. */
  text: string;
  /** Range of the whole block in the text view. */
  range: Range;
  /** Plain-text offset → text-view offset. Sorted by `plain`. */
  segments: OffsetSegment[];
  /** Plain-text ranges shown in bold (used for bold-term definitions). */
  strong: Range[];
  /** Heading depth (1 = top) when the source marks the block as a heading. */
  headingDepth?: number;
  /** Nesting depth of a list item (0 = top-level list). */
  listDepth?: number;
  /** For ordered list items: the number the reader sees ("3", "c", "iv"). */
  listOrdinal?: string;
  /** Word only: 1-based index of the body paragraph (`w:p`, in document order) it came from. */
  wordParagraph?: number;
  /**
   * The block's text-view slice, standalone, when the loader keeps it (an edited Markdown
   * document): the same string between versions for a block an edit did not touch.
   */
  source?: string;
}

export type AttachmentKind = 'schedule' | 'exhibit' | 'annex' | 'appendix' | 'attachment' | 'addendum';

export type SectionKind = 'article' | 'section' | 'clause' | 'attachment' | 'heading';

export interface Section {
  /** Unique within the document; stable for the same text ("s12.3", "exhibit-b", "h4"). */
  id: string;
  /** The number as written or reconstructed: "12.3", "IV", "(a)", "B". Absent for unnumbered headings. */
  number?: string;
  /** Number normalised for lookups: "12.3", "iv", "a" (no brackets, trailing dots, case). */
  key?: string;
  title: string;
  /** 1 = top level. */
  level: number;
  kind: SectionKind;
  attachmentKind?: AttachmentKind;
  /** Range of the heading (or the numbered lead-in of a paragraph). */
  headingRange: Range;
  /** From the heading to the end of the section's last descendant. */
  range: Range;
  children: Section[];
  /** Word only: paragraph index of the heading. */
  wordParagraph?: number;
}

export interface Sentence {
  range: Range;
  text: string;
  /** Offset of the sentence in its paragraph's plain `text`. */
  offset: number;
}

export interface Paragraph {
  kind: BlockKind;
  range: Range;
  text: string;
  /** Innermost section containing the paragraph. */
  sectionId?: string;
  sentences: Sentence[];
  /** Plain-text offset → text-view offset (see `toViewRange`). */
  segments: OffsetSegment[];
  wordParagraph?: number;
  /** See Block.source; read it with `paragraphSource`. */
  source?: string;
}

export type DefinitionStyle =
  | 'means' // "X" means …
  | 'shall-mean' // "X" shall mean …
  | 'has-meaning' // "X" has the meaning given in Section N (a pointer, not a second definition)
  | 'inline' // … (the "X"), ("X"), (each, a "X"), (collectively, the "X")
  | 'bold'; // **X** means …

export interface Definition {
  term: string;
  /** Range of the term itself (inside the quotes / bold). */
  range: Range;
  /** Range of the defining text (the sentence or clause that gives the meaning). */
  definitionRange: Range;
  definitionText: string;
  style: DefinitionStyle;
  /** For `has-meaning`: the cross-reference label it points to ("Section 4.2"). */
  pointsTo?: string;
  sectionId?: string;
}

export type TermUseForm = 'exact' | 'plural' | 'possessive';

export interface TermUse {
  term: string;
  range: Range;
  form: TermUseForm;
}

/** A capitalised phrase that looks like a defined term but matches no definition. */
export interface CandidateTerm {
  text: string;
  range: Range;
}

export type CrossReferenceKind =
  | 'section'
  | 'article'
  | 'clause'
  | 'paragraph'
  | 'schedule'
  | 'exhibit'
  | 'annex'
  | 'appendix';

export interface CrossReference {
  kind: CrossReferenceKind;
  /** The identifier as written: "12.3", "IV", "B", "2.1(a)". */
  label: string;
  /** Range of the identifier (for a list, each item gets its own reference). */
  range: Range;
  /** Range of the whole reference phrase ("Sections 4.3, 6 and 7"). */
  phraseRange: Range;
  /** Id of the resolved section, when found. */
  targetId?: string;
  resolved: boolean;
}

export interface Party {
  name: string;
  shortName?: string;
  range: Range;
  shortNameRange?: Range;
}

export interface DualNumber {
  words: string;
  digits: string;
  wordValue: number | null;
  digitValue: number | null;
  /** "percent" when written as "five percent (5%)". */
  unit?: 'percent';
  range: Range;
}

export interface WordComment {
  id: string;
  author?: string;
  text: string;
  /** Word paragraphs the comment is anchored to. */
  wordParagraphs: number[];
}

export interface WordParagraphSpan {
  index: number;
  range: Range;
}

export interface ContractModel {
  path: string;
  format: SourceFormat;
  /** Document title (first heading or the first all-caps line), when one is found. */
  title?: string;
  sections: Section[];
  paragraphs: Paragraph[];
  definitions: Definition[];
  termUses: TermUse[];
  candidateTerms: CandidateTerm[];
  crossReferences: CrossReference[];
  parties: Party[];
  numbers: DualNumber[];
  /** Word only: where each body paragraph sits in the text view. */
  wordParagraphs?: WordParagraphSpan[];
  /** Word only: review comments (used for suppressions). */
  comments?: WordComment[];
}

/** What a loader returns: the text view plus the blocks the model is built from. */
export interface LoadedDocument {
  path: string;
  format: SourceFormat;
  textView: string;
  blocks: Block[];
  wordParagraphs?: WordParagraphSpan[];
  comments?: WordComment[];
}
