import type { ContractModel, Range } from '../model/types.js';
import { LineIndex } from '../text/line-index.js';

/**
 * A suppression written by a drafter:
 *   <!-- contract-lint-disable rule-id[, other-id] -- reason -->   … until enable or end of file
 *   <!-- contract-lint-enable rule-id -->
 *   <!-- contract-lint-disable-next-line rule-id -- reason -->
 *   <!-- contract-lint-disable-file rule-id -- reason -->          (anywhere in the file)
 * or, in Word, a comment whose text starts with "contract-lint-disable rule-id -- reason",
 * which suppresses on the commented paragraphs. No rule id means every rule.
 */
export interface Suppression {
  /** Rule ids; empty = all rules. */
  ruleIds: string[];
  reason: string;
  /** Where the directive is written (reported when it has no reason or suppresses nothing). */
  range: Range;
  /** Offsets it covers. */
  covers: Range;
  used: boolean;
  /** An HTML comment in the text (removable by a fix) or a Word comment (read-only here). */
  origin: 'comment' | 'word';
}

const DIRECTIVE =
  /<!--\s*contract-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;
const WORD_DIRECTIVE = /^\s*contract-lint-(disable-next-line|disable-file|disable)\b(.*)$/s;

/** Reads suppressions from the text view (HTML comments) and from Word comments. */
export function findSuppressions(model: ContractModel, textView: string): Suppression[] {
  const out: Suppression[] = [];
  const open = new Map<string, Suppression>(); // rule id ('*' = all) → open block disable
  const lines = new LineIndex(textView);
  if (textView.includes('contract-lint-')) {
    for (const match of textView.matchAll(DIRECTIVE)) {
      const kind = match[1] as string;
      const { ruleIds, reason } = parseBody(match[2] ?? '');
      const range = { start: match.index, end: match.index + match[0].length };
      if (kind === 'enable') {
        for (const id of ruleIds.length ? ruleIds : [...open.keys()]) {
          const s = open.get(id) ?? open.get('*');
          if (s) {
            s.covers.end = range.start;
            open.delete(id);
          }
        }
        continue;
      }
      const suppression: Suppression = {
        ruleIds,
        reason,
        range,
        covers: { start: 0, end: textView.length },
        used: false,
        origin: 'comment',
      };
      if (kind === 'disable-next-line' || kind === 'disable-line') {
        const line =
          lines.position(range.end).line +
          (kind === 'disable-next-line' ? nextContentLineOffset(textView, lines, range.end) : 0);
        suppression.covers = { start: lines.lineStart(line), end: lineEnd(textView, lines.lineStart(line)) };
      } else if (kind === 'disable') {
        suppression.covers = { start: range.end, end: textView.length };
        for (const id of ruleIds.length ? ruleIds : ['*']) open.set(id, suppression);
      }
      out.push(suppression);
    }
  }
  for (const comment of model.comments ?? []) {
    const match = WORD_DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const { ruleIds, reason } = parseBody(match[2] ?? '');
    const spans = (model.wordParagraphs ?? []).filter((p) => comment.wordParagraphs.includes(p.index));
    if (spans.length === 0) continue;
    const first = spans[0] as { range: Range };
    const last = spans[spans.length - 1] as { range: Range };
    const covers =
      match[1] === 'disable-file'
        ? { start: 0, end: textView.length }
        : { start: first.range.start, end: last.range.end };
    out.push({ ruleIds, reason, range: first.range, covers, used: false, origin: 'word' });
  }
  return out;
}

/** "vague-coverage, undefined-term -- the client's wording" → ids and reason. */
function parseBody(body: string): { ruleIds: string[]; reason: string } {
  const [idsPart, ...reasonParts] = body.split(/\s--\s|\s--$|^--\s/);
  const ruleIds = (idsPart ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
  return { ruleIds, reason: reasonParts.join(' -- ').trim() };
}

/** The next-line form skips blank lines: a comment line is usually followed by a blank line in Markdown. */
function nextContentLineOffset(text: string, lines: LineIndex, from: number): number {
  let line = lines.position(from).line + 1;
  let offset = 1;
  while (line <= lines.lineCount) {
    const start = lines.lineStart(line);
    if (text.slice(start, lineEnd(text, start)).trim() !== '') return offset;
    line++;
    offset++;
  }
  return 1;
}

function lineEnd(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  return nl < 0 ? text.length : nl;
}

/** True (and marks the suppression used) when a finding of `ruleId` at `range` is suppressed. */
export function isSuppressed(suppressions: Suppression[], ruleId: string, range: Range): boolean {
  let hit = false;
  for (const s of suppressions) {
    if (s.ruleIds.length > 0 && !s.ruleIds.includes(ruleId)) continue;
    if (range.start >= s.covers.start && range.start <= s.covers.end) {
      s.used = true;
      hit = true;
    }
  }
  return hit;
}
