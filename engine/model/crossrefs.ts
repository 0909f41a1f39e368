import { toViewRange } from '../text/block-text.js';
import { TextMemo } from '../text/memo.js';
import { afterWordChar } from './numbers.js';
import type { Block, CrossReference, CrossReferenceKind, Range, Section } from './types.js';

/**
 * Cross-references: "Section 12.3(a)", "Sections 4.3, 6 and 7", "Sections 2.1 through 2.4",
 * "Exhibits A and B", "Article IV", "§§ 2.1–2.4".
 *
 * A keyword (case-insensitive; a lower-case keyword needs a numeric identifier) is followed by an
 * identifier and optionally by list/range continuations. References to other instruments are
 * skipped: an identifier followed by "of/under the <Capitalised Name>" ("Section 365 of the
 * Bankruptcy Code", "Section 1.1 of the Order Form", "Section 3.2 of the Strategic Alliance
 * Agreement") — except "of this Agreement", "of the Agreement" and "of Exhibit B" — and a keyword
 * preceded by a statute word ("Code Section 409A", "17 C.F.R. § 240").
 */

// The leading `(?<![\p{L}\p{N}])` is checked by hand (`afterWordChar`): a lookbehind first makes
// the regex run it at every position. The keywords are grouped by first letter (in their order within
// each group, so the same one matches): the regex then tests each position's first letter once.
const KEYWORD =
  /(s(?:ections?|ecs?\.|chedules?)|§§?|a(?:rticles?|rts?\.|nnex(?:es)?|ppendix|ppendices)|clauses?|p(?:aragraphs?|aras?\.)|exhibits?)(?![\p{L}\p{N}])[ \t\u00a0]*\n?[ \t\u00a0]*/giu;

/** An identifier: "12.3", "12.3(a)(ii)", "5A", "IV", "B", "A-1", "IV.2". */
const ID =
  /(?:\d+(?:\.\d+)*(?:[A-Za-z](?![\p{L}\p{N}]))?|[A-Z](?:-\d+)+|[IVXLCDM]+(?:\.\d+)*|[A-Z])(?:\s?\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3}|[A-Z])\))*(?![\p{L}\p{N}])/uy;
const PAREN_ONLY =
  /\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3}|[A-Z])\)(?:\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3}|[A-Z])\))*(?![\p{L}\p{N}])/uy;
const SEP = /(?:\s*,\s*(?:and\/or\s+|and\s+|or\s+)?|\s+(?:and\/or|and|or)\s+|\s*(through|thru|to|-|–|—)\s*)/y;
const UNIT =
  /^\s*(?:%|percent|per cent|days?|business|calendar|months?|years?|weeks?|hours?|minutes?|dollars|USD|units?|times)\b/i;
const EXTERNAL_AFTER =
  /^,?\s+(?:of|under)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}\p{N}.&'’-]*)(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*|of|and|for|on|the|&))*)/u;
