import { type ChecklistItem, clauseChecklist } from '../classify/checklist.js';
import { classifyClauses } from '../classify/clauses.js';
import { profileAgreement } from '../classify/profile.js';
import type { ClauseIndex } from '../classify/types.js';
import type { EffectiveRule } from '../config/resolve.js';
import { isLoadError, LoadError } from '../load/errors.js';
import { loadFile } from '../load/index.js';
import { buildModel } from '../model/build.js';
import { sectionAt } from '../model/section-at.js';
import type { ContractModel, LoadedDocument, Range, Section } from '../model/types.js';
import { LineIndex } from '../text/line-index.js';
import { lastStartingAtOrBefore } from '../text/ranges.js';
import { formatMessage, type RuleReport } from './rule.js';
import { findSuppressions, isSuppressed } from './suppressions.js';
import type { Finding, Severity } from './types.js';

/** Ids of the findings the engine itself raises about suppression comments. */
export const UNUSED_SUPPRESSION = 'unused-suppression';
export const SUPPRESSION_WITHOUT_REASON = 'suppression-without-reason';

/** A finding placed in the text view with 1-based lines and columns. */
export interface LocatedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Word only: the body paragraph of the finding, to find the spot in Word. */
  wordParagraph?: number;
  /** Word only: the number of the innermost numbered section holding the finding ("7.2"). */
  section?: string;
}

