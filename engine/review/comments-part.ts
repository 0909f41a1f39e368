import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { REVIEW_AUTHOR, REVIEW_INITIALS } from '../load/docx/review-author.js';
import { createW, setWAttr, wDescendants } from '../load/docx/xml.js';
import { serializeXml } from '../load/docx/xmldom-tree.js';
import { setText } from './run-boundary.js';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const STRICT_W = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const COMMENTS_REL = {
  transitional: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  strict: 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments',
};
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/**
 * The comments part: the existing one extended, or a new one made in the document's own
 * WordprocessingML flavour. New comments come after the existing ones, which stay untouched.
 */
export class CommentsPart {
  readonly doc: Document;
  private readonly root: Element;
  added = 0;

  constructor(
    existing: Document | undefined,
    private readonly wNamespace: string,
    private readonly date: string,
  ) {
    this.doc =
      existing ?? new DOMParser().parseFromString(`<w:comments xmlns:w="${wNamespace}"/>`, 'application/xml');
    this.root = this.doc.documentElement as Element;
  }

  add(id: string, paragraphs: string[]): void {
    const comment = createW(this.root, 'comment');
    setWAttr(comment, 'id', id);
    setWAttr(comment, 'author', REVIEW_AUTHOR);
    setWAttr(comment, 'date', this.date);
    setWAttr(comment, 'initials', REVIEW_INITIALS);
    paragraphs.forEach((text, i) => {
      const p = createW(this.root, 'p');
      if (i === 0) {
        // Word shows the comment's mark here; LibreOffice does not need it but keeps it.
        const mark = createW(this.root, 'r');
        mark.appendChild(createW(this.root, 'annotationRef'));
        p.appendChild(mark);
      }
      const run = createW(this.root, 'r');
      const t = createW(this.root, 't');
      setText(t, text);
      run.appendChild(t);
      p.appendChild(run);
      comment.appendChild(p);
    });
    this.root.appendChild(comment);
    this.added++;
  }

  bytes(): Uint8Array {
    return xmlBytes(this.doc);
  }

  get strict(): boolean {
    return this.wNamespace === STRICT_W;
  }
}

/** Every w:id already used in these parts (comments, revisions, bookmarks): new ids avoid them all. */
export class IdAllocator {
  private readonly used = new Set<string>();
  private next = 0;

  constructor(parts: Array<Document | undefined>) {
    for (const part of parts) {
      if (!part) continue;
      for (const el of allElements(part)) {
        for (let i = 0; i < el.attributes.length; i++) {
          const attr = el.attributes.item(i);
          if (attr?.localName === 'id' && attr.namespaceURI && /wordprocessingml/.test(attr.namespaceURI)) {
            this.used.add(attr.value);
            const n = Number(attr.value);
            if (Number.isInteger(n) && n >= this.next && n < 2 ** 31 - 1) this.next = n + 1;
          }
        }
      }
    }
  }

  take(): string {
    while (this.used.has(String(this.next))) this.next++;
    const id = String(this.next++);
    this.used.add(id);
    return id;
  }
}

function allElements(doc: Document): Element[] {
  const list = doc.getElementsByTagName('*');
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i);
    if (el) out.push(el);
  }
  return out;
}

/** Adds the comments relationship to the main part's relationships (made when there are none). */
export function withCommentsRelationship(
  rels: Document | undefined,
  target: string,
  strict: boolean,
): Document {
  const doc =
    rels ?? new DOMParser().parseFromString(`<Relationships xmlns="${REL_NS}"/>`, 'application/xml');
  const root = doc.documentElement as Element;
  const existing = root.getElementsByTagNameNS('*', 'Relationship');
  const ids = new Set<string>();
  for (let i = 0; i < existing.length; i++) ids.add(existing.item(i)?.getAttribute('Id') ?? '');
  let n = existing.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const rel = doc.createElementNS(root.namespaceURI, 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', strict ? COMMENTS_REL.strict : COMMENTS_REL.transitional);
  rel.setAttribute('Target', target);
  root.appendChild(rel);
  return doc;
}

/** Declares the new comments part's content type. */
export function withCommentsContentType(types: Document, partName: string): Document {
  const root = types.documentElement as Element;
  const override = types.createElementNS(root.namespaceURI ?? CT_NS, 'Override');
  override.setAttribute('PartName', `/${partName}`);
  override.setAttribute('ContentType', COMMENTS_CONTENT_TYPE);
  root.appendChild(override);
  return types;
}

export function xmlBytes(doc: Document): Uint8Array {
  const body = serializeXml(doc).replace(/^<\?xml[^?]*\?>\s*/, '');
  return new TextEncoder().encode(DECLARATION + body);
}

export function commentElements(doc: Document): Element[] {
  return wDescendants(doc, 'comment');
}
