import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { clauseLibrary, fillTemplate } from '../engine/clauses/library.js';
import type { LocatedFinding } from '../engine/index.js';
import type { Analysis } from './analysis.js';
import { toDiagnostic } from './diagnostics.js';
import { type Insertion, Placer } from './placement.js';

export const FIX_ALL_KIND = 'source.fixAll.contract-lint';

/** Reason placeholder written into suppression comments (the drafter replaces it). */
export const REASON_PLACEHOLDER = 'TODO: say why this finding is accepted';

/** Clause-library template for a finding (the cure-period finding gets the cure clause only). */
function templateId(f: LocatedFinding): string | undefined {
  const template = f.data?.template;
  if (typeof template !== 'string') return undefined;
  if (f.ruleId === 'termination-without-cure-period') return 'termination-cure';
  return template;
}

export interface CodeActionOptions {
  /** The client takes versioned documentChanges. */
  documentChanges: boolean;
}

/** Quick fixes and source actions for a Markdown or plain-text document. Word files get none. */
export function codeActions(
  analysis: Analysis,
  params: CodeActionParams,
  options: CodeActionOptions,
): CodeAction[] {
  const result = analysis.outcome.result;
  if (!result?.model || result.model.format === 'docx' || analysis.version === undefined) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const { positions } = analysis;
  const edit = (edits: LspTextEdit[]): WorkspaceEdit =>
    options.documentChanges
      ? {
          documentChanges: [
            { textDocument: { uri: analysis.uri, version: analysis.version ?? null }, edits },
          ],
        }
      : { changes: { [analysis.uri]: edits } };
  const insertion = (ins: Insertion): LspTextEdit => ({
    range: positions.range({ start: ins.offset, end: ins.offset }),
    newText: ins.text,
  });

  const out: CodeAction[] = [];
  const requested = positions.offsets(params.range);
  const model = result.model;
  const text = result.textView ?? analysis.positions.text;

  if (wants(CodeActionKind.QuickFix)) {
    for (const f of result.findings) {
      if (!(f.range.start <= requested.end && f.range.end >= requested.start)) continue;
      const diagnostic = toDiagnostic(f, positions, analysis.uri, model);
      const quickfix = (title: string, edits: LspTextEdit[], preferred = false): CodeAction => {
        const action: CodeAction = {
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit(edits),
        };
        if (preferred) action.isPreferred = true;
        return action;
      };
      // 1. The rule's own fixes (vague wording, number/word mismatch: both choices).
      for (const fix of f.fixes ?? []) {
        out.push(
          quickfix(
            fix.label,
            fix.edits.map((e) => ({ range: positions.range(e.range), newText: e.newText })),
            fix.safe && (f.fixes?.length ?? 0) === 1,
          ),
        );
      }
      // 2. A definition stub for an undefined term.
      const term = f.data?.term;
      if (f.ruleId === 'undefined-term' && typeof term === 'string') {
        const stub = `"${term}" means [definition to be agreed].`;
        out.push(
          quickfix(`Add a definition of "${term}" to the definitions`, [
            insertion(new Placer(model, text).definitions([stub])),
          ]),
        );
      }
      // 3. A clause template from rules/clause-library/.
      const id = templateId(f);
      const template = id ? clauseLibrary().get(id) : undefined;
      if (template) {
        const paragraphs = template.paragraphs.map((p) => fillTemplate(p, model));
        const placer = new Placer(model, text);
        const edits = [insertion(placer.template(template, paragraphs, f.range.start))];
        const companion = template.companion ? clauseLibrary().get(template.companion) : undefined;
        if (companion) {
          const more = companion.paragraphs.map((p) => fillTemplate(p, model));
          edits.push(insertion(placer.template(companion, more, f.range.start)));
        }
        if (id === 'improvement-definition') {
          // Use the newly defined term where the finding is ("improvements" → "Improvements").
          const word = text.slice(f.range.start, f.range.end);
          if (/^[a-z]/.test(word))
            edits.push({
              range: positions.range(f.range),
              newText: word.charAt(0).toUpperCase() + word.slice(1),
            });
        }
        out.push(quickfix(template.title, edits));
      }
      // 4. Suppressions, with a reason placeholder.
      const lineStart = positions.lineStart(f.range.start);
      const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
      out.push(
        quickfix(`Disable ${f.ruleId} for this line`, [
          insertion({
            offset: lineStart,
            text: `${indent}<!-- contract-lint-disable-next-line ${f.ruleId} -- ${REASON_PLACEHOLDER} -->${positions.eol}`,
          }),
        ]),
      );
      out.push(
        quickfix(`Disable ${f.ruleId} for this file`, [
          insertion({
            offset: 0,
            text: `<!-- contract-lint-disable-file ${f.ruleId} -- ${REASON_PLACEHOLDER} -->${positions.eol}${positions.eol}`,
          }),
        ]),
      );
    }
  }

  if (only && wants(FIX_ALL_KIND)) {
    const edits = safeEdits(result.findings);
    if (edits.length > 0) {
      out.push({
        title: 'Fix all safe contract-lint problems',
        kind: FIX_ALL_KIND,
        edit: edit(edits.map((e) => ({ range: positions.range(e.range), newText: e.newText }))),
      });
    }
  }
  return out;
}

/** The safe fixes' edits, without overlaps (first finding wins). */
export function safeEdits(findings: LocatedFinding[]) {
  const edits: { range: { start: number; end: number }; newText: string }[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) =>
      edits.some((x) => e.range.start < x.range.end && x.range.start < e.range.end),
    );
    if (!overlaps) edits.push(...fix.edits);
  }
  return edits.sort((a, b) => a.range.start - b.range.start);
}