const INTERNAL_NAME =
  /^(?:Agreement|Exhibit|Schedule|Annex|Appendix|Article|Section|Attachment|Part|Addendum)\b|['’]s?$/;
const EXTERNAL_BEFORE =
  /(?:\b(?:Code|Act|ERISA|IRC|Regulations?|Reg\.|Treas\.|Rule|Title\s+\d+)|U\.S\.C\.?|C\.F\.R\.?|USC|CFR)\s*,?\s*$/;

function kindOf(keyword: string): CrossReferenceKind {
  const k = keyword.toLowerCase();
  if (k.startsWith('sec') || k.startsWith('§')) return 'section';
  if (k.startsWith('art')) return 'article';
  if (k.startsWith('clause')) return 'clause';
  if (k.startsWith('para')) return 'paragraph';
  if (k.startsWith('sched')) return 'schedule';
  if (k.startsWith('exhibit')) return 'exhibit';
  if (k.startsWith('annex')) return 'annex';
  return 'appendix';
}

interface RawRef {
  label: string;
  start: number;
  end: number;
}

function shape(label: string): 'digit' | 'letter' | 'paren' {
  const c = label[0] ?? '';
  if (c === '(') return 'paren';
  return /\d/.test(c) ? 'digit' : 'letter';
}

export function findCrossReferences(blocks: Block[]): CrossReference[] {
  const out: CrossReference[] = [];
  for (const block of blocks) {
    let phrase: { start: number; end: number; range: Range } | undefined;
    for (const ref of plainRefs.get(block.text, () => refsInText(block.text))) {
      if (phrase?.start !== ref.phraseStart || phrase.end !== ref.phraseEnd) {
        const range = toViewRange(block, ref.phraseStart, ref.phraseEnd);
        phrase = { start: ref.phraseStart, end: ref.phraseEnd, range };
      }
      out.push({
        kind: ref.kind,
        label: ref.label,
        range: toViewRange(block, ref.start, ref.end),
        phraseRange: phrase.range,
        resolved: false,
      });
    }
  }
  return out;
}

/** A reference found in a block's plain text (offsets into that text). */
interface PlainRef {
  kind: CrossReferenceKind;
  label: string;
  start: number;
  end: number;
  phraseStart: number;
  phraseEnd: number;
}

/** References by block text: the same paragraph, edited elsewhere in the document, is not re-read. */
const plainRefs = new TextMemo<PlainRef[]>({ keepKeys: true });

function refsInText(text: string): PlainRef[] {
  const out: PlainRef[] = [];
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m !== null; m = KEYWORD.exec(text)) {
    // The lookbehind failed here: retry from the next position, as the regex itself would.
    if (afterWordChar(text, m.index)) {
      KEYWORD.lastIndex = m.index + 1;
      continue;
    }
    const keyword = m[1] as string;
    const keywordStart = m.index;
    const idStart = m.index + m[0].length;
    ID.lastIndex = idStart;
    const first = ID.exec(text);
    if (!first) continue;
    const lowerKeyword = keyword === keyword.toLowerCase() && keyword[0] !== '§';
    if (lowerKeyword && !/^\d/.test(first[0])) continue;
    const firstLabel = first[0];
    if (UNIT.test(text.slice(idStart + firstLabel.length, idStart + firstLabel.length + 16))) continue;
    const refs: RawRef[] = [{ label: firstLabel, start: idStart, end: idStart + firstLabel.length }];
    const ranges: Array<[RawRef, RawRef]> = [];
    let pos = idStart + firstLabel.length;
    // List and range continuations.
    for (;;) {
      SEP.lastIndex = pos;
      const sep = SEP.exec(text);
      if (!sep) break;
      const after = pos + sep[0].length;
      const isRange = sep[1] !== undefined;
      PAREN_ONLY.lastIndex = after;
      const paren = isRange ? null : PAREN_ONLY.exec(text);
      let next: RegExpExecArray | null = paren;
      if (!next) {
        ID.lastIndex = after;
        next = ID.exec(text);
        if (next && shape(next[0]) !== shape(firstLabel)) next = null;
      }
      if (!next) break;
      const label = next[0];
      if (UNIT.test(text.slice(after + label.length, after + label.length + 16))) break;
      // "Section 5 and 6 months" is caught above; a year ("Section 5 and 2024") is not an identifier.
      if (/^\d{4}$/.test(label) && !/^\d{4}$/.test(firstLabel)) break;
      const ref: RawRef = { label, start: after, end: after + label.length };
      if (isRange) ranges.push([refs[refs.length - 1] as RawRef, ref]);
      refs.push(ref);
      pos = ref.end;
    }
    KEYWORD.lastIndex = Math.max(KEYWORD.lastIndex, pos);
    // External references.
    const before = text.slice(Math.max(0, keywordStart - 24), keywordStart);
    if (EXTERNAL_BEFORE.test(before)) continue;
    const ext = EXTERNAL_AFTER.exec(text.slice(pos, pos + 120));
    if (ext && !INTERNAL_NAME.test(ext[1] as string)) continue;
    const kind = kindOf(keyword);
    const phrase = { phraseStart: keywordStart, phraseEnd: pos };
    for (const r of refs) out.push({ kind, label: r.label, start: r.start, end: r.end, ...phrase });
    for (const [a, b] of ranges) {
      for (const label of impliedLabels(a.label, b.label)) {
        out.push({ kind, label, start: a.start, end: b.end, ...phrase });
      }
    }
  }
  return out;
}

