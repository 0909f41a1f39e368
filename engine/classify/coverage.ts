import { allSections } from '../model/build.js';
import type { ContractModel, Definition, Paragraph, Range, Section, Sentence } from '../model/types.js';
import { isJsSpace } from '../text/chars.js';
import { indexOfLastStartingAtOrBefore } from '../text/ranges.js';
import { sentenceWords } from './clauses.js';
import type { Grant } from './grants.js';
import type { AgreementProfile } from './profile.js';
import { spacesToOne } from './sentence-text.js';
import { SENTENCE_WORD } from './sentence-words.js';
import { sidesOf } from './sides.js';
import type { ClauseIndex } from './types.js';

/**
 * Where the words decide what is licensed: the text a coverage check reads, each span named the
 * way a lawyer would name it ("the licence grant", "the definition of “Field”").
 *
 * - the grants themselves (present grants, covenants not to sue, promises to license), each from
 *   where it starts to where the next grant in the sentence starts;
 * - sentences that limit a licence ("the license shall be limited to …", "rights … do not exceed
 *   …") and exclusivity commitments;
 * - the definitions of the terms those use, followed two levels down ("Licensed Products" →
 *   "Field of Activity"), including terms a filing copy defines only in its definitions section;
 * - schedules a grant points at for what it licenses ("the Works listed in Exhibit A").
 *
 * Payment, notice, warranty and boilerplate text is not coverage text, however loose.
 */
export interface CoverageSpan {
  /** Index into `model.paragraphs`. */
  paragraph: number;
  /** Index into the paragraph's sentences. */
  sentence: number;
  /** Offsets into the sentence's text. */
  start: number;
  end: number;
  /** What the span is, for messages: "licence grant", "definition of “Field”". */
  clause: string;
  kind: 'grant' | 'covenant' | 'undertaking' | 'limit' | 'exclusivity' | 'definition' | 'schedule';
}

const cache = new WeakMap<ContractModel, CoverageSpan[]>();

/** A sentence that limits or measures a licence: "the license shall be limited to …", "do not exceed". */
const LIMITS_A_LICENCE =
  /\b(?:licen[cs]es?|sublicen[cs]\w*|rights? (?:granted|licensed))\b[^.;]{0,200}\b(?:limited to|restricted to|scope|exceed|extends? to|shall include|shall cover|solely for|only for)\b|\b(?:limited to|restricted to)\b[^.;]{0,120}\blicen[cs]e/i;
const SUBJECT_TERM =
  /\b(?:Field|Territory|Business|Licensed|Products?|Patents?|Technology|Content|Materials?|Works?|Services?|Know-?How|Software|Intellectual Property|IP|Assay|Tests?|Marks|Trademarks|Inventions?|Improvements?|Developments?|Programs?|Platform|Centres?|Centers?|Media|Properties|Sites?|Channels?|Domains?|Titles?|Rights)\b/;
/** Defined terms a grant names that are not what it licenses (the activities it permits are defined elsewhere as steps, not subject matter). */
const NOT_SUBJECT =
  /^(?:Agreement|Term|Initial Term|Renewal Term|Effective Date|Closing Date|Affiliates?|Party|Parties|Person|Third Part(?:y|ies)|Business Days?|Confidential Information|Laws?|Applicable Laws?|Change of Control|Losses|Claims?|Notice|Develop(?:ment)?|Manufactur(?:e|ing)|Commerciali[sz](?:e|ation)|Exploit(?:ation)?|Use|Sell|Make|Research)$/;
const ALWAYS_SCOPE = /\b(?:Field|Fields|Territory|Exclusivity|Exclusive Rights)\b/;
const EXCLUSIVE_COMMITMENT =
  /\bexclusiv|\bshall not\b|\bwill not\b|\bnot (?:to )?(?:grant|appoint|enter into|license)\b/i;
