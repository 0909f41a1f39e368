import type { Document } from '@xmldom/xmldom';
import { createW, wAttr, wDescendants, wDescendantsNamed } from './xml.js';

/**
 * The author name contract-lint writes on the comments and tracked changes of a review copy
 * (see engine/review). The loader recognises them: they are not clause text and not suppressions.
 */
export const REVIEW_AUTHOR = 'contract-lint';
export const REVIEW_INITIALS = 'CL';

/**
 * Undoes contract-lint's own tracked changes before the text view is made: its insertions are
 * proposals, not clause text yet, and the words it proposes to delete are still there. So a
 * review copy lints like the original until a person accepts the changes in Word.
 */
export function revertReviewRevisions(doc: Document): void {
  // One walk for both; a deletion inside a removed insertion is then unwrapped where it went (out
  // of the document), which changes nothing.
  const found = wDescendantsNamed(doc, ['ins', 'del']);
  for (const ins of found.get('ins') ?? []) {
    if (wAttr(ins, 'author') === REVIEW_AUTHOR) ins.parentNode?.removeChild(ins);
  }
  for (const del of found.get('del') ?? []) {
    if (wAttr(del, 'author') !== REVIEW_AUTHOR || !del.parentNode) continue;
    for (const old of wDescendants(del, 'delText')) {
      const t = createW(old, 't');
      for (let i = 0; i < old.attributes.length; i++) {
        // By index: xmldom's attribute map and the light DOM's attribute list both allow it.
        const attr = old.attributes[i];
        if (attr) t.setAttribute(attr.name, attr.value);
      }
      while (old.firstChild) t.appendChild(old.firstChild);
      old.parentNode?.replaceChild(t, old);
    }
    while (del.firstChild) del.parentNode.insertBefore(del.firstChild, del);
    del.parentNode.removeChild(del);
  }
}
