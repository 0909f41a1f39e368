import type { ElementContent, Element as HastElement, Root as HastRoot, Text as HastText } from 'hast';
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';

/**
 * hast → mdast as rehype-remark does it (hast-util-to-mdast after hast-util-minify-whitespace),
 * but straight, for the blocks that make up most of a Word agreement: paragraphs and headings
 * holding text, bold, italic, underline, strike-through, links, spans, superscripts, subscripts
 * and line breaks. Each of those steps below is the library's own, restricted to these nodes:
 * the whitespace minification (minifyBlock), the handlers (convert) and the final clean-up of
 * text nodes (cleanTexts). Any other block — a list, a table, a paragraph holding anything else —
 * goes through `convertWhole` (rehype-remark), with the other blocks next to it: at the top level
 * every block is minified and converted on its own, so the result is the same. A top level holding anything but
 * blocks goes whole. rehype-remark's generic machinery (a clone of the tree, object copies per
 * node, a visit for element ids) took most of the time of writing a Word agreement's Markdown.
 *
 * The hast is changed in place (as the library changes its clone): the caller made it for this.
 */
export function directMdast(hast: HastRoot, convertWhole: (root: HastRoot) => Root): Root {
  if (!hast.children.every((child) => child.type === 'element' && TOP_LEVEL_BLOCKS.has(child.tagName)))
    return convertWhole(hast);
  const children: RootContent[] = [];
  // Consecutive blocks for rehype-remark go in one call (each call has its fixed costs).
  let others: HastElement[] = [];
  const flush = () => {
    if (others.length > 0) children.push(...convertWhole({ type: 'root', children: others }).children);
    others = [];
  };
  for (const block of hast.children as HastElement[]) {
    if ((HEADINGS.has(block.tagName) || block.tagName === 'p') && block.children.every(supported)) {
      flush();
      const converted = convertBlock(block);
      if (converted) children.push(converted);
    } else others.push(block);
  }
  flush();
  return { type: 'root', children };
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TOP_LEVEL_BLOCKS = new Set([...HEADINGS, 'p', 'ul', 'ol', 'dl', 'table']);
/** Inline elements whose content is converted as is (hast-util-to-mdast's `all`). */
const TRANSPARENT = new Set(['span', 'sup', 'sub']);
const MARKS: Record<string, 'strong' | 'emphasis' | 'delete'> = {
  strong: 'strong',
  em: 'emphasis',
  u: 'emphasis',
  s: 'delete',
};

/** Text, or an inline element of the list above whose content is all supported. */
function supported(node: ElementContent): boolean {
  if (node.type === 'text') return true;
  if (node.type !== 'element') return false;
  if (node.tagName === 'br') return node.children.length === 0;
  if (node.tagName === 'a') {
    // A title would be collapsed first; mammoth writes none (nor direct-hast.ts lets one through).
    if ('title' in node.properties) return false;
  } else if (!(node.tagName in MARKS || TRANSPARENT.has(node.tagName))) return false;
  return node.children.every(supported);
}

function convertBlock(block: HastElement): Paragraph | Heading | undefined {
  minifyBlock(block);
  const children = dropSurroundingBreaks(convertAll(block.children));
  if (block.tagName === 'p') {
    // hast-util-to-mdast drops a paragraph left empty.
    if (children.length === 0) return undefined;
    const paragraph: Paragraph = { type: 'paragraph', children };
    cleanTexts(paragraph);
    return paragraph;
  }
  const depth = Number(block.tagName.charAt(1)) as Heading['depth'];
  const heading: Heading = { type: 'heading', depth, children };
  cleanTexts(heading);
  return heading;
}

// --- hast-util-minify-whitespace, for a block of text and inline elements (whitespace "normal")

interface MinifyState {
  before: boolean;
  after: boolean;
}

interface MinifyResult {
  stripAtStart: boolean;
  remove: boolean;
}

/** A block element: its edges strip whitespace (`minify` for a blocklike node). */
function minifyBlock(block: HastElement): void {
  minifyAll(block, { before: true, after: true });
}

/** `br` is the one block-like element a paragraph can hold here. */
const isBreak = (node: ElementContent): boolean => node.type === 'element' && node.tagName === 'br';

function minifyNode(node: ElementContent, state: MinifyState): MinifyResult {
  if (node.type === 'element') {
    return minifyAll(node, isBreak(node) ? { before: true, after: true } : state);
  }
  return minifyText(node as HastText, state);
}

function minifyText(node: HastText, state: MinifyState): MinifyResult {
  const value = node.value.replace(/[\t\n\v\f\r ]+/g, ' ');
  const result = { stripAtStart: false, remove: false };
  let start = 0;
  let end = value.length;
  if (state.before && removable(value.charAt(0))) start++;
  if (start !== end && removable(value.charAt(end - 1))) {
    if (state.after) end--;
    else result.stripAtStart = true;
  }
  if (start === end) result.remove = true;
  else node.value = value.slice(start, end);
  return result;
}

function minifyAll(parent: HastElement, state: MinifyState): MinifyResult {
  let before = state.before;
  const after = state.after;
  const children = parent.children;
  let length = children.length;
  let index = -1;
  while (++index < length) {
    const result = minifyNode(children[index] as ElementContent, {
      before,
      after: collapsableAfter(children, index, after),
    });
    if (result.remove) {
      children.splice(index, 1);
      index--;
      length--;
    } else before = result.stripAtStart;
  }
  return { stripAtStart: before || after, remove: false };
}

/** Whether whitespace at the end of nodes[index] can go: what comes next decides, else `after`. */
function collapsableAfter(nodes: ElementContent[], index: number, after: boolean): boolean {
  return boundaryAfter(nodes, index) ?? after;
}

/** A break after nodes[index] (true), text (false), or neither in these nodes (undefined). */
function boundaryAfter(nodes: ElementContent[], index: number): boolean | undefined {
  while (++index < nodes.length) {
    const node = nodes[index] as ElementContent;
    let result: boolean | undefined;
    if (node.type === 'element') result = isBreak(node) ? true : boundaryAfter(node.children, -1);
    else if (node.type === 'text' && !/^[ \t\n\f\r]*$/.test(node.value)) result = false;
    if (result !== undefined) return result;
  }
  return undefined;
}

function removable(character: string): boolean {
  return character === ' ' || character === '\n';
}

// --- hast-util-to-mdast's handlers for these nodes

function convertAll(nodes: ElementContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ type: 'text', value: node.value });
      continue;
    }
    if (node.type !== 'element') continue;
    const tag = node.tagName;
    if (tag === 'br') out.push({ type: 'break' });
    else if (tag === 'a') {
      const href = (node.properties as { href?: unknown }).href;
      out.push({ type: 'link', url: String(href || ''), title: null, children: convertAll(node.children) });
    } else if (tag in MARKS) {
      out.push({ type: MARKS[tag] as 'strong', children: convertAll(node.children) });
    } else out.push(...convertAll(node.children));
  }
  return out;
}

