import {
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  FoldingRangeKind,
  type Hover,
  type Location,
  type Range as LspRange,
  MarkupKind,
  type Position,
  SymbolKind,
  type TextEdit,
} from 'vscode-languageserver';
import {
  allSections,
  type ContractModel,
  type CrossReference,
  type Definition,
  type Range,
  type Section,
} from '../engine/index.js';
import type { Analysis } from './analysis.js';
import { sectionLabel } from './diagnostics.js';

/** What is under the cursor: a defined term (its definition or a use) or a cross-reference. */
type Target =
  | { kind: 'term'; term: string; range: Range; termLength: number }
  | { kind: 'crossref'; ref: CrossReference };

function modelOf(analysis: Analysis): ContractModel | undefined {
  return analysis.outcome.result?.model;
}

function inside(offset: number, r: Range): boolean {
  return offset >= r.start && offset <= r.end && r.end > r.start;
}

export function targetAt(analysis: Analysis, position: Position): Target | undefined {
  const model = modelOf(analysis);
  if (!model) return undefined;
  const offset = analysis.positions.offset(position);
  for (const d of model.definitions) {
    if (inside(offset, d.range))
      return { kind: 'term', term: d.term, range: d.range, termLength: d.term.length };
  }
  for (const u of model.termUses) {
    if (inside(offset, u.range)) {
      const text = analysis.positions.text.slice(u.range.start, u.range.end);
      const termLength = text.startsWith(u.term) ? u.term.length : text.length;
      return { kind: 'term', term: u.term, range: u.range, termLength };
    }
  }
  for (const ref of model.crossReferences) {
    if (inside(offset, ref.range) || inside(offset, ref.phraseRange)) return { kind: 'crossref', ref };
  }
  return undefined;
}

function definitionsOf(model: ContractModel, term: string): Definition[] {
  const all = model.definitions.filter((d) => d.term === term);
  // A "has the meaning given in Section N" pointer comes after the real definition.
  return [...all.filter((d) => d.style !== 'has-meaning'), ...all.filter((d) => d.style === 'has-meaning')];
}

function sectionById(model: ContractModel, id: string | undefined): Section | undefined {
  return id ? allSections(model.sections).find((s) => s.id === id) : undefined;
}

function where(analysis: Analysis, model: ContractModel, range: Range, sectionId?: string): string {
  const line = analysis.positions.position(range.start).line + 1;
  const section = sectionById(model, sectionId);
  const label = section?.number ? `${sectionLabel(section)}, ` : '';
  const word = model.wordParagraphs ? wordParagraphAt(model, range.start) : undefined;
  return `${label}line ${line}${word !== undefined ? `, Word ¶${word}` : ''}`;
}

function wordParagraphAt(model: ContractModel, offset: number): number | undefined {
  let found: number | undefined;
  for (const p of model.wordParagraphs ?? []) if (p.range.start <= offset) found = p.index;
  return found;
}

export function hover(analysis: Analysis, position: Position): Hover | null {
  const model = modelOf(analysis);
  const target = targetAt(analysis, position);
  if (!model || !target) return null;
  if (target.kind === 'term') {
    const defs = definitionsOf(model, target.term);
    if (defs.length === 0) return null;
    const parts = defs.map((d) => {
      const text = d.definitionText.length > 1200 ? `${d.definitionText.slice(0, 1200)}…` : d.definitionText;
      return `**${target.term}** — defined in ${where(analysis, model, d.range, d.sectionId)}\n\n> ${text.replace(/\s*\n\s*/g, ' ')}`;
    });
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
      range: analysis.positions.range(target.range),
    };
  }
  const ref = target.ref;
  const section = sectionById(model, ref.targetId);
  const value = section
    ? `**${sectionLabel(section)}${section.title ? ` — ${section.title}` : ''}** (${where(analysis, model, section.headingRange)})`
    : `**${ref.kind} ${ref.label}**: no such ${ref.kind} in this agreement`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: analysis.positions.range(ref.range) };
}

export function definition(analysis: Analysis, position: Position): Location[] {
  const model = modelOf(analysis);
  const target = targetAt(analysis, position);
  if (!model || !target) return [];
  if (target.kind === 'term') {
    return definitionsOf(model, target.term).map((d) => ({
      uri: analysis.uri,
      range: analysis.positions.range(d.range),
    }));
  }
  const section = sectionById(model, target.ref.targetId);
  return section ? [{ uri: analysis.uri, range: analysis.positions.range(section.headingRange) }] : [];
}

export function references(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] {
  const model = modelOf(analysis);
  const target = targetAt(analysis, position);
  if (!model || !target) return [];
  const ranges: Range[] = [];
  if (target.kind === 'term') {
    if (includeDeclaration)
      ranges.push(...model.definitions.filter((d) => d.term === target.term).map((d) => d.range));
    ranges.push(...model.termUses.filter((u) => u.term === target.term).map((u) => u.range));
  } else {
    const id = target.ref.targetId;
    if (includeDeclaration) {
      const section = sectionById(model, id);
      if (section) ranges.push(section.headingRange);
    }
    ranges.push(...model.crossReferences.filter((r) => id && r.targetId === id).map((r) => r.range));
  }
  return ranges
    .sort((a, b) => a.start - b.start)
    .map((r) => ({ uri: analysis.uri, range: analysis.positions.range(r) }));
}

