import type { Document } from '@xmldom/xmldom';
import mammothXmldom from 'mammoth/lib/xml/xmldom.js';

/**
 * Parts we parsed already, handed to mammoth without a zip and without a second parse. mammoth
 * opens its input as a package object (`exists(name)`, `read(name, encoding)`; its `file` input)
 * and parses every part it reads with `lib/xml/xmldom.js`. The package we give it holds a short
 * placeholder for each part, and this hook answers a placeholder with our parsed (and, for the
 * main document, rewritten) DOM. mammoth only reads the DOM (node types, names, namespaces,
 * attributes, text), which our xmldom gives as its own would. Any other string is parsed as
 * before. Saves serialising the rewritten document, zipping the parts and mammoth's unzip and
 * parse of every part.
 */
const handedOver = new Map<string, Document>();
let installed = false;
let counter = 0;

function install(): void {
  if (installed) return;
  const parse = mammothXmldom.parseFromString;
  mammothXmldom.parseFromString = (xml: string, mimeType?: string) =>
    handedOver.get(xml) ?? parse(xml, mimeType);
  installed = true;
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
