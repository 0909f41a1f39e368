import { LineIndex } from '../text/line-index.js';
import { lastStartingAtOrBefore } from '../text/ranges.js';
import type { ContractModel, Range, Section } from './types.js';

/** A range as people read it: 1-based lines and columns in the text view. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A JSON-friendly summary of the model for `contract-lint inspect`: offsets become lines and
 * columns, sections keep their tree, cross-references name their targets.
 */
export function describeModel(model: ContractModel, textView: string) {
  const lines = new LineIndex(textView);
  const span = (range: Range): Span => {
    const { start, end } = lines.span(range);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
  const wordParagraphAt = wordParagraphLocator(model);
  const describeSection = (s: Section): object => ({
    id: s.id,
    ...(s.number !== undefined ? { number: s.number } : {}),
    title: s.title,
    kind: s.kind,
    ...(s.attachmentKind ? { attachmentKind: s.attachmentKind } : {}),
    level: s.level,
    line: lines.position(s.headingRange.start).line,
    endLine: lines.position(Math.max(s.range.start, s.range.end - 1)).line,
    ...(s.wordParagraph !== undefined ? { wordParagraph: s.wordParagraph } : {}),
    ...(s.children.length > 0 ? { children: s.children.map(describeSection) } : {}),
  });

  return {
    path: model.path,
    format: model.format,
    ...(model.title !== undefined ? { title: model.title } : {}),
    counts: {
      lines: lines.lineCount,
      paragraphs: model.paragraphs.length,
      sentences: model.paragraphs.reduce((n, p) => n + p.sentences.length, 0),
      words: countWords(model),
      definitions: model.definitions.length,
      termUses: model.termUses.length,
      crossReferences: model.crossReferences.length,
      unresolvedCrossReferences: model.crossReferences.filter((r) => !r.resolved).length,
    },
    parties: model.parties.map((p) => ({
      name: p.name,
      ...(p.shortName !== undefined ? { shortName: p.shortName } : {}),
      ...span(p.range),
    })),
    sections: model.sections.map(describeSection),
    definitions: model.definitions.map((d) => ({
      term: d.term,
      style: d.style,
      ...(d.pointsTo !== undefined ? { pointsTo: d.pointsTo } : {}),
      ...(d.sectionId !== undefined ? { section: d.sectionId } : {}),
      uses: model.termUses.filter((u) => u.term === d.term).length,
      ...span(d.range),
      ...wordParagraphAt(d.range.start),
    })),
    crossReferences: model.crossReferences.map((r) => ({
      kind: r.kind,
      label: r.label,
      text: textView.slice(r.phraseRange.start, r.phraseRange.end),
      resolved: r.resolved,
      ...(r.targetId !== undefined ? { target: r.targetId } : {}),
      ...span(r.range),
    })),
    numbers: model.numbers.map((n) => ({
      text: textView.slice(n.range.start, n.range.end),
      wordValue: n.wordValue,
      digitValue: n.digitValue,
      ...(n.unit ? { unit: n.unit } : {}),
      ...span(n.range),
    })),
    candidateTerms: [...new Set(model.candidateTerms.map((c) => c.text))].slice(0, 200),
    ...(model.comments ? { comments: model.comments } : {}),
  };
}

function countWords(model: ContractModel): number {
  let words = 0;
  for (const p of model.paragraphs) {
    const matches = p.text.match(/\S+/g);
    words += matches ? matches.length : 0;
  }
  return words;
}

function wordParagraphLocator(model: ContractModel): (offset: number) => { wordParagraph?: number } {
  const spans = model.wordParagraphs;
  if (!spans || spans.length === 0) return () => ({});
  return (offset) => {
    const found = lastStartingAtOrBefore(spans, offset);
    return found === undefined ? {} : { wordParagraph: found.index };
  };
}
