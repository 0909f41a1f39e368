import type { Document, Element, Node } from '@xmldom/xmldom';
import { LoadError } from '../errors.js';

/** Deepest element nesting accepted in a part (real documents stay well under 100). */
export const MAX_XML_DEPTH = 256;

/** WordprocessingML namespaces, transitional and strict. */
export const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const ELEMENT_NODE = 1;

/**
 * What a part's text becomes: xmldom's full DOM (xmldom-tree.ts), which the review copy edits and
 * writes back, or the light DOM (light-dom.ts), which a lint reads in a third of the time. The
 * light DOM implements the part of the DOM that the loader and mammoth use and is typed as
 * xmldom's Document for them; code that needs more of the DOM must ask for xmldom's. Throws a
 * plain Error when the text is not well-formed XML. Passed in, so that a lint never loads xmldom.
 */
export type TreeParser = (text: string) => Document;

/**
 * Decodes and parses one part. DTDs are refused outright (entity expansion and external entities
 * are the classic XML attacks); every parser complaint is fatal so a malformed part cannot slip
 * through as a half-read tree.
 */
export function parseXml(bytes: Uint8Array, part: string, path: string, parse: TreeParser): Document {
  const text = decodeXml(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new LoadError(
      'hostile-xml',
      path,
      `${part} declares a DOCTYPE or entities, which Word never writes`,
    );
  }
  // The parser recurses per level: a part nested 100,000 deep would overflow its stack before the
  // depth check below could run. Count the nesting in one linear pass first.
  if (tagDepthExceeds(text, MAX_XML_DEPTH)) {
    throw new LoadError('hostile-xml', path, `${part} nests elements deeper than ${MAX_XML_DEPTH} levels`);
  }
  let doc: Document;
  try {
    doc = parse(text);
  } catch (error) {
    if (error instanceof RangeError)
      throw new LoadError('hostile-xml', path, `${part} is nested or repeated too deeply to read`);
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new LoadError('invalid-xml', path, `${part} is not well-formed XML (${detail})`);
  }
  if (!doc.documentElement) throw new LoadError('invalid-xml', path, `${part} has no root element`);
  if (depthOf(doc.documentElement) > MAX_XML_DEPTH) {
    throw new LoadError('hostile-xml', path, `${part} nests elements deeper than ${MAX_XML_DEPTH} levels`);
  }
  return doc;
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * Whether element nesting in the raw text goes past `limit`: each tag is read to its closing `>`
 * outside quotes; comments, processing instructions and CDATA are skipped. One pass, no tree.
 */
function tagDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let at = text.indexOf('<');
  while (at >= 0 && at < text.length) {
    const next = text.charCodeAt(at + 1);
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      at = end < 0 ? -1 : text.indexOf('<', end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      at = end < 0 ? -1 : text.indexOf('<', end + 3);
      continue;
    }
    // The end of the tag: the first '>' outside an attribute's quotes.
    let end = at + 1;
    let quote = 0;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
    }
    if (next === 47 /* / */) depth--;
    else if (next !== 63 /* ? */ && next !== 33 /* ! */ && text.charCodeAt(end - 1) !== 47) {
      depth++;
      if (depth > limit) return true;
    }
    at = text.indexOf('<', end + 1);
  }
  return false;
}

/**
 * Iterative so a hostile part cannot overflow the stack here, and without a list of pending
 * nodes: a walk down first children and along siblings, back up through parents (a large body
 * has 100,000 elements; a stack entry per element took a tenth of its parse).
 */
function depthOf(root: Element): number {
  let max = 1;
  let depth = 1;
  let node: Node = root;
  for (;;) {
    const child = firstElementChild(node);
    if (child) {
      node = child;
      depth++;
      if (depth > max) max = depth;
      if (max > MAX_XML_DEPTH) return max;
      continue;
    }
    // No element below: the next element sibling here or of the nearest ancestor that has one.
    for (;;) {
      if (node === root) return max;
      const sibling = nextElementSibling(node);
      if (sibling) {
        node = sibling;
        break;
      }
      node = node.parentNode as Node;
      depth--;
    }
  }
}

