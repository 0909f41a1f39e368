import type { Element, Node } from '@xmldom/xmldom';
import type { Finding } from '../lint/types.js';
import { bodyParagraphs } from '../load/docx/paragraphs.js';
import { readParts } from '../load/docx/parts.js';
import { createW, setWAttr } from '../load/docx/xml.js';
import { xmldomTree } from '../load/docx/xmldom-tree.js';
import { openZip } from '../load/docx/zip.js';
import type { LoadedDocument } from '../model/types.js';
import { type ClauseSuggestion, commentParagraphs } from './comment-text.js';
import {
  CommentsPart,
  IdAllocator,
  withCommentsContentType,
  withCommentsRelationship,
  xmlBytes,
} from './comments-part.js';
import { writePackage } from './package-writer.js';
import { removePreviousReview } from './previous-review.js';
import { insertAfterChar, insertBeforeChar } from './run-boundary.js';
import { trackReplacement } from './tracked-change.js';
import { type WordAnchor, WordAnchors } from './word-anchor.js';

export interface ReviewOptions {
  /** Fixes that are one unambiguous text edit become tracked changes. */
  redline?: boolean;
  /** The date written on comments and changes (default: now). */
  now?: Date;
  /** The clause a missing-clause finding's quick fix would insert, if any. */
  clauseFor?: (finding: Finding) => ClauseSuggestion | undefined;
}

/** How one finding was placed: `exact` when the comment covers exactly the finding's words. */
export interface PlacedFinding {
  ruleId: string;
  commentId: string;
  wordParagraph: number;
  anchor: 'exact' | 'approximate' | 'paragraph';
  trackedChange: boolean;
}

export interface ReviewCopy {
  bytes: Uint8Array;
  comments: number;
  trackedChanges: number;
  placed: PlacedFinding[];
}

/**
 * The review copy of a Word agreement: every finding as a comment on the words it is about, and
 * with `redline`, single-edit fixes as tracked changes. Only document.xml, the comments part and
 * (when a comments part is new) the relationships and content types change; every other entry
 * keeps its original compressed bytes. Bad input throws the loader's LoadError, with its limits.
 */
