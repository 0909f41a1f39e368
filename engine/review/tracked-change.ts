import type { Element } from '@xmldom/xmldom';
import { REVIEW_AUTHOR } from '../load/docx/review-author.js';
import { createW, isW, setWAttr } from '../load/docx/xml.js';
import { emptyRunLike, insertBeforeChar, runsCovering, setText } from './run-boundary.js';
import { paragraphText } from './word-text.js';

/** What a run may hold for its text to be deleted as a tracked change: text, not fields or objects. */
const PLAIN_RUN_CHILDREN = new Set([
  'rPr',
  't',
  'tab',
  'br',
  'cr',
  'noBreakHyphen',
  'softHyphen',
  'lastRenderedPageBreak',
]);

export interface Revision {
  ids: () => string;
  date: string;
}

/**
 * Replaces characters [start, end) of a paragraph with `newText` as tracked changes: the old runs
 * wrapped in w:del (their w:t become w:delText), the new text in a w:ins run formatted like the
 * first deleted run. Returns false, changing no text, when the words cross a hyperlink, a field or
 * an object: those stay a comment only.
 */
export function trackReplacement(
  p: Element,
  start: number,
  end: number,
  newText: string,
  rev: Revision,
): boolean {
  if (start === end) return trackInsertion(p, start, newText, rev);
  const runs = runsCovering(p, start, end);
  if (!runs) return false;
  if (runs.some((run) => !plainRun(run))) return false;
  let last: Element | undefined;
  for (const run of runs) {
    for (let child = run.firstChild; child; child = child.nextSibling) {
      if (isW(child, 't')) {
        const del = createW(child, 'delText');
        setText(del, child.textContent ?? '');
        run.replaceChild(del, child);
        child = del;
      }
    }
    const del = revision(run, 'del', rev);
    run.parentNode?.insertBefore(del, run);
    del.appendChild(run);
    last = del;
  }
  if (newText !== '' && last) {
    const ins = insertedRun(runs[0] as Element, newText, rev);
    last.parentNode?.insertBefore(ins, last.nextSibling);
  }
  return true;
}

function trackInsertion(p: Element, at: number, newText: string, rev: Revision): boolean {
  if (newText === '') return false;
  const { chars } = paragraphText(p);
  const like = (chars[at - 1] ?? chars[at])?.run;
  if (!like) return false;
  insertBeforeChar(p, at, [insertedRun(like, newText, rev)]);
  return true;
}

function insertedRun(like: Element, text: string, rev: Revision): Element {
  const ins = revision(like, 'ins', rev);
  const run = emptyRunLike(like);
  const t = createW(like, 't');
  setText(t, text);
  run.appendChild(t);
  ins.appendChild(run);
  return ins;
}

function revision(like: Element, name: 'ins' | 'del', rev: Revision): Element {
  const el = createW(like, name);
  setWAttr(el, 'id', rev.ids());
  setWAttr(el, 'author', REVIEW_AUTHOR);
  setWAttr(el, 'date', rev.date);
  return el;
}

function plainRun(run: Element): boolean {
  for (let child = run.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && !PLAIN_RUN_CHILDREN.has((child as Element).localName ?? '')) return false;
  }
  return true;
}
