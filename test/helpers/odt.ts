import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

/** A comment as LibreOffice read it: who wrote it, what it says, the words it is anchored on. */
export interface OdtAnnotation {
  creator: string;
  paragraphs: string[];
  /** Body text between office:annotation and its office:annotation-end (tracked deletions excluded). */
  words: string;
}

export interface OdtChange {
  kind: 'insertion' | 'deletion';
  creator: string;
  /** The deleted text (insertions keep their text in the body). */
  text: string;
}

/** Reads content.xml of an .odt written by `soffice --convert-to odt`. */
export function readOdt(bytes: Uint8Array): { annotations: OdtAnnotation[]; changes: OdtChange[] } {
  const content = unzipSync(bytes)['content.xml'];
  if (!content) throw new Error('no content.xml in the .odt');
  const doc = new DOMParser().parseFromString(strFromU8(content), 'application/xml');
  const annotations: OdtAnnotation[] = [];
  const changes: OdtChange[] = [];
  const open = new Map<string, OdtAnnotation>();
  const textOf = (node: Node): string => {
    let out = '';
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.localName === 's') out += ' '.repeat(Number(el.getAttribute('text:c') ?? '1'));
        else if (el.localName === 'tab') out += '\t';
        else if (el.localName !== 'annotation') out += textOf(el);
      }
    }
    return out;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        for (const a of open.values()) a.words += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const name = el.localName;
      if (name === 'tracked-changes') {
        for (const region of Array.from(el.getElementsByTagName('text:changed-region'))) {
          for (const kind of ['insertion', 'deletion'] as const) {
            const change = region.getElementsByTagName(`text:${kind}`).item(0);
            if (!change) continue;
            const creator = change.getElementsByTagName('dc:creator').item(0)?.textContent ?? '';
            const paragraphs = Array.from(change.getElementsByTagName('text:p')).map((p) => textOf(p));
            changes.push({ kind, creator, text: paragraphs.join('\n') });
          }
        }
      } else if (name === 'annotation') {
        const annotation: OdtAnnotation = {
          creator: el.getElementsByTagName('dc:creator').item(0)?.textContent ?? '',
          paragraphs: Array.from(el.getElementsByTagName('text:p')).map((p) => textOf(p)),
          words: '',
        };
        annotations.push(annotation);
        const id = el.getAttribute('office:name');
        if (id) open.set(id, annotation);
      } else if (name === 'annotation-end') open.delete(el.getAttribute('office:name') ?? '');
      else if (name === 's') for (const a of open.values()) a.words += ' ';
      else if (name === 'tab') for (const a of open.values()) a.words += '\t';
      else walk(el);
    }
  };
  walk(doc);
  return { annotations, changes };
}
