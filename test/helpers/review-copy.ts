import { readFileSync } from 'node:fs';
import { DOMParser, type Element, type Node, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import {
  buildReviewCopy,
  ConfigResolver,
  type FileResult,
  type LoadedDocument,
  lintDocument,
  loadBytes,
  type ReviewCopy,
  type ReviewOptions,
} from '../../engine/index.js';
import { catalog } from '../../rules/index.js';

/**
 * Reads a review copy back with nothing of contract-lint's own: fflate for the zip, xmldom walked
 * by hand for the XML. What a comment covers is the text between its range markers.
 */
export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export interface CommentMarks {
  starts: number;
  ends: number;
  references: number;
  /** The text shown between w:commentRangeStart and w:commentRangeEnd (deleted text excluded). */
  words: string;
}

export function commentMarks(documentXml: Uint8Array): Map<string, CommentMarks> {
  const doc = new DOMParser().parseFromString(strFromU8(documentXml), 'application/xml');
  const marks = new Map<string, CommentMarks>();
  const get = (id: string) => {
    let m = marks.get(id);
    if (!m) {
      m = { starts: 0, ends: 0, references: 0, words: '' };
      marks.set(id, m);
    }
    return m;
  };
  const open = new Set<string>();
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const id = el.getAttribute('w:id') ?? '';
      if (el.localName === 'commentRangeStart') {
        get(id).starts++;
        open.add(id);
      } else if (el.localName === 'commentRangeEnd') {
        get(id).ends++;
        open.delete(id);
      } else if (el.localName === 'commentReference') get(id).references++;
      else if (el.localName === 't') for (const o of open) get(o).words += el.textContent ?? '';
      else if (el.localName === 'tab') for (const o of open) get(o).words += '\t';
      else walk(el);
    }
  };
  walk(doc);
  return marks;
}

export interface CommentEntry {
  id: string;
  author: string;
  initials: string;
  date: string;
  text: string;
}

export function commentsOf(commentsXml: Uint8Array | undefined): CommentEntry[] {
  if (!commentsXml) return [];
  const doc = new DOMParser().parseFromString(strFromU8(commentsXml), 'application/xml');
  const list = doc.getElementsByTagName('w:comment');
  const out: CommentEntry[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list.item(i) as Element;
    const paragraphs = c.getElementsByTagName('w:p');
    const lines: string[] = [];
    for (let j = 0; j < paragraphs.length; j++) {
      const ts = (paragraphs.item(j) as Element).getElementsByTagName('w:t');
      let line = '';
      for (let k = 0; k < ts.length; k++) line += ts.item(k)?.textContent ?? '';
      lines.push(line);
    }
    out.push({
      id: c.getAttribute('w:id') ?? '',
      author: c.getAttribute('w:author') ?? '',
      initials: c.getAttribute('w:initials') ?? '',
      date: c.getAttribute('w:date') ?? '',
      text: lines.join('\n'),
    });
  }
  return out;
}

export function letters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

const resolver = new ConfigResolver(catalog);

/** Loads and lints bytes as the CLI's annotate does (fixes kept for Word). */
export async function lintBytes(
  bytes: Uint8Array,
  path: string,
): Promise<{ doc: LoadedDocument; result: FileResult }> {
  const doc = await loadBytes(bytes, path, 'docx');
  const result = lintDocument(doc, resolver.effectiveRules(resolver.forFile(path)), { wordFixes: true });
  return { doc, result };
}

