import type { Document, Element } from '@xmldom/xmldom';
import { REVIEW_AUTHOR, revertReviewRevisions } from '../load/docx/review-author.js';
import { isW, wAttr, wDescendants } from '../load/docx/xml.js';

/**
 * Takes out what an earlier run of contract-lint wrote into this document — its comments with
 * their ranges and references, its tracked changes — so annotating a review copy again gives
 * one comment per finding, not two. Everything by anyone else stays. Returns how many comments
 * were removed.
 */
export function removePreviousReview(document: Document, comments: Document | undefined): number {
  revertReviewRevisions(document);
  if (!comments) return 0;
  const ids = new Set<string>();
  for (const comment of wDescendants(comments, 'comment')) {
    const id = wAttr(comment, 'id');
    if (id === undefined || wAttr(comment, 'author') !== REVIEW_AUTHOR) continue;
    ids.add(id);
    comment.parentNode?.removeChild(comment);
  }
  if (ids.size === 0) return 0;
  for (const name of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) {
    for (const el of wDescendants(document, name)) {
      if (!ids.has(wAttr(el, 'id') ?? '')) continue;
      const run = el.parentNode;
      el.parentNode?.removeChild(el);
      // The run that only carried the reference mark goes too.
      if (isW(run, 'r') && onlyFormatting(run)) run.parentNode?.removeChild(run);
    }
  }
  return ids.size;
}

function onlyFormatting(run: Element): boolean {
  for (let child = run.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && !isW(child, 'rPr')) return false;
  }
  return true;
}
