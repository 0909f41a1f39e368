import { parseXml as parseXmlTree, type XmlElement, XmlNode } from '@rgrove/parse-xml';
import type { Document } from '@xmldom/xmldom';

/**
 * A small DOM for the Word parts a lint reads: the part of the W3C DOM that the loader
 * (xml.ts, paragraphs.ts, numbering.ts, review-author.ts, handover.ts for mammoth) uses — node
 * types and names, namespaces, attributes, text, and the few edits the loader makes — and
 * nothing else. It is built from @rgrove/parse-xml's strict parse with namespaces resolved as
 * xmldom resolves them, and holds the same nodes xmldom would build (elements, text, CDATA,
 * comments and processing instructions, whitespace text kept). Building it takes about a third of
 * xmldom's time on a large agreement, which parses the whole body before anything else can start.
 * The review copy (engine/review), which writes XML back, keeps xmldom.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const PROCESSING_INSTRUCTION_NODE = 7;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
/** Attributes on one element past which duplicates are found with a set (see TreeBuilder.element). */
const MANY_ATTRIBUTES = 16;
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export class LightNode {
  parentNode: LightParent | null = null;
  previousSibling: LightNode | null = null;
  nextSibling: LightNode | null = null;
  firstChild: LightNode | null = null;
  constructor(
    readonly nodeType: number,
    readonly ownerDocument: LightDocument | null,
  ) {}

  get textContent(): string {
    return '';
  }
}

/** Text, CDATA, a comment or a processing instruction: a node with data and no children. */
export class LightCharacterData extends LightNode {
  constructor(
    nodeType: number,
    ownerDocument: LightDocument | null,
    public data: string,
    readonly target = '',
  ) {
    super(nodeType, ownerDocument);
  }

  get nodeValue(): string {
    return this.data;
  }

  override get textContent(): string {
    return this.data;
  }
}

export class LightParent extends LightNode {
  lastChild: LightNode | null = null;

  override get textContent(): string {
    let text = '';
    for (let child = this.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== COMMENT_NODE && child.nodeType !== PROCESSING_INSTRUCTION_NODE)
        text += child.textContent;
    }
    return text;
  }

  appendChild<T extends LightNode>(node: T): T {
    return this.insertBefore(node, null);
  }

  /** appendChild for a node that has no parent yet (the tree builder's): only the links to set. */
  appendNew(node: LightNode): void {
    const previous = this.lastChild;
    node.parentNode = this;
    node.previousSibling = previous;
    if (previous) previous.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
  }

  /** Moves `node` (from wherever it is) before `reference`, or to the end. */
  insertBefore<T extends LightNode>(node: T, reference: LightNode | null): T {
    if (reference && reference.parentNode !== this) throw new Error('the reference node is not a child');
    if (node === reference) return node;
    node.parentNode?.removeChild(node);
    const previous = reference ? reference.previousSibling : this.lastChild;
    node.parentNode = this;
    node.previousSibling = previous;
    node.nextSibling = reference;
    if (previous) previous.nextSibling = node;
    else this.firstChild = node;
    if (reference) reference.previousSibling = node;
    else this.lastChild = node;
    return node;
  }

  removeChild<T extends LightNode>(node: T): T {
    if (node.parentNode !== this) throw new Error('not a child');
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    else this.firstChild = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    else this.lastChild = node.previousSibling;
    node.parentNode = null;
    node.previousSibling = null;
    node.nextSibling = null;
    return node;
  }

  replaceChild<T extends LightNode>(node: LightNode, old: T): T {
    this.insertBefore(node, old);
    return this.removeChild(old);
  }
}

export interface LightAttribute {
  name: string;
  namespaceURI: string | null;
  prefix: string | null;
  localName: string;
  value: string;
}

export class LightElement extends LightParent {
  /** The attributes in document order (read by index, as xmldom's NamedNodeMap can be). */
  readonly attributes: LightAttribute[] = [];

  constructor(
    ownerDocument: LightDocument,
    readonly namespaceURI: string | null,
    readonly tagName: string,
    readonly prefix: string | null,
    readonly localName: string,
  ) {
    super(ELEMENT_NODE, ownerDocument);
  }

  get nodeName(): string {
    return this.tagName;
  }

  /** As xmldom: the attribute's value, or null when there is none. */
  getAttribute(name: string): string | null {
    for (const attribute of this.attributes) if (attribute.name === name) return attribute.value;
    return null;
  }

