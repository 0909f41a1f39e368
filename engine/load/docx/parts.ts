import type { Document } from '@xmldom/xmldom';
import { LoadError } from '../errors.js';
import { descendantsNamed, parseXml, type TreeParser } from './xml.js';
import type { ZipArchive } from './zip.js';

/**
 * Finds and reads the parts of a .docx we (and mammoth) use, each one validated as XML. Nothing
 * else in the archive (media, headers, embedded objects) is ever inflated.
 */
export interface DocxParts {
  mainPath: string;
  document: Document;
  styles?: Document;
  numbering?: Document;
  comments?: Document;
  /** The main part's relationships, and the comments part, by zip path (for writing a review copy). */
  relsPath: string;
  commentsPath?: string;
  /** Validated parts mammoth reads unchanged, by zip path. */
  passThrough: Map<string, Uint8Array>;
  /** The same parts, parsed (handed to mammoth so it does not parse them again). */
  parsed: Map<string, Document>;
}

const REL_TYPES = ['styles', 'numbering', 'comments', 'footnotes', 'endnotes'] as const;
type RelType = (typeof REL_TYPES)[number];

/** `parse`: which DOM the parts become (see TreeParser); a lint reads the light one. */
export function readParts(zip: ZipArchive, path: string, parse: TreeParser): DocxParts {
  const passThrough = new Map<string, Uint8Array>();
  const parsed = new Map<string, Document>();
  const readXml = (part: string): [Uint8Array, Document] | undefined => {
    const bytes = zip.read(part);
    if (!bytes) return undefined;
    const document = parseXml(bytes, part, path, parse);
    parsed.set(part, document);
    return [bytes, document];
  };

  const packageRels = readXml('_rels/.rels');
  const mainPath =
    (packageRels && relTargets(packageRels[1], '', 'officeDocument')[0]) || 'word/document.xml';
  const main = zip.entries.has(mainPath) ? readXml(mainPath) : undefined;
  if (!main) throw new LoadError('not-word', path, `not a Word document (no ${mainPath})`);

  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/')) : '';
  const relsPath = `${dir ? `${dir}/` : ''}_rels/${mainPath.slice(dir ? dir.length + 1 : 0)}.rels`;
  const documentRels = readXml(relsPath);
  if (documentRels) passThrough.set(relsPath, documentRels[0]);
  const contentTypes = readXml('[Content_Types].xml');
  if (contentTypes) passThrough.set('[Content_Types].xml', contentTypes[0]);

  const found = new Map<RelType, Document>();
  let commentsPath: string | undefined;
  for (const type of REL_TYPES) {
    const target = (documentRels && relTargets(documentRels[1], dir, type)[0]) || `word/${type}.xml`;
    if (!zip.entries.has(target)) continue;
    const part = readXml(target);
    if (!part) continue;
    found.set(type, part[1]);
    if (type === 'comments') commentsPath = target;
    passThrough.set(target, part[0]);
    // Notes and comments may hold hyperlinks, resolved through their own relationships.
    const slash = target.lastIndexOf('/');
    const partRels = `${target.slice(0, slash + 1)}_rels/${target.slice(slash + 1)}.rels`;
    if (zip.entries.has(partRels)) {
      const rels = readXml(partRels);
      if (rels) passThrough.set(partRels, rels[0]);
    }
  }

  const parts: DocxParts = { mainPath, document: main[1], passThrough, parsed, relsPath };
  if (commentsPath) parts.commentsPath = commentsPath;
  const styles = found.get('styles');
  if (styles) parts.styles = styles;
  const numbering = found.get('numbering');
  if (numbering) parts.numbering = numbering;
  const comments = found.get('comments');
  if (comments) parts.comments = comments;
  return parts;
}

/** Targets of relationships of one type, as zip paths. */
function relTargets(rels: Document, baseDir: string, type: string): string[] {
  const out: string[] = [];
  for (const rel of descendantsNamed(rels, 'Relationship')) {
    const relType = rel.getAttribute('Type') ?? '';
    const target = rel.getAttribute('Target');
    if (!target || rel.getAttribute('TargetMode') === 'External') continue;
    if (!relType.endsWith(`/${type}`)) continue;
    out.push(resolvePath(baseDir, target));
  }
  return out;
}

function resolvePath(baseDir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}