export function prepareRename(
  analysis: Analysis,
  position: Position,
): { range: LspRange; placeholder: string } | null {
  if (analysis.outcome.result?.model?.format === 'docx') return null;
  const target = targetAt(analysis, position);
  if (target?.kind !== 'term') return null;
  if (!modelOf(analysis)?.definitions.some((d) => d.term === target.term)) return null;
  return {
    range: analysis.positions.range({
      start: target.range.start,
      end: target.range.start + target.termLength,
    }),
    placeholder: target.term,
  };
}

export class RenameError extends Error {}

/**
 * Renames a defined term everywhere: each definition and every use, keeping plural and
 * possessive endings ("Licensed Products" → "Covered Products", "Licensed Product's" →
 * "Covered Product's").
 */
export function rename(analysis: Analysis, position: Position, newName: string): TextEdit[] | null {
  const model = modelOf(analysis);
  if (!model || model.format === 'docx') return null;
  const target = targetAt(analysis, position);
  if (target?.kind !== 'term') return null;
  const name = newName.trim();
  if (name === '' || /["“”\n\r]/.test(name)) throw new RenameError(`"${newName}" cannot be a defined term`);
  const term = target.term;
  if (!model.definitions.some((d) => d.term === term)) return null;
  const text = analysis.positions.text;
  const edits: { range: Range; newText: string }[] = [];
  for (const d of model.definitions) if (d.term === term) edits.push({ range: d.range, newText: name });
  for (const u of model.termUses) {
    if (u.term !== term) continue;
    const written = text.slice(u.range.start, u.range.end);
    if (written.startsWith(term)) {
      edits.push({ range: { start: u.range.start, end: u.range.start + term.length }, newText: name });
    } else {
      const possessive = /['’]s?$/.exec(written)?.[0] ?? '';
      const base = u.form === 'plural' ? pluralise(name) : name;
      edits.push({ range: u.range, newText: base + possessive });
    }
  }
  edits.sort((a, b) => a.range.start - b.range.start);
  const out: TextEdit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.range.start < end) continue;
    end = e.range.end;
    out.push({ range: analysis.positions.range(e.range), newText: e.newText });
  }
  return out;
}

function pluralise(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

const SYMBOL_KIND: Record<Section['kind'], SymbolKind> = {
  article: SymbolKind.Module,
  section: SymbolKind.Namespace,
  clause: SymbolKind.Field,
  attachment: SymbolKind.File,
  heading: SymbolKind.String,
};

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const model = modelOf(analysis);
  if (!model) return [];
  const p = analysis.positions;
  const convert = (s: Section): DocumentSymbol => {
    const start = p.clamp(Math.min(s.range.start, s.headingRange.start));
    const end = p.clamp(Math.max(s.range.end, s.headingRange.end));
    const selStart = p.clamp(s.headingRange.start);
    const selEnd = Math.max(selStart, p.clamp(Math.min(s.headingRange.end, end)));
    const title = s.title.replace(/\s+/g, ' ').trim();
    const name = [s.number ? sectionLabel(s) : '', title].filter(Boolean).join(' ') || s.id || 'section';
    return {
      name: name.length > 120 ? `${name.slice(0, 119)}…` : name,
      detail: s.kind,
      kind: SYMBOL_KIND[s.kind] ?? SymbolKind.Namespace,
      range: p.range({ start, end }),
      selectionRange: p.range({ start: selStart, end: selEnd }),
      children: s.children.map(convert),
    };
  };
  return model.sections.map(convert);
}

/** Cross-references as links to the heading they cite (file URI with a #L<line> fragment). */
export function documentLinks(analysis: Analysis): DocumentLink[] {
  const model = modelOf(analysis);
  if (!model || model.format === 'docx' || !analysis.uri.startsWith('file:')) return [];
  const sections = new Map(allSections(model.sections).map((s) => [s.id, s]));
  const base = analysis.uri.replace(/#.*$/, '');
  const out: DocumentLink[] = [];
  for (const ref of model.crossReferences) {
    const section = ref.targetId ? sections.get(ref.targetId) : undefined;
    if (!ref.resolved || !section || ref.range.end <= ref.range.start) continue;
    const line = analysis.positions.position(section.headingRange.start).line + 1;
    out.push({
      range: analysis.positions.range(ref.range),
      target: `${base}#L${line}`,
      tooltip: `Go to ${sectionLabel(section)}${section.title ? ` (${section.title})` : ''}`,
    });
  }
  return out;
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const model = modelOf(analysis);
  if (!model) return [];
  const p = analysis.positions;
  const text = p.text;
  const out: FoldingRange[] = [];
  for (const s of allSections(model.sections)) {
    let end = p.clamp(s.range.end);
    while (end > s.range.start && /\s/.test(text[end - 1] ?? '')) end--;
    const startLine = p.position(s.headingRange.start).line;
    const endLine = p.position(end).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return out;
}
