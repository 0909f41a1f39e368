import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import mammoth from 'mammoth';
import type { Nodes, Root, Text } from 'mdast';
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { directHast } from './direct-hast.js';
import { directMdast } from './direct-mdast.js';
import type { MammothPackage } from './handover.js';
import { CAPTURE_FORMAT, type HtmlElement, installTreeWriter, toHtml } from './html-capture.js';
import { relaxEscapes } from './relax-escapes.js';

/**
 * Word (already rewritten, handed over as parsed parts) → Markdown: mammoth gives an HTML tree, rehype/remark turn
 * it into Markdown a person can read. Images and empty anchors are dropped: they are not clause text.
 */

/**
 * remark-stringify's text handler, with the escaping step shown only the unsafe patterns whose
 * character occurs in the text or the characters around it. A pattern matches at its character,
 * so the others can never match: the output is the same, and the step does not run some forty
 * regular expressions over every paragraph of a Word agreement (most of what writing its
 * Markdown cost).
 */
export const textHandler: Handle = (node, parent, state, info) => {
  const all = state.unsafe;
  const seen = charactersIn(info.before, (node as Text).value, info.after);
  state.unsafe = all.filter((pattern) => {
    const code = pattern.character.length === 1 ? pattern.character.charCodeAt(0) : ASCII;
    return code < ASCII
      ? seen[code] === stamp
      : `${info.before}${(node as Text).value}${info.after}`.includes(pattern.character);
  });
  try {
    return defaultHandlers.text(node as Text, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

/**
 * The ASCII characters in the given texts, marked with the current stamp (one pass over the text,
 * rather than a search of it per pattern; the patterns' characters are all ASCII).
 */
const ASCII = 128;
const seenAt = new Uint32Array(ASCII);
let stamp = 0;

function charactersIn(...texts: string[]): Uint32Array {
  if (stamp === 0xffffffff) {
    seenAt.fill(0);
    stamp = 0;
  }
  stamp++;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < ASCII) seenAt[code] = stamp;
    }
  }
  return seenAt;
}

export const stringifyOptions: StringifyOptions = {
  handlers: { text: textHandler },
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  incrementListMarker: true,
};

const hastToMarkdown = unified()
  .use(rehypeRemark)
  // Unaligned tables: padding every cell to the widest one makes long clauses unreadable.
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, stringifyOptions);

/** The parts, as handed over (handover.ts), to Markdown. */
export async function docxToMarkdown(file: MammothPackage): Promise<string> {
  const tree = await docxToHtmlTree({ file });
  return hastToMarkdownText(directHast(tree) ?? (await parseHtml(toHtml(tree))));
}

/** What mammoth reads: a package already opened (its typings list only path and buffer), or a file's bytes. */
export type MammothInput = { file: MammothPackage } | { buffer: Buffer };

const converterOptions = {
  // Never read image data: the package holds no media, and images are not clause text.
  convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  // Word's Title and Subtitle styles are the agreement's name: headings in the text view, so
  // the model finds the title the way it does in Markdown.
  styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
};

/** A Word package to mammoth's HTML tree (html-capture.ts), before it is written as HTML. */
export async function docxToHtmlTree(input: MammothInput): Promise<HtmlElement> {
  installTreeWriter();
  const options = { ...converterOptions, outputFormat: CAPTURE_FORMAT };
  const result = await mammoth.convertToHtml(input as Parameters<typeof mammoth.convertToHtml>[0], options);
  return result.value as unknown as HtmlElement;
}

/** The HTML mammoth writes itself, with the same options (what the text view used to parse). */
export async function docxToHtml(input: MammothInput): Promise<string> {
  return (await mammoth.convertToHtml(input as Parameters<typeof mammoth.convertToHtml>[0], converterOptions))
    .value;
}

