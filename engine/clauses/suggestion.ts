import type { Finding } from '../lint/types.js';
import type { ContractModel } from '../model/types.js';
import type { ClauseSuggestion } from '../review/comment-text.js';
import { clauseLibrary, fillTemplate } from './library.js';

/**
 * The clause a missing-clause finding's quick fix inserts in the editor, with the agreement's
 * names filled in, for the body of its Word comment. The same choice as the editor's code action
 * (server/code-actions.ts): the cure-period finding offers the cure clause only.
 */
export function clauseSuggestion(
  finding: Finding,
  model: ContractModel | undefined,
): ClauseSuggestion | undefined {
  const id = finding.data?.template;
  if (typeof id !== 'string') return undefined;
  const template = clauseLibrary().get(
    finding.ruleId === 'termination-without-cure-period' ? 'termination-cure' : id,
  );
  if (!template) return undefined;
  return { title: template.title, paragraphs: template.paragraphs.map((p) => fillTemplate(p, model)) };
}
