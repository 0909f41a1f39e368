import { clauseLibrary, fillTemplate } from '../engine/clauses/library.js';
import type { ChecklistItem } from '../engine/index.js';
import type { Analysis } from './analysis.js';

export const CHECKLIST_REQUEST = 'contractLint/checklist';
export const CLAUSE_TEMPLATES_REQUEST = 'contractLint/clauseTemplates';
// Distinct from the VS Code command of the same purpose: the language client registers server commands itself.
export const LINT_WORKSPACE_COMMAND = 'contractLint.server.lintWorkspace';

export interface ChecklistResult {
  uri: string;
  title?: string;
  crossLicense?: boolean;
  items: ChecklistItem[];
}

/** The clause checklist of one agreement (present / missing / incomplete per key clause). */
export function checklistOf(analysis: Analysis): ChecklistResult {
  const result = analysis.outcome.result;
  const out: ChecklistResult = { uri: analysis.uri, items: result?.checklist ?? [] };
  if (result?.model?.title) out.title = result.model.title;
  return out;
}

export interface ClauseTemplateItem {
  id: string;
  title: string;
  heading: string;
  /** The template's paragraphs with the agreement's party names filled in, joined as Markdown. */
  text: string;
}

/** Every clause template of the library, filled in for this agreement (when there is one). */
export function clauseTemplatesFor(analysis: Analysis | undefined): ClauseTemplateItem[] {
  const model = analysis?.outcome.result?.model;
  return [...clauseLibrary().values()]
    .map((t) => ({
      id: t.id,
      title: t.title,
      heading: t.heading,
      text: t.paragraphs.map((p) => fillTemplate(p, model)).join('\n\n'),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
