import { toViewRange } from '../text/block-text.js';
import { isJsSpace } from '../text/chars.js';
import { lastStartingAtOrBefore } from '../text/ranges.js';
import { findCrossReferences, resolveCrossReferences } from './crossrefs.js';
import { findDefinitions } from './definitions.js';
import { findDualNumbers } from './numbers.js';
import { findParties } from './parties.js';
import { buildSections } from './sections.js';
import { sentencesOf, sentenceTextsOf } from './sentences.js';
import { findCandidateTerms, findTermUses } from './terms.js';
import type { ContractModel, LoadedDocument, Paragraph, Range, Section } from './types.js';

/** Builds the contract model from a loaded document: the same steps for every input format. */
export function buildModel(doc: LoadedDocument): ContractModel {
  const { blocks } = doc;
  const outline = buildSections(blocks);

  const paragraphs: Paragraph[] = blocks.map((block, index) => {
    const paragraph: Paragraph = {
      kind: block.kind,
      range: block.range,
      text: block.text,
      segments: block.segments,
      sentences: sentencesOf(block).map((r, i) => ({
        range: toViewRange(block, r.start, r.end),
        text: sentenceTextsOf(block)[i] as string,
        offset: r.start,
      })),
    };
    const sectionId = outline.blockSection[index];
    if (sectionId !== undefined) paragraph.sectionId = sectionId;
    if (block.wordParagraph !== undefined) paragraph.wordParagraph = block.wordParagraph;
    if (block.source !== undefined) paragraph.source = block.source;
    return paragraph;
  });

  const sectionAt = sectionLocator(paragraphs);
  // "Section 5. Term." at the start of a paragraph is the section's own number, not a reference.
  const leadStarts = new Set(
    blocks.flatMap((block, i) =>
      outline.opensSection[i]
        ? [toViewRange(block, block.text.length - block.text.trimStart().length, block.text.length).start]
        : [],
    ),
  );
  const opensSectionAt = (offset: number) => leadStarts.has(offset);
  const definitions = findDefinitions(blocks).map((d) => {
    const sectionId = sectionAt(d.range.start);
    return sectionId === undefined ? d : { ...d, sectionId };
  });
  const isLabelLine = labelLineTest(paragraphs, doc.textView);
  const crossReferences = resolveCrossReferences(
    findCrossReferences(blocks).filter(
      (ref) => !isLabelLine(ref.phraseRange) && !opensSectionAt(ref.phraseRange.start),
    ),
    outline.sections,
  );

  const model: ContractModel = {
    path: doc.path,
    format: doc.format,
    sections: outline.sections,
    paragraphs,
    definitions,
    termUses: findTermUses(blocks, definitions),
    candidateTerms: findCandidateTerms(blocks, definitions),
    crossReferences,
    parties: findParties(blocks, definitions),
    numbers: findDualNumbers(blocks),
  };
  if (outline.title !== undefined) model.title = outline.title;
  if (doc.wordParagraphs) model.wordParagraphs = doc.wordParagraphs;
  if (doc.comments) model.comments = doc.comments;
  return model;
}

/**
 * "EXHIBIT A" alone on a line is the attachment's own heading (or an EDGAR filing label such as
 * "EXHIBIT 10.4"), not a reference to it.
 */
function labelLineTest(paragraphs: Paragraph[], textView: string): (phrase: Range) => boolean {
  return (phrase) => {
    const paragraph = paragraphAt(paragraphs, phrase.start);
    if (!paragraph) return false;
    const length = Math.min(
      bareLength(textView, paragraph.range.start, paragraph.range.end),
      paragraph.text.trim().length,
    );
    return length <= phrase.end - phrase.start + 1;
  };
}

/**
 * The length of text[start, end) without its markup and punctuation around a label:
 * `text.slice(start, end).replace(/^[#>\s*_-]+|[\s*_:.]+$/g, '').length`, counted from both ends
 * instead of copying the paragraph.
 */
function bareLength(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && isLeadingMark(text.charCodeAt(s))) s++;
  let e = end;
  while (e > s && isTrailingMark(text.charCodeAt(e - 1))) e--;
  return e - s;
}

/** `[#>\s*_-]` */
function isLeadingMark(code: number): boolean {
  return code === 35 || code === 62 || code === 42 || code === 95 || code === 45 || isJsSpace(code);
}

/** `[\s*_:.]` */
function isTrailingMark(code: number): boolean {
  return code === 42 || code === 95 || code === 58 || code === 46 || isJsSpace(code);
}

function paragraphAt(paragraphs: Paragraph[], offset: number): Paragraph | undefined {
  const found = lastStartingAtOrBefore(paragraphs, offset);
  return found && offset <= found.range.end ? found : undefined;
}

/** Finds the innermost section of an offset by binary search over paragraph starts. */
function sectionLocator(paragraphs: Paragraph[]): (offset: number) => string | undefined {
  return (offset) => paragraphAt(paragraphs, offset)?.sectionId;
}

/** Every section of a tree, depth first, in document order. */
export function allSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}