const QUOTED_TERM_START = /^[\s\d.()a-zA-Z]{0,12}?["“]([^"”]{1,80})["”]/;

export function coverageSpans(
  model: ContractModel,
  clauses: ClauseIndex,
  profile: AgreementProfile,
): CoverageSpan[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: CoverageSpan[] = [];
  const seen = new Set<string>();
  const add = (span: CoverageSpan) => {
    const key = `${span.paragraph}:${span.sentence}:${span.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(span);
  };
  const scopeText: string[] = [];

  // 1. The grants.
  for (const g of profile.grants) {
    if (g.kind === 'denial') continue;
    const at = sentenceStartingAt(model, g.range.start);
    if (!at) continue;
    const sentence = model.paragraphs[at.paragraph]?.sentences[at.sentence];
    if (!sentence) continue;
    const { start, end } = segmentBounds(sentence.text, g);
    add({ paragraph: at.paragraph, sentence: at.sentence, start, end, clause: grantName(g), kind: g.kind });
    scopeText.push(g.segment);
  }

  // 2. Sentences that limit a licence, and exclusivity commitments.
  // Every LIMITS_A_LICENCE match has "licen" or "grant": the clause scan found which sentences do.
  const words = sentenceWords(model);
  let next = 0;
  model.paragraphs.forEach((p, pi) => {
    const first = next;
    next += p.sentences.length;
    const labels = clauses.labelsOf(pi);
    if (
      !labels.includes('license-grant') &&
      !labels.includes('field-of-use') &&
      !labels.includes('territory')
    )
      return;
    p.sentences.forEach((s, si) => {
      if (((words[first + si] as number) & SENTENCE_WORD.grant) === 0) return;
      const text = spacesToOne(s.text);
      if (!LIMITS_A_LICENCE.test(text)) return;
      add({
        paragraph: pi,
        sentence: si,
        start: 0,
        end: s.text.length,
        clause: 'scope of the licence',
        kind: 'limit',
      });
      scopeText.push(text);
    });
  });
  for (const hit of clauses.hits('exclusivity')) {
    if (hit.source === 'sentence') {
      const at = sentenceStartingAt(model, hit.range.start);
      const sentence = at ? model.paragraphs[at.paragraph]?.sentences[at.sentence] : undefined;
      if (!at || !sentence) continue;
      add({ ...at, start: 0, end: sentence.text.length, clause: 'exclusivity clause', kind: 'exclusivity' });
      scopeText.push(sentence.text);
      continue;
    }
    // Under an "Exclusivity" heading: the commitments themselves (not the boilerplate around them).
    model.paragraphs[hit.paragraph]?.sentences.forEach((s, si) => {
      if (!EXCLUSIVE_COMMITMENT.test(s.text)) return;
      add({
        paragraph: hit.paragraph,
        sentence: si,
        start: 0,
        end: s.text.length,
        clause: 'exclusivity clause',
        kind: 'exclusivity',
      });
      scopeText.push(s.text);
    });
  }
  // "PFHOF agrees not to grant licences to any third party …": a promise not to license others.
  for (const g of profile.grants) {
    if (
      g.kind !== 'denial' ||
      !/\bthird part(?:y|ies)\b|\bany (?:other )?(?:person|entity)\b/i.test(g.segment)
    )
      continue;
    const at = sentenceStartingAt(model, g.range.start);
    const sentence = at ? model.paragraphs[at.paragraph]?.sentences[at.sentence] : undefined;
    if (!at || !sentence) continue;
    add({ ...at, start: 0, end: sentence.text.length, clause: 'exclusivity clause', kind: 'exclusivity' });
    scopeText.push(sentence.text);
  }

  // 3. The definitions of the terms they use, two levels down.
  const definitions = definitionsByTerm(model);
  const terms = new Set<string>();
  const visit = (text: string, depth: number) => {
    for (const [term, defs] of definitions) {
      if (terms.has(term) || !mentions(text, term)) continue;
      if (!SUBJECT_TERM.test(term)) continue;
      terms.add(term);
      if (depth > 0) for (const d of defs) visit(d.definitionText, depth - 1);
    }
  };
  for (const text of scopeText) visit(text, 2);
  for (const g of profile.grants)
    for (const t of g.subjectTerms) {
      if (!definitions.has(t) || NOT_SUBJECT.test(t) || terms.has(t)) continue;
      terms.add(t);
      for (const d of definitions.get(t) ?? []) visit(d.definitionText, 1);
    }
  // A party's name is not subject matter, whatever words it contains ("Village Media Company").
  for (const side of sidesOf(model).list) for (const name of side.names) terms.delete(name);
  // A field, a territory or an exclusivity defined anywhere decides coverage wherever it is used.
  for (const [term, defs] of definitions) {
    if (!ALWAYS_SCOPE.test(term) || terms.has(term)) continue;
    terms.add(term);
    for (const d of defs) visit(d.definitionText, 1);
  }
  const definitionStarts = new Set(
    model.definitions.filter((d) => d.style !== 'inline').map((d) => paragraphAt(model, d.range.start)),
  );
  for (const term of terms) {
    for (const d of definitions.get(term) ?? []) {
      const clause = `definition of "${d.term}"`;
      const range = d.style === 'inline' ? undefined : d.definitionRange;
      // Only the paragraphs the definition overlaps (an inline one: the paragraph it starts in).
      const from = range ? range.start : d.range.start;
      const to = range ? range.end : d.range.start + 1;
      for (let pi = firstEndingAfter(model, from); pi < model.paragraphs.length; pi++) {
        const p = model.paragraphs[pi] as Paragraph;
        if (p.range.start >= to) break;
        p.sentences.forEach((s, si) => {
          const inside = range
            ? s.range.end > range.start && s.range.start < range.end
            : s.range.start <= d.range.start && d.range.start < s.range.end;
          if (inside)
            add({ paragraph: pi, sentence: si, start: 0, end: s.text.length, clause, kind: 'definition' });
        });
      }
      // A definition that goes on as a list ("… means: (a) …; (b) …"): its items, up to the next definition.
      if (!range) continue;
      const first = paragraphAt(model, range.end - 1);
      for (let pi = first + 1; pi < Math.min(model.paragraphs.length, first + 60); pi++) {
        const p = model.paragraphs[pi];
        if (!p || definitionStarts.has(pi) || QUOTED_TERM_START.test(p.text) || boundary(model, first, pi))
          break;
        p.sentences.forEach((s, si) => {
          add({ paragraph: pi, sentence: si, start: 0, end: s.text.length, clause, kind: 'definition' });
        });
      }
    }
  }
  // Definitions a filing copy keeps only as paragraphs of its definitions section.
  model.paragraphs.forEach((p, pi) => {
    if (!clauses.labelsOf(pi).includes('definitions')) return;
    const term = QUOTED_TERM_START.exec(p.text)?.[1];
    if (!term || !terms.has(term) || definitions.get(term)?.some((d) => d.style !== 'inline')) return;
    p.sentences.forEach((s, si) => {
      add({
        paragraph: pi,
        sentence: si,
        start: 0,
        end: s.text.length,
        clause: `definition of "${term}"`,
        kind: 'definition',
      });
    });
  });

  // 4. Schedules a grant (or a limit or an exclusivity clause) points at.
  const attachments = scheduleSections(
    model,
    out
      .filter((s) => s.kind !== 'definition')
      .map((s) => model.paragraphs[s.paragraph]?.sentences[s.sentence]?.range),
  );
  model.paragraphs.forEach((p, pi) => {
    if (p.sectionId === undefined) return;
    const title = attachments.get(p.sectionId);
    if (!title) return;
    p.sentences.forEach((s, si) => {
      add({ paragraph: pi, sentence: si, start: 0, end: s.text.length, clause: title, kind: 'schedule' });
    });
  });

  out.sort((a, b) => a.paragraph - b.paragraph || a.sentence - b.sentence || a.start - b.start);
  cache.set(model, out);
  return out;
}

function paragraphAt(model: ContractModel, offset: number): number {
  let low = 0;
  let high = model.paragraphs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const p = model.paragraphs[mid];
    if (!p) break;
    if (p.range.end <= offset) low = mid + 1;
    else if (p.range.start > offset) high = mid - 1;
    else return mid;
  }
  return Math.max(0, Math.min(low, model.paragraphs.length - 1));
}

/** The index of the first paragraph that ends after `offset` (paragraphs are in document order). */
function firstEndingAfter(model: ContractModel, offset: number): number {
  let low = 0;
  let high = model.paragraphs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((model.paragraphs[mid] as Paragraph).range.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A definition's list ends where a new article, attachment or top-level heading starts. */
function boundary(model: ContractModel, from: number, at: number): boolean {
  const p = model.paragraphs[at];
  if (!p) return true;
  if (p.kind === 'heading' && !/^\s*(?:\(?[a-z0-9]{1,3}[.)]|[ivx]+\.)\s/i.test(p.text)) return true;
  return topSection(model, model.paragraphs[from]?.sectionId) !== topSection(model, p.sectionId);
}

function topSection(model: ContractModel, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  for (const s of model.sections) if (s.id === id || contains(s, id)) return s.id;
  return undefined;
}

function contains(section: Section, id: string): boolean {
  return section.children.some((c) => c.id === id || contains(c, id));
}

function grantName(g: Grant): string {
  if (g.kind === 'covenant') return 'covenant not to sue';
  if (g.kind === 'undertaking') return 'promise to license';
  return 'licence grant';
}

/**
 * The sentence that starts at `offset` (the last one, in document order), found by a binary search
 * over the paragraphs: a map of every sentence would cost more than the few grants looked up.
 */
function sentenceStartingAt(
  model: ContractModel,
  offset: number,
): { paragraph: number; sentence: number } | undefined {
  const { paragraphs } = model;
  for (let pi = indexOfLastStartingAtOrBefore(paragraphs, offset); pi >= 0; pi--) {
    const p = paragraphs[pi] as Paragraph;
    for (let si = p.sentences.length - 1; si >= 0; si--)
      if ((p.sentences[si] as Sentence).range.start === offset) return { paragraph: pi, sentence: si };
    // Sentences lie inside their paragraph, and earlier paragraphs end before this one starts.
    if (p.range.start < offset) break;
  }
  return undefined;
}

/** The grant's segment in the sentence's own text (the grant reader works on collapsed whitespace). */
function segmentBounds(original: string, g: Grant): { start: number; end: number } {
  const toOriginal = collapsedOffsets(original);
  const start = toOriginal(g.segmentStart);
  const end = toOriginal(g.segmentStart + g.segment.length);
  return { start, end: Math.max(start, end) };
}

/** Maps an offset in the whitespace-collapsed text back to the original text. */
function collapsedOffsets(original: string): (offset: number) => number {
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const space = isJsSpace(original.charCodeAt(i));
    if (space && inSpace) continue;
    map.push(i);
    inSpace = space;
  }
  map.push(original.length);
  return (offset) => map[Math.max(0, Math.min(offset, map.length - 1))] ?? original.length;
}

function definitionsByTerm(model: ContractModel): Map<string, Definition[]> {
  const out = new Map<string, Definition[]>();
  for (const d of model.definitions) {
    if (d.style === 'has-meaning') continue;
    let list = out.get(d.term);
    if (!list) {
      list = [];
      out.set(d.term, list);
    }
    list.push(d);
  }
  return out;
}

function mentions(text: string, term: string): boolean {
  const at = text.indexOf(term);
  if (at < 0) return false;
  const before = text[at - 1];
  const after = text[at + term.length];
  return !(before && /\w/.test(before)) && !(after && /[a-z]/.test(after));
}

/** Attachments a grant cross-refers to ("listed in Exhibit A"), by section id, with a name for messages. */
function scheduleSections(model: ContractModel, spans: (Range | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  const byId = new Map(allSections(model.sections).map((s) => [s.id, s]));
  const grantRanges = spans.filter((r): r is Range => r !== undefined);
  for (const ref of model.crossReferences) {
    if (!ref.resolved || !ref.targetId) continue;
    if (!['schedule', 'exhibit', 'annex', 'appendix'].includes(ref.kind)) continue;
    if (!grantRanges.some((r) => ref.range.start >= r.start && ref.range.end <= r.end)) continue;
    const target = byId.get(ref.targetId);
    if (!target) continue;
    const name = `${target.number ? `${capitalise(target.attachmentKind ?? ref.kind)} ${target.number}` : target.title} (what the licence covers)`;
    const mark = (s: Section) => {
      out.set(s.id, name);
      for (const c of s.children) mark(c);
    };
    mark(target);
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