function firstElementChild(node: Node): Node | null {
  let child = node.firstChild;
  while (child && child.nodeType !== ELEMENT_NODE) child = child.nextSibling;
  return child;
}

function nextElementSibling(node: Node): Node | null {
  let sibling = node.nextSibling;
  while (sibling && sibling.nodeType !== ELEMENT_NODE) sibling = sibling.nextSibling;
  return sibling;
}

export function isW(node: Node | null | undefined, localName: string): node is Element {
  return (
    !!node &&
    node.nodeType === ELEMENT_NODE &&
    node.localName === localName &&
    W_NAMESPACES.has(node.namespaceURI ?? '')
  );
}

export function isMc(node: Node | null | undefined, localName: string): node is Element {
  return (
    !!node &&
    node.nodeType === ELEMENT_NODE &&
    node.localName === localName &&
    node.namespaceURI === MC_NAMESPACE
  );
}

/** Element children with the given w: local name. */
export function wChildren(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (isW(child, localName)) out.push(child);
  }
  return out;
}

export function wChild(el: Element | undefined, localName: string): Element | undefined {
  if (!el) return undefined;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (isW(child, localName)) return child;
  }
  return undefined;
}

/** A w:-namespaced attribute (w:val, w:id...), whichever WordprocessingML flavour the part uses. */
export function wAttr(el: Element | undefined, localName: string): string | undefined {
  if (!el) return undefined;
  for (const ns of W_NAMESPACES) {
    const value = el.getAttributeNS(ns, localName);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

/**
 * All w: descendants with the given local name, in document order. A plain walk of the tree for
 * both WordprocessingML flavours (a large body has 100,000 elements): xmldom's
 * getElementsByTagNameNS builds a live list through a recursive visit with a callback per node,
 * about twice the time.
 */
export function wDescendants(root: Element | Document, localName: string): Element[] {
  return wDescendantsNamed(root, [localName]).get(localName) ?? [];
}

/**
 * wDescendants for several local names in one walk (a walk of a large body is 100,000 nodes):
 * each name's elements in document order.
 */
export function wDescendantsNamed<N extends string>(
  root: Element | Document,
  names: readonly N[],
): Map<N, Element[]> {
  const out = new Map<N, Element[]>(names.map((name) => [name, []]));
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE && W_NAMESPACES.has(node.namespaceURI ?? '')) {
      out.get(node.localName as N)?.push(node as Element);
    }
    node = nextInDocumentOrder(node, root);
  }
  return out;
}

/** The node after `node` in a pre-order walk of `root`'s descendants, or null at the end. */
function nextInDocumentOrder(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  let at: Node | null = node;
  while (at && at !== root) {
    if (at.nextSibling) return at.nextSibling;
    at = at.parentNode;
  }
  return null;
}

/** Elements of any namespace with this local name, in document order (as getElementsByTagNameNS('*', name)). */
export function descendantsNamed(root: Element | Document, localName: string): Element[] {
  const out: Element[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE && node.localName === localName) out.push(node as Element);
    node = nextInDocumentOrder(node, root);
  }
  return out;
}

/** Creates a w: element in the same namespace and prefix as `like`. */
export function createW(like: Element, localName: string): Element {
  const doc = like.ownerDocument as Document;
  const prefix = like.prefix ? `${like.prefix}:` : '';
  return doc.createElementNS(like.namespaceURI, `${prefix}${localName}`);
}

export function setWAttr(el: Element, localName: string, value: string): void {
  const prefix = el.prefix ? `${el.prefix}:` : '';
  el.setAttributeNS(el.namespaceURI, `${prefix}${localName}`, value);
}

/** Concatenated w:t text of an element (for comments). */
export function wText(root: Element): string {
  return wDescendants(root, 't')
    .map((t) => t.textContent ?? '')
    .join('');
}
