import type { List, ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Block, BlockKind, LoadedDocument, OffsetSegment, Range } from '../model/types.js';
import { detached } from '../text/memo.js';
import { parseAroundPlainParagraphs } from './markdown-plain.js';
import { type AgreementSyntax, remarkAgreementSyntax, syntaxNeededBy } from './markdown-syntax.js';

/** One frozen processor per combination of extensions, made on first use. */
const parsers = new Map<string, ReturnType<typeof makeParser>>();

function makeParser(syntax: AgreementSyntax) {
  return unified().use(remarkParse).use(remarkAgreementSyntax, syntax).freeze();
}

/**
 * Parses Markdown and returns its mdast (positions are offsets into `text`). Plain prose
 * paragraphs are built directly; the rest goes through remark (see markdown-plain.ts).
 */
export function parseMarkdown(text: string): Root {
  return parseAroundPlainParagraphs(text, parseWithRemark) ?? parseWithRemark(text);
}

/** Parses Markdown with remark, with the extensions the text can use. */
export function parseWithRemark(text: string): Root {
  const syntax = syntaxNeededBy(text);
  const key = `${+syntax.table}${+syntax.strikethrough}${+syntax.footnote}`;
  let parser = parsers.get(key);
  if (!parser) {
    parser = makeParser(syntax);
    parsers.set(key, parser);
  }
  return parser.parse(text);
}

/** Loads a Markdown agreement: the text view is the file's text itself. */
export function loadMarkdown(text: string, path: string): LoadedDocument {
  return { path, format: 'markdown', textView: text, blocks: markdownBlocks(text) };
}

/** Turns Markdown text into the blocks the model is built from. */
export function markdownBlocks(text: string, tree: Root = parseMarkdown(text)): Block[] {
  const blocks: Block[] = [];
  collect(tree.children, text, blocks, { listDepth: -1 });
  return blocks;
}

/** The blocks of one top-level node (offsets into `source`, the text the node was parsed from). */
export function blocksOfTopLevelNode(node: RootContent, source: string): Block[] {
  const blocks: Block[] = [];
  collect([node], source, blocks, { listDepth: -1 });
  return blocks;
}

interface Context {
  listDepth: number;
}

function collect(nodes: RootContent[], source: string, out: Block[], ctx: Context): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const block = inlineBlock('heading', node.children, node, source);
        if (block) out.push({ ...block, headingDepth: node.depth });
        break;
      }
      case 'paragraph': {
        const block = inlineBlock('paragraph', node.children, node, source);
        if (block) out.push(block);
        break;
      }
      case 'list':
        collectList(node, source, out, ctx);
        break;
      case 'blockquote':
        collect(node.children, source, out, ctx);
        break;
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            const block = inlineBlock('tableCell', cell.children, cell, source);
            if (block) out.push(block);
          }
        }
        break;
      default:
        // code, html, thematic breaks, definitions of link references: not clause text.
        break;
    }
  }
}

function collectList(list: List, source: string, out: Block[], ctx: Context): void {
  const depth = ctx.listDepth + 1;
  const start = list.start ?? 1;
  list.children.forEach((item: ListItem, index) => {
    let first = true;
    for (const child of item.children) {
      if (child.type === 'paragraph' || child.type === 'heading') {
        const block = inlineBlock(first ? 'listItem' : 'paragraph', child.children, child, source);
        if (block) {
          block.listDepth = depth;
          if (first && list.ordered) block.listOrdinal = String(start + index);
          if (child.type === 'heading') block.headingDepth = child.depth;
          out.push(block);
          first = false;
        }
      } else if (child.type === 'list') {
        collectList(child, source, out, { listDepth: depth });
      } else {
        collect([child], source, out, { listDepth: depth });
      }
    }
  });
}

/** Flattens inline content into plain text with segments pointing back into the source. */
function inlineBlock(
  kind: BlockKind,
  children: PhrasingContent[],
  node: Nodes,
  source: string,
): Block | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const state: FlattenState = { text: '', segments: [], strong: [] };
  flatten(children, source, state, false);
  // Blocks outlive their document version (the editor's incremental parse and memos): a copy
  // holds the paragraph, not the whole file it was sliced from.
  const text = detached(state.text);
  if (text.trim() === '') return null;
  return { kind, text, range: { start, end }, segments: state.segments, strong: state.strong };
}

interface FlattenState {
  text: string;
  segments: OffsetSegment[];
  strong: Range[];
}

function flatten(children: PhrasingContent[], source: string, state: FlattenState, inStrong: boolean): void {
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'inlineCode':
        appendValue(child.value, child, source, state);
        break;
      case 'break':
        appendValue(' ', child, source, state, true);
        break;
      case 'strong': {
        const from = state.text.length;
        flatten(child.children, source, state, true);
        if (!inStrong && state.text.length > from) state.strong.push({ start: from, end: state.text.length });
        break;
      }
      case 'emphasis':
      case 'delete':
      case 'link':
      case 'linkReference':
        flatten(child.children, source, state, inStrong);
        break;
      default:
        // html spans, images, footnote references: markup, not words.
        break;
    }
  }
}

function appendValue(
  value: string,
  node: Nodes,
  source: string,
  state: FlattenState,
  synthetic = false,
): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const plainStart = state.text.length;
  state.text += value;
  if (start === undefined || end === undefined || value.length === 0) return;
  if (synthetic) {
    state.segments.push({ plain: plainStart, view: start, length: 0 });
    return;
  }
  const slice = source.slice(start, end);
  if (slice === value) {
    state.segments.push({ plain: plainStart, view: start, length: value.length });
    return;
  }
  alignSegments(value, slice, plainStart, start, state.segments);
}

/**
 * The source differs from the value (backslash escapes, entities, or inline code fences): walk
 * both and record runs of characters that match, skipping source characters that do not.
 */
function alignSegments(
  value: string,
  slice: string,
  plainStart: number,
  viewStart: number,
  out: OffsetSegment[],
): void {
  let i = 0;
  let j = 0;
  let run: OffsetSegment | null = null;
  while (i < value.length && j < slice.length) {
    if (value[i] === slice[j]) {
      if (run && run.plain + run.length === plainStart + i && run.view + run.length === viewStart + j)
        run.length++;
      else {
        run = { plain: plainStart + i, view: viewStart + j, length: 1 };
        out.push(run);
      }
      i++;
      j++;
    } else {
      j++;
    }
  }
  if (i < value.length) {
    // Characters produced by entities that never matched: point them at the end of the node.
    out.push({ plain: plainStart + i, view: viewStart + slice.length, length: 0 });
  }
}
