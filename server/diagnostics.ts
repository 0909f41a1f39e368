import {
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import {
  type ContractModel,
  type LocatedFinding,
  ruleDocsUrl,
  type Section,
  type Severity,
  sectionAt,
} from '../engine/index.js';
import type { LintOutcome } from './linter.js';
import type { Positions } from './positions.js';

export const SOURCE = 'contract-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries for the code actions (the server also keeps the findings itself). */
export interface DiagnosticData {
  ruleId: string;
  messageId?: string;
  template?: string;
  term?: string;
  fixes?: { label: string; safe: boolean; edits: LspTextEdit[] }[];
}

/** Turns a lint outcome into LSP diagnostics for one document. */
export function toDiagnostics(outcome: LintOutcome, positions: Positions, uri: string): Diagnostic[] {
  if (outcome.configError) {
    return [
      {
        range: positions.range({ start: 0, end: 0 }),
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        code: 'invalid-config',
        message: outcome.configError.message,
      },
    ];
  }
  const result = outcome.result;
  if (!result) return [];
  if (result.error) {
    return [
      {
        range: positions.range({ start: 0, end: 0 }),
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        code: result.error.code,
        message: `cannot lint this file: ${result.error.message}`,
      },
    ];
  }
  const sections = result.model?.format === 'docx' ? result.model.sections : [];
  return result.findings.map((f) => toDiagnostic(f, positions, uri, result.model, sections));
}

export function toDiagnostic(
  f: LocatedFinding,
  positions: Positions,
  uri: string,
  model?: ContractModel,
  sections: Section[] = model?.sections ?? [],
): Diagnostic {
  let message = f.message;
  if (model?.format === 'docx') message = `${message} ${wordLocation(f, sections)}`;
  const data: DiagnosticData = { ruleId: f.ruleId };
  const extra = f.data ?? {};
  if (typeof extra.messageId === 'string') data.messageId = extra.messageId;
  if (typeof extra.template === 'string') data.template = extra.template;
  if (typeof extra.term === 'string') data.term = extra.term;
  if (f.fixes?.length && model?.format !== 'docx') {
    data.fixes = f.fixes.map((fix) => ({
      label: fix.label,
      safe: fix.safe,
      edits: fix.edits.map((e) => ({ range: positions.range(e.range), newText: e.newText })),
    }));
  }
  const diagnostic: Diagnostic = {
    range: positions.range(f.range),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    message,
    data,
  };
  if (f.related?.length) {
    diagnostic.relatedInformation = f.related.map((r) => ({
      location: { uri, range: positions.range(r.range) },
      message: r.message,
    }));
  }
  if (f.ruleId === 'unused-definition') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** "(Word ¶14, Section 7.2)": where to find the spot in Word. */
export function wordLocation(f: { range: { start: number }; wordParagraph?: number }, sections: Section[]) {
  const parts: string[] = [];
  if (f.wordParagraph !== undefined) parts.push(`Word ¶${f.wordParagraph}`);
  const at = sectionAt(sections, f.range.start);
  if (at) parts.push(sectionLabel(at.section, at.number));
  return parts.length ? `(${parts.join(', ')})` : '';
}

export function sectionLabel(s: Section, number = s.number): string {
  const kind =
    s.kind === 'article'
      ? 'Article'
      : s.kind === 'attachment'
        ? capitalise(s.attachmentKind ?? 'Schedule')
        : s.kind === 'clause'
          ? 'Clause'
          : 'Section';
  return `${kind} ${number ?? ''}`.trim();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
