import { ruleDocsUrl } from '../lint/rule.js';
import type { Finding } from '../lint/types.js';

/** A clause the quick fix would insert, with the agreement's names already filled in. */
export interface ClauseSuggestion {
  title: string;
  paragraphs: string[];
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/**
 * The paragraphs of the Word comment for one finding: what is wrong, which rule says so and
 * where it is documented, then what could be done — the choices a fix offers, or the clause a
 * missing-clause fix would insert. Never starts with "contract-lint-": that is how a suppression
 * comment begins.
 */
export function commentParagraphs(finding: Finding, clause?: ClauseSuggestion, tracked = false): string[] {
  const out = [`${SEVERITY_LABEL[finding.severity]}: ${finding.message}`];
  out.push(`Rule ${finding.ruleId} (contract-lint): ${ruleDocsUrl(finding.ruleId)}`);
  const fixes = finding.fixes ?? [];
  if (fixes.length > 1) {
    out.push('Possible fixes:');
    for (const fix of fixes) out.push(`• ${fix.label}`);
  } else if (fixes.length === 1 && fixes[0])
    out.push(`${tracked ? 'Fix made as a tracked change' : 'Suggested fix'}: ${fixes[0].label}`);
  if (clause && clause.paragraphs.length > 0) {
    out.push(`Suggested clause (${clause.title}):`);
    out.push(...clause.paragraphs.map(plainText));
  }
  out.push(`To accept this finding, reply with: contract-lint-disable ${finding.ruleId} -- the reason`);
  return out.map(xmlSafe);
}

/** Template paragraphs are Markdown: Word shows them as plain text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2')
    .replace(/^#+\s*/, '');
}

/** Characters XML 1.0 cannot hold are dropped. */
function xmlSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what XML refuses.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
