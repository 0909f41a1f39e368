import type { Element, Node } from '@xmldom/xmldom';
import { isW } from '../load/docx/xml.js';

/**
 * The characters a Word paragraph shows, each tied to the run child that holds it, so a text
 * offset can be turned back into a place in the XML. Only the paragraph's own runs count: text
 * boxes nest whole paragraphs of their own, and deleted text (w:delText) shows nothing.
 */
export interface WordChar {
  /** The w:t, w:tab, w:br… element that shows this character. */
  node: Element;
  /** Offset inside a w:t's text (0 for the one-character elements). */
  at: number;
  /** The run holding `node`. */
  run: Element;
}

export interface ParagraphText {
  text: string;
  chars: WordChar[];
}

const ONE_CHAR: Record<string, string> = { tab: '\t', br: '\n', cr: '\n', noBreakHyphen: '-' };
const ELEMENT_NODE = 1;

export function paragraphText(p: Element): ParagraphText {
  const chars: WordChar[] = [];
  let text = '';
  const visit = (node: Node, run: Element | undefined) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      // A nested paragraph (text box) is a Word paragraph of its own.
      if (isW(child, 'p')) continue;
      const el = child as Element;
      if (run && isW(child, 't')) {
        const value = el.textContent ?? '';
        for (let i = 0; i < value.length; i++) chars.push({ node: el, at: i, run });
        text += value;
        continue;
      }
      const single = run && el.parentNode === run ? oneChar(el) : undefined;
      if (run && single !== undefined) {
        chars.push({ node: el, at: 0, run });
        text += single;
        continue;
      }
      visit(el, isW(el, 'r') ? el : run);
    }
  };
  visit(p, undefined);
  return { text, chars };
}

function oneChar(el: Element): string | undefined {
  for (const [name, value] of Object.entries(ONE_CHAR)) if (isW(el, name)) return value;
  return undefined;
}
