import type { Document, Element, Node } from '@xmldom/xmldom';
import type { WordComment } from '../../model/types.js';
import { markerFor } from './markers.js';
import { NumberingCounter, type NumberingModel, type ParagraphNumber, paragraphNumPr } from './numbering.js';
import { REVIEW_AUTHOR } from './review-author.js';
import {
  createW,
  isMc,
  isW,
  setWAttr,
  wAttr,
  wChild,
  wChildren,
  wDescendants,
  wDescendantsNamed,
  wText,
} from './xml.js';

/**
 * Rewrites document.xml before mammoth sees it: every body paragraph gets an invisible index
 * marker (so we can map the Markdown back to Word paragraphs), and every auto-numbered paragraph
 * gets its reconstructed label as literal text with its numbering switched off (mammoth would
 * otherwise turn it into an <ol> and lose the number).
 */
export interface PreparedBody {
  /** Body paragraphs in document order; index i is Word paragraph i + 1. */
  paragraphs: Element[];
  numbers: Map<number, ParagraphNumber>;
}

export function bodyParagraphs(doc: Document): Element[] {
  // w:body is a child of w:document; a walk of the whole part finds it anywhere else.
  const body = wChild(doc.documentElement ?? undefined, 'body') ?? wDescendants(doc, 'body')[0];
  return body ? wDescendants(body, 'p') : [];
}

export function prepareBody(doc: Document, model: NumberingModel): PreparedBody {
  const paragraphs = bodyParagraphs(doc);
  const counter = new NumberingCounter(model);
  const numbers = new Map<number, ParagraphNumber>();
  paragraphs.forEach((p, i) => {
    const index = i + 1;
    // mammoth renders mc:Fallback, never mc:Choice, so Choice copies must not advance counters.
    if (!insideMcChoice(p)) {
      const numPr = sectionBreakOnly(p) ? undefined : paragraphNumPr(p, model);
      const number = numPr ? counter.next(numPr.numId, numPr.ilvl) : undefined;
      if (number) {
        numbers.set(index, number);
        // Bullets stay as Word lists (mammoth renders them as list items); numbers become text.
        if (!number.bullet) {
          switchOffNumbering(p);
          if (number.label) insertFirstRun(p, number.label + (number.separator || ''));
        }
      } else if (numPr) {
        // Numbering that points nowhere: Word shows nothing, so neither should mammoth.
        switchOffNumbering(p);
      }
    }
    appendRun(p, markerFor(index));
  });
  return { paragraphs, numbers };
}

/**
 * An empty paragraph that only carries a section break (w:pPr/w:sectPr). Word files exported with
 * such paragraphs styled as headings would otherwise shift every later number by one; the
 * documents' own cross-references and LibreOffice agree these paragraphs take no number.
 */
function sectionBreakOnly(p: Element): boolean {
  return wChild(wChild(p, 'pPr'), 'sectPr') !== undefined && wText(p).trim() === '';
}

function insideMcChoice(node: Node): boolean {
  for (let at = node.parentNode; at; at = at.parentNode) {
    if (isMc(at, 'Choice')) return true;
  }
  return false;
}

/** numId 0 with an explicit ilvl: mammoth falls back to the style's numbering when ilvl is missing. */
function switchOffNumbering(p: Element): void {
  const pPr = ensurePPr(p);
  for (const old of wChildren(pPr, 'numPr')) pPr.removeChild(old);
  const numPr = createW(p, 'numPr');
  const ilvl = createW(p, 'ilvl');
  setWAttr(ilvl, 'val', '0');
  const numId = createW(p, 'numId');
  setWAttr(numId, 'val', '0');
  numPr.appendChild(ilvl);
  numPr.appendChild(numId);
  const pStyle = wChild(pPr, 'pStyle');
  pPr.insertBefore(numPr, pStyle ? pStyle.nextSibling : pPr.firstChild);
}

function ensurePPr(p: Element): Element {
  const existing = wChild(p, 'pPr');
  if (existing) return existing;
  const pPr = createW(p, 'pPr');
  p.insertBefore(pPr, p.firstChild);
  return pPr;
}

function makeRun(p: Element, text: string): Element {
  const run = createW(p, 'r');
  const t = createW(p, 't');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild((p.ownerDocument as Document).createTextNode(text));
  run.appendChild(t);
  return run;
}

function insertFirstRun(p: Element, text: string): void {
  const pPr = wChild(p, 'pPr');
  p.insertBefore(makeRun(p, text), pPr ? pPr.nextSibling : p.firstChild);
}

function appendRun(p: Element, text: string): void {
  p.appendChild(makeRun(p, text));
}

/**
 * Comments with the paragraphs they cover: from the paragraph holding w:commentRangeStart to the
 * one holding w:commentRangeEnd, or the paragraph of the w:commentReference when no range exists.
 * Anchors between paragraphs (in a table row, say) snap forward for starts and back for ends.
 */
export function readComments(comments: Document | undefined, paragraphs: Element[]): WordComment[] {
  if (!comments) return [];
  const indexOf = new Map<Element, number>();
  paragraphs.forEach((p, i) => {
    indexOf.set(p, i + 1);
  });
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  const refs = new Map<string, number>();
  const root = paragraphs[0]?.ownerDocument;
  if (root) {
    const found = wDescendantsNamed(root, ['commentRangeStart', 'commentRangeEnd', 'commentReference']);
    for (const [name, target, forward] of [
      ['commentRangeStart', starts, true],
      ['commentRangeEnd', ends, false],
      ['commentReference', refs, false],
    ] as const) {
      for (const el of found.get(name) ?? []) {
        const id = wAttr(el, 'id');
        const index = id === undefined ? undefined : anchorParagraph(el, indexOf, paragraphs, forward);
        if (id !== undefined && index !== undefined && !target.has(id)) target.set(id, index);
      }
    }
  }
  const out: WordComment[] = [];
  for (const comment of wDescendants(comments, 'comment')) {
    const id = wAttr(comment, 'id');
    // contract-lint's own review comments report findings; they never suppress one.
    if (id === undefined || wAttr(comment, 'author') === REVIEW_AUTHOR) continue;
    const text = wChildren(comment, 'p')
      .map((p) => wText(p))
      .join('\n')
      .trim();
    const from = starts.get(id) ?? refs.get(id);
    const to = ends.get(id) ?? refs.get(id) ?? from;
    const covered: number[] = [];
    if (from !== undefined && to !== undefined) {
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) covered.push(i);
    }
    const entry: WordComment = { id, text, wordParagraphs: covered };
    const author = wAttr(comment, 'author');
    if (author) entry.author = author;
    out.push(entry);
  }
  return out;
}

function anchorParagraph(
  el: Element,
  indexOf: Map<Element, number>,
  paragraphs: Element[],
  forward: boolean,
): number | undefined {
  for (let at = el.parentNode; at; at = at.parentNode) {
    if (isW(at, 'p')) return indexOf.get(at);
  }
  // Outside any paragraph: compare document positions with the paragraphs around it.
  const position = (node: Node) => el.compareDocumentPosition(node);
  const FOLLOWING = 4;
  if (forward) {
    const next = paragraphs.findIndex((p) => (position(p) & FOLLOWING) !== 0);
    return next >= 0 ? next + 1 : paragraphs.length || undefined;
  }
  let last: number | undefined;
  paragraphs.forEach((p, i) => {
    if ((position(p) & FOLLOWING) === 0) last = i + 1;
  });
  return last ?? (paragraphs.length > 0 ? 1 : undefined);
}