  getAttributeNS(namespace: string | null, localName: string): string | null {
    for (const attribute of this.attributes) {
      if (attribute.localName === localName && attribute.namespaceURI === (namespace || null))
        return attribute.value;
    }
    return null;
  }

  /** An attribute without a namespace, named as given (as xmldom's createAttribute names it). */
  setAttribute(name: string, value: string): void {
    const existing = this.attributes.find((attribute) => attribute.name === name);
    if (existing) existing.value = String(value);
    else
      this.attributes.push({ name, namespaceURI: null, prefix: null, localName: name, value: String(value) });
  }

  setAttributeNS(namespace: string | null, name: string, value: string): void {
    const colon = name.indexOf(':');
    const localName = colon < 0 ? name : name.slice(colon + 1);
    const existing = this.attributes.find(
      (attribute) => attribute.localName === localName && attribute.namespaceURI === (namespace || null),
    );
    if (existing) existing.value = String(value);
    else
      this.attributes.push({
        name,
        namespaceURI: namespace || null,
        prefix: colon < 0 ? null : name.slice(0, colon),
        localName,
        value: String(value),
      });
  }
}

export class LightDocument extends LightParent {
  documentElement: LightElement | null = null;

  constructor() {
    super(DOCUMENT_NODE, null);
  }

  createElementNS(namespace: string | null, qualifiedName: string): LightElement {
    const { prefix, localName } = splitName(qualifiedName);
    return new LightElement(this, namespace || null, qualifiedName, prefix, localName);
  }

  createTextNode(data: string): LightCharacterData {
    return new LightCharacterData(TEXT_NODE, this, String(data));
  }
}

/**
 * The light DOM for a part (see TreeParser in xml.ts), typed as the xmldom Document whose subset
 * it implements, with line ends read as xmldom reads them.
 */
export function lightTree(text: string): Document {
  return parseLightXml(normalizeLineEndings(text)) as unknown as Document;
}

/**
 * Line ends as xmldom reads them (XML 1.1's list: CR LF, CR NEL, NEL, LINE SEPARATOR, PARAGRAPH
 * SEPARATOR and a lone CR each become LF), so both trees hold the same text.
 */
function normalizeLineEndings(text: string): string {
  return /[\r\u0085\u2028\u2029]/.test(text)
    ? text.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n')
    : text;
}

/**
 * Parses a part (text already decoded and screened by xml.ts). Throws a plain Error with the
 * parser's message when the XML is not well-formed or a prefix is not declared.
 */
export function parseLightXml(text: string): LightDocument {
  const tree = parseXmlTree(text, { preserveCdata: true, preserveComments: true });
  const builder = new TreeBuilder(new LightDocument());
  for (const node of tree.children) {
    if (node.type === XmlNode.TYPE_ELEMENT) {
      const root = builder.element(node as XmlElement);
      builder.doc.appendChild(root);
      builder.doc.documentElement = root;
    } else builder.leaf(builder.doc, node);
  }
  return builder.doc;
}

interface ResolvedName {
  namespaceURI: string | null;
  prefix: string | null;
  localName: string;
}

function splitName(qualifiedName: string): { prefix: string | null; localName: string } {
  const colon = qualifiedName.indexOf(':');
  return colon < 0
    ? { prefix: null, localName: qualifiedName }
    : { prefix: qualifiedName.slice(0, colon), localName: qualifiedName.slice(colon + 1) };
}

/**
 * Builds the light tree from the parser's, resolving namespaces. A part declares its namespaces
 * on the root almost always, so each distinct element and attribute name is resolved once and
 * its parts shared (a body has 100,000 elements and a few dozen names); the tables are emptied
 * whenever a declaration changes the scope.
 */
class TreeBuilder {
  private readonly scope = new Map<string, string>([['xml', XML_NAMESPACE]]);
  private readonly elementNames = new Map<string, ResolvedName>();
  private readonly attributeNames = new Map<string, ResolvedName>();

  constructor(readonly doc: LightDocument) {}