/** HTML the direct conversion does not take, read as before; the parser loads only when needed. */
export async function parseHtml(html: string): Promise<HastRoot> {
  const { default: rehypeParse } = await import('rehype-parse');
  return unified().use(rehypeParse, { fragment: true }).parse(html);
}

function hastToMarkdownText(hast: HastRoot): string {
  dropImages(hast);
  flattenCells(hast, false);
  const mdast = directMdast(hast, (root) => hastToMarkdown.runSync(root) as Root);
  unwrapEmptyLinks(mdast);
  hoistAttentionWhitespace(mdast);
  dropEmptyHeaderRows(mdast);
  const markdown = hastToMarkdown.stringify(mdast);
  return relaxEscapes(markdown);
}

function dropImages(node: HastNodes): void {
  if (!('children' in node)) return;
  const parent = node as { children: HastNodes[] };
  parent.children = parent.children.filter((child) => !(child.type === 'element' && child.tagName === 'img'));
  for (const child of parent.children) dropImages(child);
}

const CELL_CONTAINERS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'ol', 'li']);

/**
 * A Markdown table cell is one line: nested tables and lists inside a Word cell would be
 * serialised as "&#xA;" soup, so unwrap them to their paragraphs (which then read as a run of text).
 */
function flattenCells(node: HastNodes, inCell: boolean): void {
  if (!('children' in node)) return;
  const parent = node as { children: HastNodes[] };
  const out: HastNodes[] = [];
  for (const child of parent.children) {
    const isCell = child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th');
    flattenCells(child, inCell || isCell);
    if (inCell && child.type === 'element' && CELL_CONTAINERS.has(child.tagName)) out.push(...child.children);
    else out.push(child);
  }
  parent.children = out;
}

/**
 * Word often makes the space next to a bold word bold too. "**Period **and" is not valid
 * emphasis, so remark-stringify would write "**Period&#x20;**&#x61;nd"; moving the space outside
 * gives "**Period** and".
 */
function hoistAttentionWhitespace(node: Nodes): void {
  if (!('children' in node)) return;
  const out: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    hoistAttentionWhitespace(child);
    if (child.type !== 'strong' && child.type !== 'emphasis' && child.type !== 'delete') {
      out.push(child);
      continue;
    }
    const first = child.children[0];
    const lead = first?.type === 'text' ? (/^\s+/.exec(first.value)?.[0] ?? '') : '';
    if (first?.type === 'text' && lead) first.value = first.value.slice(lead.length);
    const last = child.children[child.children.length - 1];
    const trail = last?.type === 'text' ? (/\s+$/.exec(last.value)?.[0] ?? '') : '';
    if (last?.type === 'text' && trail) last.value = last.value.slice(0, last.value.length - trail.length);
    child.children = child.children.filter(
      (c) => c.type !== 'text' || c.value !== '',
    ) as typeof child.children;
    if (lead) out.push({ type: 'text', value: lead });
    if (child.children.length > 0) out.push(child);
    if (trail) out.push({ type: 'text', value: trail });
  }
  (node as { children: Nodes[] }).children = out;
}

/**
 * Word tables rarely mark a header row, so the HTML converter invents an empty one; drop it and
 * let the first real row head the Markdown table.
 */
function dropEmptyHeaderRows(node: Nodes): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) dropEmptyHeaderRows(child);
  if (node.type !== 'table' || node.children.length < 2) return;
  const header = node.children[0];
  const empty = header?.children.every((cell) =>
    cell.children.every((c) => c.type === 'text' && !c.value.trim()),
  );
  if (empty) node.children.shift();
}

/** Bookmark anchors (<a id>) and links without a target carry no meaning in text. */
function unwrapEmptyLinks(node: Nodes): void {
  if (!('children' in node)) return;
  const out: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    unwrapEmptyLinks(child);
    if (child.type === 'link' && !child.url) out.push(...(child.children as Nodes[]));
    else out.push(child);
  }
  (node as { children: Nodes[] }).children = out;
}