export interface FileResult {
  path: string;
  findings: LocatedFinding[];
  /** Set when the file could not be loaded; `findings` is then empty. */
  error?: LoadError;
  /** Rules that threw on this file (a bug in contract-lint, reported, never fatal to the batch). */
  ruleErrors?: { ruleId: string; message: string }[];
  /** Findings hidden by suppression comments. */
  suppressedCount?: number;
  model?: ContractModel;
  textView?: string;
  clauses?: ClauseIndex;
  /** Present / missing / incomplete for each key clause. */
  checklist?: ChecklistItem[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings of one rule in one file beyond which the rest are counted, not listed. */
export const MAX_FINDINGS_PER_RULE = 500;
/** Identical findings (same rule, same message) shown per paragraph before the rest are counted. */
export const MAX_SAME_PER_PARAGRAPH = 5;

/** Thrown by `lintDocument` when its `isCancelled` says the result is no longer wanted. */
export class LintCancelled extends Error {
  override readonly name = 'LintCancelled';
}

export interface LintControl {
  /** Asked between steps (model, clauses, each rule): true stops the lint with `LintCancelled`. */
  isCancelled?: () => boolean;
  /**
   * Keep fixes on Word findings. Editors cannot apply text-view edits to a .docx, so they are
   * dropped by default; a review copy turns the single-edit ones into tracked changes.
   */
  wordFixes?: boolean;
}

/** Runs the rules over a loaded document: model → rules → suppressions → sorted findings. */
export function lintDocument(
  doc: LoadedDocument,
  rules: EffectiveRule[],
  control: LintControl = {},
): FileResult {
  const keepFixes = doc.format !== 'docx' || control.wordFixes === true;
  const checkpoint = () => {
    if (control.isCancelled?.()) throw new LintCancelled(`lint of ${doc.path} cancelled`);
  };
  const model = buildModel(doc);
  checkpoint();
  const clauses = classifyClauses(model);
  const raw: Finding[] = [];
  const ruleErrors: { ruleId: string; message: string }[] = [];

  for (const { rule, severity, options, gated } of rules) {
    checkpoint();
    if (gated && rule.appliesTo && !rule.appliesTo({ model, clauses })) continue;
    let reported = 0;
    let withheld = 0;
    // The same message again and again in one paragraph ("This '(' is never closed" × 5,000):
    // the first few say it; the rest are counted in one note beside the last one shown.
    const sameInParagraph = new Map<string, { shown: number; withheld: number; last: Range }>();
    const report = (r: RuleReport) => {
      const message = formatMessage(rule.messages[r.messageId] ?? r.messageId, r.data);
      const range = clampRange(r.range, doc.textView.length);
      const key = `${paragraphAt(model, range.start)}\u0000${message}`;
      const same = sameInParagraph.get(key) ?? { shown: 0, withheld: 0, last: range };
      sameInParagraph.set(key, same);
      if (same.shown >= MAX_SAME_PER_PARAGRAPH) {
        same.withheld++;
        return;
      }
      // A hostile or pathological file can make one rule report thousands of times: nobody reads
      // past the first few hundred, and every one costs memory in the report.
      if (++reported > MAX_FINDINGS_PER_RULE) {
        withheld++;
        return;
      }
      same.shown++;
      same.last = range;
      const finding: Finding = {
        ruleId: rule.id,
        severity: r.severity ?? severity,
        message,
        range,
      };
      if (r.related?.length)
        finding.related = r.related.map((x) => ({ ...x, range: clampRange(x.range, doc.textView.length) }));
      if (r.fixes?.length && keepFixes) finding.fixes = r.fixes;
      finding.data = { messageId: r.messageId, ...(r.data ?? {}), ...(r.extra ?? {}) };
      raw.push(finding);
    };
    try {
      rule.check({
        model,
        textView: doc.textView,
        options,
        severity,
        clauses,
        get profile() {
          return profileAgreement(model, clauses);
        },
        report,
      });
    } catch (error) {
      ruleErrors.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
    }
    for (const same of sameInParagraph.values()) {
      if (same.withheld === 0) continue;
      raw.push({
        ruleId: rule.id,
        severity: 'info',
        message: `…and ${same.withheld} more like the finding before this one in the same paragraph (not shown).`,
        range: same.last,
        data: { messageId: 'withheld-same', withheld: same.withheld },
      });
    }
    if (withheld > 0) {
      raw.push({
        ruleId: rule.id,
        severity: 'info',
        message: `${withheld} more findings of ${rule.id} in this file are not shown (the first ${MAX_FINDINGS_PER_RULE} are).`,
        range: raw.find((f) => f.ruleId === rule.id)?.range ?? { start: 0, end: 0 },
        data: { messageId: 'withheld', withheld },
      });
    }
  }

  const suppressions = findSuppressions(model, doc.textView);
  const kept = raw.filter((f) => !isSuppressed(suppressions, f.ruleId, f.range));
  const suppressedCount = raw.length - kept.length;
  const enabled = new Map(rules.map((r) => [r.rule.id, r.severity]));
  for (const s of suppressions) {
    const withoutReason = enabled.get(SUPPRESSION_WITHOUT_REASON);
    if (withoutReason && s.reason === '') {
      kept.push({
        ruleId: SUPPRESSION_WITHOUT_REASON,
        severity: withoutReason,
        message:
          'Suppression has no reason: add one after "--" so reviewers know why the finding was accepted.',
        range: s.range,
      });
    }
    const unused = enabled.get(UNUSED_SUPPRESSION);
    if (unused && !s.used) {
      const what = s.ruleIds.length ? s.ruleIds.join(', ') : 'all rules';
      const finding: Finding = {
        ruleId: UNUSED_SUPPRESSION,
        severity: unused,
        message: `Suppression of ${what} suppresses nothing: remove it.`,
        range: s.range,
      };
      // Removing a comment that hides nothing changes no clause: safe for fix-all.
      if (s.origin === 'comment' && doc.format !== 'docx') {
        finding.fixes = [
          {
            label: 'Remove the unused suppression',
            edits: [{ range: lineRemoval(doc.textView, s.range), newText: '' }],
            safe: true,
          },
        ];
      }
      kept.push(finding);
    }
  }

  const result: FileResult = {
    path: doc.path,
    findings: locate(kept, doc, model),
    model,
    textView: doc.textView,
    clauses,
    suppressedCount,
  };
  result.checklist = clauseChecklist(clauses, result.findings);
  if (ruleErrors.length) result.ruleErrors = ruleErrors;
  return result;
}

/** Loads and lints one file; a file that cannot be read becomes a result with `error`. */
export async function lintFile(path: string, rules: EffectiveRule[]): Promise<FileResult> {
  let doc: LoadedDocument;
  try {
    doc = await loadFile(path);
  } catch (error) {
    if (isLoadError(error)) return { path, findings: [], error };
    const message = error instanceof Error ? error.message : String(error);
    return {
      path,
      findings: [],
      error: new LoadError('conversion-failed', path, `internal error while reading: ${message}`),
    };
  }
  return lintDocument(doc, rules);
}

function locate(findings: Finding[], doc: LoadedDocument, model: ContractModel): LocatedFinding[] {
  const lines = new LineIndex(doc.textView);
  const located = findings.map((finding) => {
    const { start, end } = lines.span(finding.range);
    const out: LocatedFinding = {
      ...finding,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
    const wordParagraph = wordParagraphOf(doc, finding.range.start);
    if (wordParagraph !== undefined) {
      out.wordParagraph = wordParagraph;
      // Word shows no line numbers: the clause number is how a drafter finds the spot.
      const section = sectionNumberAt(model.sections, finding.range.start);
      if (section !== undefined) out.section = section;
    }
    return out;
  });
  located.sort(
    (a, b) =>
      a.range.start - b.range.start ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.range.end - b.range.end,
  );
  return located;
}

/** The comment's range, widened to its whole line (and one blank line after) when it stands alone. */
function lineRemoval(text: string, range: Range): Range {
  const lineStart = text.lastIndexOf('\n', range.start - 1) + 1;
  const lineEnd = text.indexOf('\n', range.end);
  const end = lineEnd < 0 ? text.length : lineEnd;
  if (text.slice(lineStart, range.start).trim() !== '' || text.slice(range.end, end).trim() !== '')
    return range;
  let stop = lineEnd < 0 ? text.length : lineEnd + 1;
  if (text.startsWith('\n', stop)) stop += 1;
  return { start: lineStart, end: stop };
}

function clampRange(range: Range, length: number): Range {
  const start = Math.max(0, Math.min(range.start, length));
  return { start, end: Math.max(start, Math.min(range.end, length)) };
}

/** "7.2", "2.3(c)", "Schedule A": the clause a Word finding sits in. */
function sectionNumberAt(sections: Section[], offset: number): string | undefined {
  const at = sectionAt(sections, offset);
  if (!at) return undefined;
  const kind = at.section.attachmentKind;
  return kind ? `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${at.number}` : at.number;
}

/** Index of the paragraph holding an offset (or the nearest before it); -1 outside all. */
function paragraphAt(model: ContractModel, offset: number): number {
  const list = model.paragraphs;
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as { range: Range }).range.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function wordParagraphOf(doc: LoadedDocument, offset: number): number | undefined {
  return doc.wordParagraphs ? lastStartingAtOrBefore(doc.wordParagraphs, offset)?.index : undefined;
}
