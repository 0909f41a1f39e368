import type { Document, Element, Node } from '@xmldom/xmldom';
import mammothXml, { type MammothElement, type MammothNode } from 'mammoth/lib/xml/index.js';

/**
 * Parts we parsed already, handed to mammoth without a zip and without a second parse. mammoth
 * opens its input as a package object (`exists(name)`, `read(name, encoding)`; its `file` input)
 * and reads every part through `lib/xml`'s readString, which parses the text and converts the DOM
 * into mammoth's own element tree. The package we give it holds a short placeholder for each part,
 * and this hook answers a placeholder with that tree, made from our parsed (and, for the main
 * document, rewritten) DOM exactly as readString makes it from its own. Any other string is read
 * as before. Saves serialising the rewritten document, zipping the parts, and mammoth's unzip,
 * parse and conversion of every part.
 */
const handedOver = new Map<string, Document>();
let installed = false;
let counter = 0;

function install(): void {
  if (installed) return;
  const readString = mammothXml.readString;
  mammothXml.readString = (xml, namespaceMap) => {
    const document = handedOver.get(xml);
    if (!document?.documentElement) return readString(xml, namespaceMap);
    return Promise.resolve(toMammothElement(document.documentElement, new MammothNames(namespaceMap ?? {})));
  };
  installed = true;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * As mammoth's lib/xml/reader.js converts a DOM element: a name from the namespace map, the
 * attributes by converted name (a later one of the same name wins), and element and text
 * children only (CDATA, comments and processing instructions are dropped).
 */
function toMammothElement(element: Element, names: MammothNames): MammothElement {
  const attributes: Record<string, string> = Object.create(null);
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes[i] as Node & { value: string };
    attributes[names.of(attribute)] = attribute.value;
  }
  const children: MammothNode[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) children.push(toMammothElement(child as Element, names));
    else if (child.nodeType === TEXT_NODE) children.push(mammothXml.text(child.nodeValue ?? ''));
  }
  return new mammothXml.Element(names.of(element), attributes, children);
}

/**
 * Names as mammoth writes them: "w:p" for a namespace in its map, "{uri}p" for another. A part
 * has a few dozen distinct names over thousands of nodes, so each is made once per part.
 */
class MammothNames {
  private readonly byNamespace = new Map<string, Map<string, string>>();

  constructor(private readonly namespaceMap: Record<string, string>) {}

  of(node: Node): string {
    const namespace = node.namespaceURI;
    const localName = node.localName ?? '';
    if (!namespace) return localName;
    let names = this.byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(namespace, names);
    }
    let name = names.get(localName);
    if (name === undefined) {
      const mapped = this.namespaceMap[namespace];
      name = `${mapped ? `${mapped}:` : `{${namespace}}`}${localName}`;
      names.set(localName, name);
    }
    return name;
  }
}

/** What mammoth reads a Word package through (the object its own unzip makes). */
export interface MammothPackage {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string>;
}

/**
 * Registers parsed parts and the package-level relationships (text); returns the package for
 * mammoth and a release for when mammoth is done.
 */
export function handOver(
  parts: Map<string, Document>,
  packageRels: string,
): { file: MammothPackage; release(): void } {
  install();
  const texts = new Map<string, string>([['_rels/.rels', packageRels]]);
  const placeholders: string[] = [];
  for (const [path, document] of parts) {
    const placeholder = `<contract-lint-part n="${++counter}"/>`;
    handedOver.set(placeholder, document);
    placeholders.push(placeholder);
    texts.set(path, placeholder);
  }
  return {
    file: {
      exists: (name) => texts.has(name),
      read: (name, encoding) => {
        const text = texts.get(name);
        // mammoth asks for binary only for images, which the converter never reads (render.ts).
        if (text === undefined || !encoding) return Promise.reject(new Error(`cannot read ${name}`));
        return Promise.resolve(text);
      },
    },
    release: () => {
      for (const placeholder of placeholders) handedOver.delete(placeholder);
    },
  };
}