export function buildReviewCopy(
  original: Uint8Array,
  doc: LoadedDocument,
  findings: Finding[],
  options: ReviewOptions = {},
): ReviewCopy {
  const zip = openZip(original, doc.path);
  const parts = readParts(zip, doc.path, xmldomTree);
  const document = parts.document;
  // The loader reads a review copy without contract-lint's own marks; so does this.
  const previous = removePreviousReview(document, parts.comments);
  const paragraphs = bodyParagraphs(document);
  if (paragraphs.length === 0 && findings.length > 0) {
    throw new Error(`${doc.path}: the document body has no paragraph to put a comment on`);
  }
  const anchors = new WordAnchors(doc.textView, doc.wordParagraphs ?? [], paragraphs);
  const date = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ids = new IdAllocator([document, parts.comments]);

  // 1. Every place is computed on the untouched text; markup inserted later never shifts it.
  const planned = findings.map((finding) => {
    const anchor = anchors.anchor(finding.range) ?? wholeParagraph(anchors, 1);
    const edit = options.redline ? plannedEdit(finding, anchors, doc.textView) : undefined;
    return { finding, anchor, edit, id: ids.take(), tracked: false };
  });

  // 2. Comment ranges. Text stays the same, so the offsets stay valid.
  for (const plan of planned) {
    const { start, end } = plan.anchor;
    const startP = paragraphs[start.paragraph - 1] as Element;
    const endP = paragraphs[end.paragraph - 1] as Element;
    insertBeforeChar(startP, start.offset, [marker(startP, 'commentRangeStart', plan.id)]);
    insertAfterChar(endP, end.offset, [
      marker(endP, 'commentRangeEnd', plan.id),
      referenceRun(endP, plan.id),
    ]);
  }

  // 3. Tracked changes, last first in each paragraph: a deletion shortens the text after it only.
  const edits = planned
    .filter((p) => p.edit)
    .sort(
      (a, b) =>
        (b.edit?.paragraph ?? 0) - (a.edit?.paragraph ?? 0) || (b.edit?.start ?? 0) - (a.edit?.start ?? 0),
    );
  let floor = Number.POSITIVE_INFINITY;
  let floorParagraph = -1;
  for (const plan of edits) {
    const edit = plan.edit as PlannedEdit;
    if (edit.paragraph !== floorParagraph) {
      floorParagraph = edit.paragraph;
      floor = Number.POSITIVE_INFINITY;
    }
    // Overlapping edits would fight over the same words: the later one stays a comment.
    if (edit.end > floor) continue;
    const p = paragraphs[edit.paragraph - 1] as Element;
    plan.tracked = trackReplacement(p, edit.start, edit.end, edit.newText, { ids: () => ids.take(), date });
    if (plan.tracked) floor = edit.start;
  }

  // 4. The comments themselves.
  const wNamespace = document.documentElement?.namespaceURI ?? '';
  const comments = new CommentsPart(parts.comments, wNamespace, date);
  for (const plan of planned) {
    comments.add(plan.id, commentParagraphs(plan.finding, options.clauseFor?.(plan.finding), plan.tracked));
  }

  const changed = new Map<string, Uint8Array>();
  if (planned.length > 0 || previous > 0) {
    changed.set(parts.mainPath, xmlBytes(document));
    const dir = parts.mainPath.includes('/')
      ? parts.mainPath.slice(0, parts.mainPath.lastIndexOf('/') + 1)
      : '';
    let commentsPath = parts.commentsPath;
    if (!commentsPath) {
      commentsPath = freeName(zip.entries, dir, 'comments', '.xml');
      const rels = parts.parsed.get(parts.relsPath);
      changed.set(
        parts.relsPath,
        xmlBytes(withCommentsRelationship(rels, commentsPath.slice(dir.length), comments.strict)),
      );
      const types = parts.parsed.get('[Content_Types].xml');
      if (types) {
        changed.set('[Content_Types].xml', xmlBytes(withCommentsContentType(types, commentsPath)));
      }
    }
    changed.set(commentsPath, comments.bytes());
  }

  return {
    bytes: changed.size > 0 ? writePackage(original, zip, changed) : original,
    comments: planned.length,
    trackedChanges: planned.filter((p) => p.tracked).length,
    placed: planned.map((p) => ({
      ruleId: p.finding.ruleId,
      commentId: p.id,
      wordParagraph: p.anchor.start.paragraph,
      anchor: p.anchor.kind === 'paragraph' ? 'paragraph' : p.anchor.exact ? 'exact' : 'approximate',
      trackedChange: p.tracked,
    })),
  };
}

interface PlannedEdit {
  paragraph: number;
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix Word can show as one tracked change: the finding's only fix, one edit, plain words in,
 * inside one paragraph, and the words it replaces are exactly the Word text there (no numbering
 * label, no markup in between). Anything else stays a comment.
 */
function plannedEdit(finding: Finding, anchors: WordAnchors, textView: string): PlannedEdit | undefined {
  const fixes = finding.fixes ?? [];
  const edit = fixes.length === 1 && fixes[0]?.edits.length === 1 ? fixes[0].edits[0] : undefined;
  if (!edit || /[\n\r*_`[\]\\<>|#]/.test(edit.newText) || edit.range.end <= edit.range.start)
    return undefined;
  const anchor = anchors.anchor(edit.range);
  if (anchor?.kind !== 'words' || anchor.start.paragraph !== anchor.end.paragraph) return undefined;
  const view = textView.slice(edit.range.start, edit.range.end);
  if (squash(anchors.wordsBetween(anchor.start, anchor.end)) !== squash(view)) return undefined;
  return {
    paragraph: anchor.start.paragraph,
    start: anchor.start.offset,
    end: anchor.end.offset,
    newText: edit.newText,
  };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function wholeParagraph(anchors: WordAnchors, index: number): WordAnchor {
  const length = anchors.text(index).text.length;
  return {
    start: { paragraph: index, offset: 0 },
    end: { paragraph: index, offset: length },
    kind: 'paragraph',
    exact: false,
  };
}

function marker(like: Element, name: string, id: string): Element {
  const el = createW(like, name);
  setWAttr(el, 'id', id);
  return el;
}

function referenceRun(like: Element, id: string): Node {
  const run = createW(like, 'r');
  run.appendChild(marker(like, 'commentReference', id));
  return run;
}

function freeName(entries: Map<string, unknown>, dir: string, stem: string, ext: string): string {
  let name = `${dir}${stem}${ext}`;
  for (let n = 1; entries.has(name); n++) name = `${dir}${stem}${n}${ext}`;
  return name;
}
