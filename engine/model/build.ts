import { toViewRange } from '../text/block-text.js';
import { lastStartingAtOrBefore } from '../text/ranges.js';
import { findCrossReferences, resolveCrossReferences } from './crossrefs.js';
import { findDefinitions } from './definitions.js';
import { findDualNumbers } from './numbers.js';
import { findParties } from './parties.js';
import { buildSections } from './sections.js';
import { sentencesOf } from './sentences.js';
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
      sentences: sentencesOf(block).map((r) => ({
        range: toViewRange(block, r.start, r.end),
        text: block.text.slice(r.start, r.end),
        offset: r.start,
      })),
    };
    const sectionId = outline.blockSection[index];
    if (sectionId !== undefined) paragraph.sectionId = sectionId;
    if (block.wordParagraph !== undefined) paragraph.wordParagraph = block.wordParagraph;
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
 * "EXHIBIT 10.4"), not a reference to it. The length of each paragraph's line without its markup
 * is worked out once, however many references the paragraph holds.
 */
function labelLineTest(paragraphs: Paragraph[], textView: string): (phrase: Range) => boolean {
  const bareLength = new Map<Paragraph, number>();
  return (phrase) => {
    const paragraph = paragraphAt(paragraphs, phrase.start);
    if (!paragraph) return false;
    let length = bareLength.get(paragraph);
    if (length === undefined) {
      length = Math.min(
        textView.slice(paragraph.range.start, paragraph.range.end).replace(/^[#>\s*_-]+|[\s*_:.]+$/g, '')
          .length,
        paragraph.text.trim().length,
      );
      bareLength.set(paragraph, length);
    }
    return length <= phrase.end - phrase.start + 1;
  };
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
