import { clauseSuggestion } from '../engine/clauses/suggestion.js';
import { isLoadError } from '../engine/load/errors.js';
import { annotateFile } from '../engine/review/index.js';
import { catalog } from '../rules/index.js';
import type { RuleSetting } from './lint-task.js';

export interface AnnotateTask {
  path: string;
  /** Where the review copy goes. */
  out: string;
  rules: RuleSetting[];
  redline: boolean;
  force: boolean;
}

export interface AnnotateReport {
  path: string;
  out: string;
  /** Set when no review copy was written; the message names the file and the reason. */
  error?: string;
  comments: number;
  trackedChanges: number;
  /** Comments on exactly the finding's words, on nearby words, or on the whole paragraph. */
  anchors: { exact: number; approximate: number; paragraph: number };
  severities: { error: number; warning: number; info: number };
  bytes: number;
}

/** Reads, lints and writes one review copy. Never throws: a bad file becomes a report with `error`. */
export async function runAnnotateTask(task: AnnotateTask): Promise<AnnotateReport> {
  const report = emptyAnnotateReport(task.path, task.out);
  const rules = task.rules.flatMap((s) => {
    const rule = catalog.rules.find((r) => r.id === s.id);
    return rule
      ? [{ rule, severity: s.severity, options: s.options, ...(s.gated ? { gated: true } : {}) }]
      : [];
  });
  try {
    const { copy, findings } = await annotateFile(task.path, rules, {
      out: task.out,
      redline: task.redline,
      force: task.force,
      clauseFor: clauseSuggestion,
    });
    report.comments = copy.comments;
    report.trackedChanges = copy.trackedChanges;
    report.bytes = copy.bytes.length;
    for (const placed of copy.placed) report.anchors[placed.anchor]++;
    for (const finding of findings) report.severities[finding.severity]++;
  } catch (error) {
    // LoadError says "cannot read <file>: …"; a destination or a bug in contract-lint costs one file.
    report.error = isLoadError(error)
      ? error.message
      : `cannot annotate ${task.path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  return report;
}

export function emptyAnnotateReport(path: string, out: string, error?: string): AnnotateReport {
  return {
    path,
    out,
    ...(error ? { error } : {}),
    comments: 0,
    trackedChanges: 0,
    anchors: { exact: 0, approximate: 0, paragraph: 0 },
    severities: { error: 0, warning: 0, info: 0 },
    bytes: 0,
  };
}
