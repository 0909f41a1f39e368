import type { Document } from '@xmldom/xmldom';
import mammothXmldom from 'mammoth/lib/xml/xmldom.js';

/**
 * Parts we parsed already, handed to mammoth without a second parse. mammoth reads every part
 * as a string and parses it with `lib/xml/xmldom.js`; the re-built zip holds a short placeholder
 * instead of each part, and this hook answers a placeholder with our parsed (and, for the main
 * document, rewritten) DOM. mammoth only reads the DOM (node types, names, namespaces,
 * attributes, text), which our xmldom gives as its own would. Any other string is parsed as
 * before. Saves serialising the rewritten document and mammoth's parse of every part.
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

/** Registers parsed parts; returns the placeholder for each and a release for when mammoth is done. */
export function handOver(parts: Map<string, Document>): {
  placeholders: Map<string, string>;
  release(): void;
} {
  install();
  const placeholders = new Map<string, string>();
  for (const [path, document] of parts) {
    const placeholder = `<contract-lint-part n="${++counter}"/>`;
    handedOver.set(placeholder, document);
    placeholders.set(path, placeholder);
  }
  return {
    placeholders,
    release: () => {
      for (const placeholder of placeholders.values()) handedOver.delete(placeholder);
    },
  };
}
