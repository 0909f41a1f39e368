import type { Document, Element, Node } from '@xmldom/xmldom';
import { createW, isW, wChild } from '../load/docx/xml.js';
import { paragraphText } from './word-text.js';

/**
 * Places in a paragraph's XML where markup can go between two characters. Runs are split so the
 * boundary falls between runs; the new run copies the old one's attributes and formatting (w:rPr),
 * so the document looks the same and renders the same text.
 */

/** Insert `nodes` just before the character at `offset` (or at the paragraph's end). */
export function insertBeforeChar(p: Element, offset: number, nodes: Node[]): void {
  const { chars } = paragraphText(p);
  const char = chars[offset];
  if (!char) {
    insertAtEnd(p, nodes);
    return;
  }
  let node = char.node;
  if (isW(node, 't') && char.at > 0) node = splitT(node, char.at);
  let run = char.run;
  if (node.parentNode === run && hasContentBefore(run, node)) run = splitRunBefore(run, node);
  for (const added of nodes) run.parentNode?.insertBefore(added, run);
}

/** Insert `nodes` just after the character before `offset` (or at the paragraph's start). */
export function insertAfterChar(p: Element, offset: number, nodes: Node[]): void {
  const { chars } = paragraphText(p);
  const char = offset > 0 ? chars[offset - 1] : undefined;
  if (!char) {
    // A paragraph without text: after whatever was put at its end (a range's start).
    if (chars.length === 0) insertAtEnd(p, nodes);
    else insertAtStart(p, nodes);
    return;
  }
  const node = char.node;
  if (isW(node, 't') && char.at < (node.textContent ?? '').length - 1) splitT(node, char.at + 1);
  const run = char.run;
  if (node.parentNode === run && node.nextSibling) splitRunBefore(run, node.nextSibling);
  let after = run.nextSibling;
  for (const added of nodes) {
    run.parentNode?.insertBefore(added, after);
    after = added.nextSibling;
  }
}

/** The runs holding characters [start, end) as siblings of one parent, or undefined if they are not. */
export function runsCovering(p: Element, start: number, end: number): Element[] | undefined {
  insertBeforeChar(p, start, []);
  insertAfterChar(p, end, []);
  const { chars } = paragraphText(p);
  const runs: Element[] = [];
  for (let i = start; i < end; i++) {
    const run = (chars[i] as { run: Element }).run;
    if (runs[runs.length - 1] !== run) runs.push(run);
  }
  const parent = runs[0]?.parentNode;
  if (!parent || runs.some((r) => r.parentNode !== parent)) return undefined;
  // Only runs and range markup between them: a hyperlink or field in the middle is left alone.
  for (let at: Node | null = runs[0] as Element; at && at !== runs[runs.length - 1]; at = at.nextSibling) {
    if (at.nodeType === 1 && !isW(at, 'r') && !MARKUP.has((at as Element).localName ?? '')) return undefined;
  }
  return runs;
}

const MARKUP = new Set([
  'commentRangeStart',
  'commentRangeEnd',
  'bookmarkStart',
  'bookmarkEnd',
  'proofErr',
  'permStart',
  'permEnd',
]);

/** A run with the same attributes and formatting as `like` and no content. */
export function emptyRunLike(like: Element): Element {
  const run = like.cloneNode(false) as Element;
  const rPr = wChild(like, 'rPr');
  if (rPr) run.appendChild(rPr.cloneNode(true));
  return run;
}

function splitRunBefore(run: Element, child: Node): Element {
  const second = emptyRunLike(run);
  let at: Node | null = child;
  while (at) {
    const next: Node | null = at.nextSibling;
    second.appendChild(at);
    at = next;
  }
  run.parentNode?.insertBefore(second, run.nextSibling);
  return second;
}

/** Splits a w:t at `at`; returns the second half. Both keep their spaces (xml:space="preserve"). */
function splitT(t: Element, at: number): Element {
  const text = t.textContent ?? '';
  const second = createW(t, 't');
  setText(t, text.slice(0, at));
  setText(second, text.slice(at));
  t.parentNode?.insertBefore(second, t.nextSibling);
  return second;
}

export function setText(t: Element, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild);
  t.appendChild((t.ownerDocument as Document).createTextNode(text));
  t.setAttribute('xml:space', 'preserve');
}

function hasContentBefore(run: Element, node: Node): boolean {
  for (let at = run.firstChild; at && at !== node; at = at.nextSibling) {
    if (at.nodeType === 1 && !isW(at, 'rPr')) return true;
  }
  return false;
}

function insertAtStart(p: Element, nodes: Node[]): void {
  const pPr = wChild(p, 'pPr');
  const before = pPr ? pPr.nextSibling : p.firstChild;
  for (const added of nodes) p.insertBefore(added, before);
}

function insertAtEnd(p: Element, nodes: Node[]): void {
  for (const added of nodes) p.appendChild(added);
}
