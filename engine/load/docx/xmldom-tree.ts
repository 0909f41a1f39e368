import { DOMParser, type Document, XMLSerializer } from '@xmldom/xmldom';

/**
 * xmldom's full DOM for a part (see TreeParser in xml.ts): what the review copy edits and writes
 * back. Every parser complaint above a warning is fatal. Nothing reads line and column numbers:
 * tracking them costs a tenth of the parse.
 */
export function xmldomTree(text: string): Document {
  return new DOMParser({
    locator: false,
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text, 'application/xml');
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}