/** Labels strictly between two range endpoints: "2.1"…"2.4" → 2.2, 2.3; "A"…"C" → B. */
function impliedLabels(a: string, b: string): string[] {
  const out: string[] = [];
  const na = /^((?:\d+\.)*)(\d+)$/.exec(a);
  const nb = /^((?:\d+\.)*)(\d+)$/.exec(b);
  if (na && nb && na[1] === nb[1]) {
    const from = Number(na[2]);
    const to = Number(nb[2]);
    // "3.01 to 3.04" implies 3.02 and 3.03, written the same way.
    const width = /^0\d/.test(na[2] as string) || /^0\d/.test(nb[2] as string) ? (nb[2] as string).length : 0;
    if (to > from && to - from <= 50)
      for (let i = from + 1; i < to; i++) out.push(`${na[1]}${String(i).padStart(width, '0')}`);
    return out;
  }
  if (/^[A-Z]$/.test(a) && /^[A-Z]$/.test(b)) {
    const from = a.charCodeAt(0);
    const to = b.charCodeAt(0);
    if (to > from && to - from <= 26) for (let i = from + 1; i < to; i++) out.push(String.fromCharCode(i));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

export function romanToInt(s: string): number | null {
  const lower = s.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(lower)) return null;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const v = ROMAN[lower[i] as string] as number;
    const next = ROMAN[lower[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/** Normalises a section number or label for lookups: "Section 5." → "5", "(A)" → "a", "12.3 (a)" → "12.3(a)". */
/** Keys by label: a long agreement cites the same few hundred labels again and again. */
const normalisedKeys = new TextMemo<string>();

export function normaliseKey(s: string): string {
  return normalisedKeys.get(s, () => computeKey(s));
}

function computeKey(s: string): string {
  let k = s
    .trim()
    .toLowerCase()
    .replace(/^(?:sections?|articles?|clauses?|paragraphs?|exhibits?|schedules?|annex|appendix|§+)\s*/, '')
    .replace(/\s+/g, '')
    .replace(/\.+$/, '');
  if (/^\([^()]*\)$/.test(k)) k = k.slice(1, -1);
  return k;
}

const ATTACHMENT_KIND: Partial<Record<CrossReferenceKind, string>> = {
  schedule: 'schedule',
  exhibit: 'exhibit',
  annex: 'annex',
  appendix: 'appendix',
};

interface Lookup {
  numbered: Map<string, Section>;
  articles: Map<string, Section>;
  attachments: Map<string, Section>;
}

function buildLookup(sections: Section[]): Lookup {
  const lookup: Lookup = { numbered: new Map(), articles: new Map(), attachments: new Map() };
  const setFirst = (map: Map<string, Section>, key: string, s: Section): void => {
    if (key !== '' && !map.has(key)) map.set(key, s);
  };
  const walk = (list: Section[], parentKey: string | null): void => {
    for (const s of list) {
      const raw = s.key ?? s.number;
      const key = raw === undefined ? '' : normaliseKey(raw);
      let full = key;
      if (key !== '') {
        if (s.kind === 'attachment') {
          setFirst(lookup.attachments, `${s.attachmentKind ?? 'attachment'}:${key}`, s);
          // "Annex I(B)" is also cited "Annex 1(B)".
          const arabic = arabicAttachmentKey(key);
          if (arabic) setFirst(lookup.attachments, `${s.attachmentKind ?? 'attachment'}:${arabic}`, s);
        } else if (s.kind === 'article') {
          setFirst(lookup.articles, key, s);
          const n = romanToInt(key);
          if (n !== null) setFirst(lookup.articles, String(n), s);
        } else {
          if (s.kind === 'clause' && parentKey && !key.includes('.') && !key.startsWith(parentKey)) {
            full = `${parentKey}(${key})`;
          }
          setFirst(lookup.numbered, full, s);
          // Item 3 under lettered Section D is cited "Section D.3".
          if (s.kind !== 'clause' && parentKey && /^[a-z]$/.test(parentKey) && /^\d+$/.test(key)) {
            setFirst(lookup.numbered, `${parentKey}.${key}`, s);
          }
        }
      }
      walk(s.children, s.kind === 'attachment' ? null : full !== '' ? full : parentKey);
    }
  };
  walk(sections, null);
  return lookup;
}

/** "i(b)" → "1(b)", "iv" → "4": a label led by a roman numeral, with the numeral in digits. */
function arabicAttachmentKey(key: string): string | undefined {
  const roman = /^(x{0,3}(?:ix|iv|v?i{1,3}|v|x))(?=\(|$)/.exec(key);
  if (!roman) return undefined;
  const n = romanToInt(roman[1] as string);
  return n === null ? undefined : `${n}${key.slice((roman[1] as string).length)}`;
}

function resolveOne(kind: CrossReferenceKind, key: string, lookup: Lookup): Section | undefined {
  const attachmentKind = ATTACHMENT_KIND[kind];
  if (attachmentKind) return lookup.attachments.get(`${attachmentKind}:${key}`);
  // Strip trailing "(x)" groups until something matches: "12.3(a)(ii)" → "12.3(a)" → "12.3".
  let k = key;
  for (;;) {
    const found = kind === 'article' ? findArticle(k, lookup) : findSection(k, lookup);
    if (found) return found;
    const stripped = k.replace(/\([^()]*\)$/, '');
    if (stripped === k) return undefined;
    k = stripped;
  }
}

function findArticle(key: string, lookup: Lookup): Section | undefined {
  const direct = lookup.articles.get(key);
  if (direct) return direct;
  const n = romanToInt(key);
  if (n !== null) {
    const byNumber = lookup.articles.get(String(n));
    if (byNumber) return byNumber;
  }
  return lookup.numbered.get(key) ?? (n !== null ? lookup.numbered.get(String(n)) : undefined);
}

/** "3.02" and "3.2" are one number written two ways: compare numeric parts without leading zeros. */
function withoutLeadingZeros(key: string): string {
  return key.replace(/(^|[.(])0+(\d)/g, '$1$2');
}

const valueIndex = new WeakMap<Lookup, Map<string, string>>();

function resolveByValue(kind: CrossReferenceKind, key: string, lookup: Lookup): Section | undefined {
  let index = valueIndex.get(lookup);
  if (!index) {
    index = new Map();
    for (const k of [...lookup.numbered.keys(), ...lookup.articles.keys()]) {
      const bare = withoutLeadingZeros(k);
      if (!index.has(bare)) index.set(bare, k);
    }
    valueIndex.set(lookup, index);
  }
  const original = index.get(withoutLeadingZeros(key));
  return original === undefined || original === key ? undefined : resolveOne(kind, original, lookup);
}

function findSection(key: string, lookup: Lookup): Section | undefined {
  return lookup.numbered.get(key) ?? lookup.articles.get(key);
}

export function resolveCrossReferences(refs: CrossReference[], sections: Section[]): CrossReference[] {
  const lookup = buildLookup(sections);
  // An agreement cites the same sections many times: resolve each label once.
  const resolved = new Map<string, Section | undefined>();
  // The references of one phrase come one after another; "(b)" in "Sections 3(a) and (b)"
  // continues the base of the item before it.
  let phrase: Range | undefined;
  let base: string | undefined;
  return refs.map((ref) => {
    if (phrase?.start !== ref.phraseRange.start || phrase.end !== ref.phraseRange.end) {
      phrase = ref.phraseRange;
      base = undefined;
    }
    let key = normaliseKey(ref.label);
    if (ref.label.startsWith('(')) {
      if (base !== undefined) key = `${base}(${key})`;
    } else {
      const paren = key.indexOf('(');
      base = paren < 0 ? key : key.slice(0, paren);
    }
    const lookupKey = `${ref.kind}:${key}`;
    let target = resolved.get(lookupKey);
    if (target === undefined && !resolved.has(lookupKey)) {
      target = resolveOne(ref.kind, key, lookup);
      // "Section 3.2" for a section numbered "3.02" (and the other way round): the same number.
      if (!target && /\d/.test(key)) target = resolveByValue(ref.kind, key, lookup);
      resolved.set(lookupKey, target);
    }
    const result: CrossReference = {
      kind: ref.kind,
      label: ref.label,
      range: ref.range,
      phraseRange: ref.phraseRange,
      resolved: target !== undefined,
    };
    if (target) result.targetId = target.id;
    return result;
  });
}