/** What a finding amounts to for a round trip: rule, place and message. */
export function findingKeys(result: FileResult): string[] {
  return result.findings.map((f) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.severity} ${f.message}`);
}

/** The parts a review copy may change; every other entry must come through byte for byte. */
const CHANGED = new Set([
  'word/document.xml',
  'word/comments.xml',
  'word/_rels/document.xml.rels',
  '[Content_Types].xml',
]);

/**
 * Annotates one Word file and checks the promises of a review copy: one contract-lint comment per
 * finding, each with one range and one reference, on the finding's words (letters and digits
 * equal, but for Word's automatic number written into the text view); every other zip entry
 * unchanged; the copy loads to the same text view and the same findings.
 */
export async function expectFaithfulReviewCopy(
  path: string,
  options: ReviewOptions,
  bytes = new Uint8Array(readFileSync(path)),
) {
  const before = await lintBytes(bytes, path);
  const findings = before.result.findings;
  const copy: ReviewCopy = buildReviewCopy(bytes, before.doc, findings, options);
  const out = entries(copy.bytes);
  const original = entries(bytes);
  const ours = commentsOf(out['word/comments.xml']).filter((c) => c.author === 'contract-lint');
  expect(ours).toHaveLength(findings.length);
  expect(copy.comments).toBe(findings.length);
  const marks = findings.length ? commentMarks(out['word/document.xml'] as Uint8Array) : new Map();
  findings.forEach((finding, i) => {
    const placed = copy.placed[i];
    const comment = ours.find((c) => c.id === placed?.commentId);
    expect(comment?.text).toContain(finding.message);
    expect(comment?.text).toContain(finding.ruleId);
    expect(comment?.initials).toBe('CL');
    if (options.now) expect(comment?.date).toBe(options.now.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const mark = marks.get(placed?.commentId ?? '');
    expect(mark).toMatchObject({ starts: 1, ends: 1, references: 1 });
    const viewText = before.doc.textView.slice(finding.range.start, finding.range.end);
    const view = letters(viewText);
    const words = letters(mark?.words ?? '');
    if (placed?.anchor === 'exact' && !placed.trackedChange) {
      // Equal, or the view has Word's automatic number written in front ("3.1", "ARTICLE I").
      expect(view.endsWith(words), `${finding.ruleId}: ${mark?.words}`).toBe(true);
      expect(view.length - words.length).toBeLessThanOrEqual(8);
      // A finding on punctuation alone ("this ')' closes nothing") is anchored on that punctuation.
      if (view === '') expect(mark?.words.trim()).toBe(viewText.trim());
      else expect(words.length).toBeGreaterThan(0);
    } else expect(mark?.words.trim().length, `${finding.ruleId} anchored on nothing`).toBeGreaterThan(0);
  });
  for (const [name, data] of Object.entries(original)) {
    if (!CHANGED.has(name)) expect(out[name], name).toEqual(data);
  }
  // Split runs keep their formatting: the same characters with the same w:rPr, in order.
  if (findings.length > 0 && !options.redline)
    expect(formattedText(out['word/document.xml'] as Uint8Array)).toEqual(
      formattedText(original['word/document.xml'] as Uint8Array),
    );
  const after = await lintBytes(copy.bytes, path);
  expect(after.doc.textView).toBe(before.doc.textView);
  expect(findingKeys(after.result)).toEqual(findingKeys(before.result));
  return { copy, findings };
}

/**
 * The body's text with the formatting of every character: the run properties (w:rPr) of the run
 * holding it, one entry per change of formatting. A review copy splits runs; this must not change.
 * Text contract-lint proposed to insert (a w:ins by contract-lint) is left out, deleted text is in.
 */
export function formattedText(documentXml: Uint8Array): string[] {
  const doc = new DOMParser().parseFromString(strFromU8(documentXml), 'application/xml');
  const serializer = new XMLSerializer();
  const out: string[] = [];
  let last = '';
  const walk = (node: Node, rPr: string) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (el.localName === 'ins' && el.getAttribute('w:author') === 'contract-lint') continue;
      if (el.localName === 'r') {
        const props = Array.from(el.childNodes).find(
          (c) => c.nodeType === 1 && (c as Element).localName === 'rPr',
        );
        walk(el, props ? serializer.serializeToString(props) : '');
      } else if (el.localName === 't' || el.localName === 'delText') {
        if (rPr !== last || out.length === 0) {
          out.push(`\u0001${rPr}`);
          last = rPr;
        }
        out.push(el.textContent ?? '');
      } else walk(el, rPr);
    }
  };
  walk(doc, '');
  // Adjacent text of the same formatting is one entry, however the runs were split.
  const merged: string[] = [];
  for (const piece of out) {
    if (!piece.startsWith('\u0001') && merged.length > 0 && !merged[merged.length - 1]?.startsWith('\u0001'))
      merged[merged.length - 1] += piece;
    else merged.push(piece);
  }
  return merged;
}
