import type { ElementContent, Element as HastElement, Root as HastRoot, Properties } from 'hast';
import type { HtmlElement, HtmlNode } from './html-capture.js';

/**
 * mammoth's HTML tree (html-capture.ts) straight to hast, as rehype-parse would read the HTML
 * mammoth writes from it. For the shapes below the HTML parser changes nothing but two things,
 * which this reproduces: a table's rows go into an implied <tbody>, and attributes become hast
 * properties. Any other shape (a block inside a paragraph, a link inside a link, an element or
 * attribute not listed, a carriage return or NUL the parser would rewrite) returns undefined:
 * the caller then writes the HTML and parses it.
 */
export function directHast(root: HtmlElement): HastRoot | undefined {
  const children = convertChildren(root, FLOW, false);
  return children && { type: 'root', children, data: { quirksMode: false } };
}

const PHRASING_TAGS = ['a', 'strong', 'em', 's', 'u', 'sup', 'sub', 'span', 'br', 'img', 'input'];
const BLOCK_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table'];
const VOID_TAGS = new Set(['br', 'img', 'input']);

/** What an element may hold for the parser to keep it as it is. */
interface ContentModel {
  tags: Set<string>;
  text: boolean;
}

const FLOW: ContentModel = { tags: new Set([...PHRASING_TAGS, ...BLOCK_TAGS]), text: true };
const PHRASING: ContentModel = { tags: new Set(PHRASING_TAGS), text: true };
const only = (...tags: string[]): ContentModel => ({ tags: new Set(tags), text: false });
const NOTHING = only();

const CONTENT = new Map<string, ContentModel>([
  ...['li', 'td', 'th', 'dt', 'dd'].map((tag) => [tag, FLOW] as const),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'strong', 'em', 's', 'u', 'sup', 'sub', 'span'].map(
    (tag) => [tag, PHRASING] as const,
  ),
  ['ul', only('li')],
  ['ol', only('li')],
  ['dl', only('dt', 'dd')],
  ['table', only('thead', 'tbody', 'tfoot', 'tr')],
  ...['thead', 'tbody', 'tfoot'].map((tag) => [tag, only('tr')] as const),
  ['tr', only('td', 'th')],
  ...[...VOID_TAGS].map((tag) => [tag, NOTHING] as const),
]);

/** Characters the HTML parser rewrites (line ends) or drops (NUL). */
const REWRITTEN = /[\r\0]/;

function convertChildren(
  node: HtmlElement,
  model: ContentModel,
  inLink: boolean,
): ElementContent[] | undefined {
  const out: ElementContent[] = [];
  for (const child of node.children) {
    const converted = convertChild(child, model, inLink);
    if (!converted) return undefined;
    out.push(converted);
  }
  return node.tagName === 'table' ? implyTableBodies(out) : out;
}

function convertChild(child: HtmlNode, model: ContentModel, inLink: boolean): ElementContent | undefined {
  if (child.type === 'text') {
    return model.text && !REWRITTEN.test(child.value) ? { type: 'text', value: child.value } : undefined;
  }
  const own = CONTENT.get(child.tagName);
  // An <a> inside an <a> is closed by the parser before the inner one opens.
  if (!own || !model.tags.has(child.tagName) || (inLink && child.tagName === 'a')) return undefined;
  if (child.selfClosing !== VOID_TAGS.has(child.tagName)) return undefined;
  const properties = toProperties(child.attributes);
  const children = properties && convertChildren(child, own, inLink || child.tagName === 'a');
  return children && { type: 'element', tagName: child.tagName, properties, children };
}

/** Rows written straight into a table: the parser puts each run of them into a <tbody>. */
function implyTableBodies(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let body: HastElement | undefined;
  for (const child of children) {
    if (child.type === 'element' && child.tagName === 'tr') {
      if (!body) {
        body = { type: 'element', tagName: 'tbody', properties: {}, children: [] };
        out.push(body);
      }
      body.children.push(child);
    } else {
      body = undefined;
      out.push(child);
    }
  }
  return out;
}

/** Attributes as hast properties, the way rehype-parse (hastscript) names and types them. */
function toProperties(attributes: Record<string, string>): Properties | undefined {
  const properties: Properties = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (REWRITTEN.test(value)) return undefined;
    switch (name) {
      case 'href':
      case 'id':
      case 'target':
      case 'src':
      case 'alt':
      case 'type':
        properties[name] = value;
        break;
      case 'colspan':
        properties.colSpan = toNumber(value);
        break;
      case 'rowspan':
        properties.rowSpan = toNumber(value);
        break;
      case 'checked':
        properties.checked = value === '' || value.toLowerCase() === 'checked' ? true : value;
        break;
      case 'class': {
        const classes = value.trim();
        properties.className = classes ? classes.split(/[ \t\n\r\f]+/g) : [];
        break;
      }
      default:
        return undefined;
    }
  }
  return properties;
}

function toNumber(value: string): number | string {
  return value && !Number.isNaN(Number(value)) ? Number(value) : value;
}