function dropSurroundingBreaks(nodes: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && nodes[start]?.type === 'break') start++;
  while (end > start && nodes[end - 1]?.type === 'break') end--;
  return start === 0 && end === nodes.length ? nodes : nodes.slice(start, end);
}

// --- hast-util-to-mdast's last pass: adjacent texts merged, line ends and block edges trimmed

type Parent = { type: string; children: PhrasingContent[] };

function cleanTexts(parent: Parent): void {
  const children = parent.children;
  const edges = parent.type === 'paragraph' || parent.type === 'heading';
  let index = 0;
  while (index < children.length) {
    const node = children[index] as PhrasingContent;
    if (node.type !== 'text') {
      if ('children' in node) cleanTexts(node as Parent);
      index++;
      continue;
    }
    const previous = children[index - 1];
    if (previous?.type === 'text') {
      previous.value += node.value;
      children.splice(index, 1);
      index--;
      continue;
    }
    node.value = node.value.replace(/[\t ]*(\r?\n|\r)[\t ]*/, '$1');
    if (edges) {
      if (index === 0) node.value = node.value.replace(/^[\t ]+/, '');
      if (index === children.length - 1) node.value = node.value.replace(/[\t ]+$/, '');
    }
    if (!node.value) {
      children.splice(index, 1);
      continue;
    }
    index++;
  }
}