  /**
   * One element and everything below it. Declarations on an element apply to its own name and
   * attributes and to its descendants. The nesting was bounded (MAX_XML_DEPTH) before the parse,
   * so the recursion is too.
   */
  element(source: XmlElement): LightElement {
    const attributes = source.attributes;
    let restore: Array<[string, string | undefined]> | undefined;
    for (const name in attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      restore ??= [];
      restore.push(this.declare(name === 'xmlns' ? '' : name.slice(6), attributes[name] as string));
    }
    const resolved = this.resolve(source.name, true);
    const element = new LightElement(
      this.doc,
      resolved.namespaceURI,
      source.name,
      resolved.prefix,
      resolved.localName,
    );
    // Two prefixes bound to one namespace can name one attribute twice ("a:id" and "b:id"): not
    // well-formed XML with namespaces (xmldom would keep the last silently). Word elements have a
    // few attributes, looked through; a hostile one with thousands gets a set, so it stays linear.
    let expandedNames: Set<string> | undefined;
    for (const name in attributes) {
      const attribute = this.resolve(name, false);
      if (attribute.namespaceURI !== null) {
        let twice: boolean;
        if (element.attributes.length < MANY_ATTRIBUTES) {
          twice = element.getAttributeNS(attribute.namespaceURI, attribute.localName) !== null;
        } else {
          expandedNames ??= new Set(
            element.attributes
              .filter((a) => a.namespaceURI !== null)
              .map((a) => `${a.namespaceURI} ${a.localName}`),
          );
          const key = `${attribute.namespaceURI} ${attribute.localName}`;
          twice = expandedNames.has(key);
          expandedNames.add(key);
        }
        if (twice)
          throw new Error(`the attribute {${attribute.namespaceURI}}${attribute.localName} is given twice`);
      }
      element.attributes.push({
        name,
        namespaceURI: attribute.namespaceURI,
        prefix: attribute.prefix,
        localName: attribute.localName,
        value: attributes[name] as string,
      });
    }
    for (const child of source.children) {
      if (child.type === XmlNode.TYPE_ELEMENT) element.appendNew(this.element(child as XmlElement));
      else this.leaf(element, child);
    }
    if (restore) {
      for (let i = restore.length - 1; i >= 0; i--) {
        const [prefix, previous] = restore[i] as [string, string | undefined];
        if (previous === undefined) this.scope.delete(prefix);
        else this.scope.set(prefix, previous);
      }
      this.scopeChanged();
    }
    return element;
  }

  /** Binds a prefix ('' for the default namespace); returns what to restore afterwards. */
  private declare(prefix: string, uri: string): [string, string | undefined] {
    const previous: [string, string | undefined] = [prefix, this.scope.get(prefix)];
    // An empty default namespace undeclares it; a prefix cannot be undeclared in XML 1.0.
    if (prefix === '' && uri === '') this.scope.delete('');
    else if (uri === '') throw new Error(`the prefix "${prefix}" is declared with an empty namespace`);
    else this.scope.set(prefix, uri);
    this.scopeChanged();
    return previous;
  }

  private scopeChanged(): void {
    this.elementNames.clear();
    this.attributeNames.clear();
  }

  private resolve(qualifiedName: string, isElement: boolean): ResolvedName {
    const table = isElement ? this.elementNames : this.attributeNames;
    const known = table.get(qualifiedName);
    if (known) return known;
    const { prefix, localName } = splitName(qualifiedName);
    let namespaceURI: string | null;
    if (!isElement && (qualifiedName === 'xmlns' || prefix === 'xmlns')) namespaceURI = XMLNS_NAMESPACE;
    else if (prefix === null) namespaceURI = isElement ? (this.scope.get('') ?? null) : null;
    else {
      const uri = this.scope.get(prefix);
      if (uri === undefined) throw new Error(`the prefix "${prefix}" of "${qualifiedName}" is not declared`);
      namespaceURI = uri;
    }
    const resolved = { namespaceURI, prefix, localName };
    table.set(qualifiedName, resolved);
    return resolved;
  }

  leaf(parent: LightParent, node: XmlNode): void {
    const leaf = node as unknown as { text?: string; content?: string; name?: string };
    switch (node.type) {
      case XmlNode.TYPE_TEXT:
        parent.appendNew(new LightCharacterData(TEXT_NODE, this.doc, leaf.text ?? ''));
        break;
      case XmlNode.TYPE_CDATA:
        parent.appendChild(new LightCharacterData(CDATA_SECTION_NODE, this.doc, leaf.text ?? ''));
        break;
      case XmlNode.TYPE_COMMENT:
        parent.appendChild(new LightCharacterData(COMMENT_NODE, this.doc, leaf.content ?? ''));
        break;
      case XmlNode.TYPE_PROCESSING_INSTRUCTION:
        parent.appendChild(
          new LightCharacterData(PROCESSING_INSTRUCTION_NODE, this.doc, leaf.content ?? '', leaf.name ?? ''),
        );
        break;
      default:
        // The XML declaration and a document type are not kept (DTDs are refused before the parse).
        break;
    }
  }
}
