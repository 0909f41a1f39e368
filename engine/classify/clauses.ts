import type { ContractModel, Definition, Range, Section, Sentence } from '../model/types.js';
import { detached, TextMemo } from '../text/memo.js';
import { KeywordScanner } from './keywords.js';
import { CLAUSE_PATTERNS, type ClausePattern, type SentenceRule } from './patterns.js';
import { collapsedSentences } from './sentence-text.js';
import {
  SENTENCE_WORD_GROUP_NAMES,
  SENTENCE_WORD_GROUPS,
  SENTENCE_WORDS_SPACED,
  scanSentenceWords,
} from './sentence-words.js';
import { CLAUSE_TYPES, type ClauseHit, type ClauseIndex, type ClauseType } from './types.js';

/**
 * Clause classification: labels paragraphs with the clause types they belong to.
 *
 * Two kinds of evidence, both cheap:
 * - headings: a section whose title names a clause ("Audit Rights", "Term and Termination") labels
 *   every paragraph inside it; a child section inherits its parent's labels unless its own title
 *   names a clause of its own;
 * - sentences: precompiled regexes over each sentence, which is what finds clauses in EDGAR plain
 *   text where headings were flattened into the paragraph or lost.
 *
 * Sentences that define a term ("“Audit” means …") and paragraphs of a definitions section are
 * not sentence evidence (except for patterns that opt in), so a glossary does not make a clause.
 */
export function classifyClauses(model: ContractModel): ClauseIndex {
  const compiledPatterns = compilePatterns();
  const { patterns: compiled, scanner } = compiledPatterns;
  const words = new Uint16Array(collapsedSentences(model).length);
  const triggered = new Uint8Array(scanner.count);
  const paragraphCount = model.paragraphs.length;
  // Most paragraphs carry no label: a set is made for those that do.
  const labels: (Set<ClauseType> | undefined)[] = new Array(paragraphCount).fill(undefined);
  const hitsByType = new Map<ClauseType, ClauseHit[]>();
  const sectionsByType = new Map<ClauseType, string[]>();
  const addHit = (hit: ClauseHit) => {
    let list = hitsByType.get(hit.type);
    if (!list) {
      list = [];
      hitsByType.set(hit.type, list);
    }
    list.push(hit);
    if (hit.paragraph < 0 || hit.paragraph >= paragraphCount) return;
    const set = labels[hit.paragraph];
    if (set) set.add(hit.type);
    else labels[hit.paragraph] = new Set([hit.type]);
  };

  // --- Headings -------------------------------------------------------------------------------
  const sectionInfo = analyseSections(model, compiled);
  for (const [id, info] of sectionInfo) {
    for (const type of info.own) {
      let list = sectionsByType.get(type);
      if (!list) {
        list = [];
        sectionsByType.set(type, list);
      }
      list.push(id);
    }
  }

  // --- Paragraphs and sentences ---------------------------------------------------------------
  const isDefinition = definitionSentenceTest(model.definitions);
  const collapsed = collapsedSentences(model);
  const sentenceTexts = collapsed.map(clauseText);
  // The scanner reads the sentences as ranges of one flat copy (see `scanRange`); the separator
  // is no keyword's character, and each range is scanned on its own anyway.
  const flat = sentenceTexts.join('\n');
  let flatStart = 0;
  let next = 0;
  for (let index = 0; index < paragraphCount; index++) {
    const paragraph = model.paragraphs[index];
    if (!paragraph) continue;
    const info = paragraph.sectionId === undefined ? undefined : sectionInfo.get(paragraph.sectionId);
    if (info) {
      for (const type of info.effective) {
        addHit({ type, paragraph: index, range: info.headingRange, source: 'heading' });
      }
    }
    // EDGAR text keeps the PDF's runs of spaces and line breaks inside sentences; the patterns
    // read a no-break space as a space too.
    const first = next;
    next += paragraph.sentences.length;
    const defining = paragraph.sentences.map((s, i) => isDefinition(s.range, sentenceTexts[first + i] ?? ''));
    // In a definitions section, every sentence of a paragraph that defines a term belongs to the
    // definition ("… The Term includes renewals."); a paragraph there that defines nothing (a
    // missed heading let the section run on) is read like any other.
    const glossary = (info?.effective.includes('definitions') ?? false) && defining.some(Boolean);
    for (let i = 0; i < paragraph.sentences.length; i++) {
      const sentence = paragraph.sentences[i] as Sentence;
      const text = sentenceTexts[first + i] ?? '';
      const definitional = glossary || (defining[i] ?? false);
      const reading = readSentence(text, definitional, compiledPatterns, triggered, flat, flatStart);
      flatStart += text.length + 1;
      // A copy with its no-break spaces read as spaces: its words are not exactly the sentence's.
      words[first + i] =
        text === collapsed[first + i] ? reading.words : reading.words | SENTENCE_WORDS_SPACED;
      for (const type of reading.types) {
        addHit({ type, paragraph: index, range: sentence.range, source: 'sentence' });
      }
    }
  }

  wordsCache.set(model, words);

  for (const list of hitsByType.values())
    list.sort((a, b) => a.range.start - b.range.start || a.paragraph - b.paragraph);
  const order = new Map<ClauseType, number>(CLAUSE_TYPES.map((t, i) => [t, i]));
  const empty: readonly never[] = Object.freeze([]);
  const labelLists: (readonly ClauseType[])[] = labels.map((set) =>
    set ? [...set].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) : empty,
  );

  return {
    labelsOf: (paragraph) => labelLists[paragraph] ?? empty,
    hits: (type) => hitsByType.get(type) ?? empty,
    has: (type) => (hitsByType.get(type)?.length ?? 0) > 0,
    sectionsOf: (type) => sectionsByType.get(type) ?? empty,
  };
}

// ---------------------------------------------------------------------------------------------

const wordsCache = new WeakMap<ContractModel, Uint16Array>();

/**
 * For every sentence of the model, in the order of `collapsedSentences`, the bits
 * (`SENTENCE_WORD`, sentence-words.ts) of the word groups it has, found by the clause scan
 * (`SENTENCE_WORDS_SPACED` marks a mask found in a copy with its no-break spaces read as spaces).
 * Kept by `classifyClauses`; found here when a model was not classified (a reader used alone).
 */
export function sentenceWords(model: ContractModel): Uint16Array {
  let words = wordsCache.get(model);
  if (!words) {
    words = Uint16Array.from(collapsedSentences(model), scanSentenceWords);
    wordsCache.set(model, words);
  }
  return words;
}

/** EDGAR text keeps the PDF's runs of spaces and line breaks; the patterns read a no-break space as a space too. */
function clauseText(collapsed: string): string {
  return collapsed.includes('\u00a0') ? collapsed.replace(WHITESPACE_RUN, ' ') : collapsed;
}

/** The word-group bits of a scan: the groups' keyword sets follow the clause rules' in the scanner. */
function wordsOf(triggered: Uint8Array, firstWordGroup: number): number {
  let words = 0;
  for (let g = 0; g < SENTENCE_WORD_GROUP_NAMES.length; g++) {
    if (triggered[firstWordGroup + g] === 1) words |= 1 << g;
  }
  return words;
}

/** What a sentence's own words show: its clause types and its word groups. */
interface SentenceReading {
  types: readonly ClauseType[];
  words: number;
}

/**
 * Sentences are read once each, remembered by text: the patterns are fixed, so the answer
 * depends on the text alone. In the editor an edit changes one sentence and the other few
 * thousand are answered from here. Bounded: cleared when full.
 */
// Two memos rather than a flag in the key: building "d" + text would copy every sentence.
const sentenceMemo = new TextMemo<SentenceReading>({ keepKeys: true });
const definitionalSentenceMemo = new TextMemo<SentenceReading>({ keepKeys: true });
const NO_TYPES: readonly ClauseType[] = Object.freeze([]);
/** Most sentences show no clause: they share one answer per word-group mask. */
const NO_CLAUSE: readonly SentenceReading[] = Array.from(
  { length: 1 << SENTENCE_WORD_GROUP_NAMES.length },
  (_, words) => Object.freeze({ types: NO_TYPES, words }),
);

/**
 * `flat.slice(flatStart, flatStart + text.length)` is `text`: the copy the scanner and the
 * patterns read. A sentence is often a concatenation, which a pattern would first copy into a
 * flat string of its own; a slice of the flat copy costs no copy.
 */
function readSentence(
  text: string,
  definitional: boolean,
  { patterns, scanner, firstWordGroup }: Compiled,
  triggered: Uint8Array,
  flat: string,
  flatStart: number,
): SentenceReading {
  return (definitional ? definitionalSentenceMemo : sentenceMemo).get(text, () => {
    scanner.scanRange(flat, flatStart, flatStart + text.length, triggered);
    const words = wordsOf(triggered, firstWordGroup);
    const subject = flat.slice(flatStart, flatStart + text.length);
    let types: ClauseType[] | undefined;
    for (const entry of patterns) {
      if (entry.rules.length === 0) continue;
      if (definitional && !entry.inDefinitions) continue;
      if (!matchesAny(entry.rules, subject, triggered)) continue;
      if (types) types.push(entry.type);
      else types = [entry.type];
    }
    return types ? { types, words } : (NO_CLAUSE[words] as SentenceReading);
  });
}

const WHITESPACE_RUN = /\s+/g;

interface CompiledRule {
  rule: SentenceRule;
  /** Index of the rule's keyword set in the scanner. */
  id: number;
}

interface CompiledPattern {
  type: ClauseType;
  heading?: RegExp;
  headingNot?: RegExp;
  headingConfirm?: RegExp;
  rules: readonly CompiledRule[];
  inDefinitions: boolean;
}

interface Compiled {
  patterns: CompiledPattern[];
  /** The clause rules' keyword sets (by rule id), then the sentence word groups'. */
  scanner: KeywordScanner;
  /** The scanner's id of the first word group. */
  firstWordGroup: number;
}

let compiledCache: Compiled | undefined;

function compilePatterns(): Compiled {
  if (compiledCache) return compiledCache;
  const keywordSets: (readonly string[])[] = [];
  const patterns = CLAUSE_TYPES.map((type) => {
    const pattern: ClausePattern = CLAUSE_PATTERNS[type];
    const rules = pattern.sentences.map((rule) => ({ rule, id: keywordSets.push(rule.keywords) - 1 }));
    const entry: CompiledPattern = { type, rules, inDefinitions: pattern.inDefinitions ?? false };
    if (pattern.heading) entry.heading = pattern.heading;
    if (pattern.headingNot) entry.headingNot = pattern.headingNot;
    if (pattern.headingConfirm) entry.headingConfirm = pattern.headingConfirm;
    return entry;
  });
  const firstWordGroup = keywordSets.length;
  for (const name of SENTENCE_WORD_GROUP_NAMES) keywordSets.push(SENTENCE_WORD_GROUPS[name]);
  compiledCache = { patterns, scanner: new KeywordScanner(keywordSets), firstWordGroup };
  return compiledCache;
}

/** `triggered`: the rules (by id) whose keywords the sentence has; the others cannot match. */
function matchesAny(rules: readonly CompiledRule[], text: string, triggered: Uint8Array): boolean {
  for (const { rule, id } of rules) {
    if (triggered[id] !== 1) continue;
    let ok = true;
    for (const re of rule.all) {
      if (!re.test(text)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (rule.none?.some((re) => re.test(text))) continue;
    return true;
  }
  return false;
}

interface SectionInfo {
  /** Clause types the section's own title names. */
  own: ClauseType[];
  /** Own types, or the nearest titled ancestor's. */
  effective: ClauseType[];
  /** Heading range of the section the effective types come from. */
  headingRange: Range;
}

/** Titles that name the document rather than a clause ("Patent License Agreement"). */
const DOCUMENT_TITLE =
  /\b(?:agreement|contract|amendment|addendum|terms of (?:service|use)|memorandum|deed|indenture)\s*$/i;
/** Sections with nothing in them ("Audit. [Reserved]"). */
const RESERVED =
  /^\s*\[?\s*(?:reserved|intentionally (?:left blank|omitted)|deleted|not used)\s*\]?\s*\.?\s*$/i;

/** "Governing Law. This Agreement is governed …" (a Word heading holding a whole clause) → "Governing Law". */
const LEAD_IN = /^([^.:;]{1,100}?)[.:](?:\s|$)/;
const SENTENCE_WORDS = /\b(?:means|shall|will|may|must|is|are|has|have|agrees?)\b/;

/** The part of a section title that names it: the lead-in when the "title" is a whole paragraph. */
export function clauseTitle(title: string): string {
  let clean = title
    .replace(/[*_`#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length > 80 || /[.:]\s+\S/.test(clean)) {
    const lead = LEAD_IN.exec(clean);
    const candidate = lead ? (lead[1] as string).trim() : '';
    clean = candidate.split(' ').length <= 12 && !SENTENCE_WORDS.test(candidate) ? candidate : '';
  }
  return clean.replace(/[.:;,\s-]+$/, '');
}

/**
 * Clause types by section title (the patterns are fixed). "Governing Law", "Notices" and the like
 * recur in agreement after agreement, so the answers are kept for the whole process, batch runs
 * included (the text memos are on only in the editor). Bounded: cleared when full.
 */
const titleTypesCache = new Map<string, ClauseType[]>();
const TITLE_TYPES_LIMIT = 5_000;

function titleTypes(title: string, compiled: CompiledPattern[]): ClauseType[] {
  let types = titleTypesCache.get(title);
  if (types === undefined) {
    types = typesOfTitle(title, compiled);
    if (titleTypesCache.size >= TITLE_TYPES_LIMIT) titleTypesCache.clear();
    // A title is often a slice of the whole document: a copy lets that document go.
    titleTypesCache.set(detached(title), types);
  }
  return types;
}

function typesOfTitle(title: string, compiled: CompiledPattern[]): ClauseType[] {
  const clean = clauseTitle(title);
  if (clean === '' || clean.length > 100 || DOCUMENT_TITLE.test(clean)) return [];
  const out: ClauseType[] = [];
  for (const entry of compiled) {
    if (entry.heading?.test(clean) && !entry.headingNot?.test(clean)) out.push(entry.type);
  }
  return out;
}

function analyseSections(model: ContractModel, compiled: CompiledPattern[]): Map<string, SectionInfo> {
  const reserved = reservedSections(model);
  const parent = new Map<string, Section | undefined>();
  const byId = new Map<string, Section>();
  const ownTypes = new Map<string, ClauseType[]>();
  const index = (sections: Section[], up: Section | undefined) => {
    for (const section of sections) {
      parent.set(section.id, up);
      byId.set(section.id, section);
      ownTypes.set(section.id, reserved.has(section.id) ? [] : titleTypes(section.title, compiled));
      index(section.children, section);
    }
  };
  index(model.sections, undefined);

  // Heading labels that need the section's text to confirm them ("Billing, Reporting, Auditing"
  // over text that never mentions an audit is not an audit clause).
  const needsConfirm = compiled.filter((c) => c.headingConfirm !== undefined);
  if (needsConfirm.length > 0) {
    const confirmed = new Set<string>();
    for (const paragraph of model.paragraphs) {
      for (let id = paragraph.sectionId; id !== undefined; id = parent.get(id)?.id) {
        const types = ownTypes.get(id) ?? [];
        for (const entry of needsConfirm) {
          if (!types.includes(entry.type) || confirmed.has(`${id}\u0000${entry.type}`)) continue;
          const title = byId.get(id)?.title ?? '';
          const body =
            title !== '' && paragraph.text.includes(title)
              ? paragraph.text.replace(title, ' ')
              : paragraph.text;
          if (entry.headingConfirm?.test(body)) confirmed.add(`${id}\u0000${entry.type}`);
        }
      }
    }
    for (const [id, types] of ownTypes) {
      ownTypes.set(
        id,
        types.filter((t) => !needsConfirm.some((c) => c.type === t) || confirmed.has(`${id}\u0000${t}`)),
      );
    }
  }

  const info = new Map<string, SectionInfo>();
  const walk = (sections: Section[], inherited: SectionInfo | undefined) => {
    for (const section of sections) {
      const own = ownTypes.get(section.id) ?? [];
      const entry: SectionInfo =
        own.length > 0
          ? { own, effective: own, headingRange: section.headingRange }
          : {
              own,
              effective: inherited?.effective ?? [],
              headingRange: inherited?.headingRange ?? section.headingRange,
            };
      info.set(section.id, entry);
      walk(section.children, entry.effective.length > 0 ? entry : inherited);
    }
  };
  walk(model.sections, undefined);
  return info;
}

/** Ids of sections whose only text after the title says "[Reserved]" / "Intentionally omitted". */
function reservedSections(model: ContractModel): Set<string> {
  const out = new Set<string>();
  const bySection = new Map<string, string[]>();
  for (const p of model.paragraphs) {
    if (p.sectionId === undefined) continue;
    let list = bySection.get(p.sectionId);
    if (!list) {
      list = [];
      bySection.set(p.sectionId, list);
    }
    if (list.length < 3) list.push(p.text);
  }
  const visit = (sections: Section[]) => {
    for (const s of sections) {
      const texts = bySection.get(s.id) ?? [];
      if (s.children.length === 0 && texts.length > 0) {
        const body = texts.map((t) => stripTitle(t, s.title)).join(' ');
        if (RESERVED.test(body)) out.add(s.id);
      }
      visit(s.children);
    }
  };
  visit(model.sections);
  return out;
}

function stripTitle(text: string, title: string): string {
  const at = title === '' ? -1 : text.indexOf(title);
  const rest = at < 0 ? text : text.slice(at + title.length);
  return rest.replace(/^[\s.:;\-–—]+/, '').replace(/^(?:section|article)?\s*[\dIVXivx.()a-z]{0,8}\s*$/i, '');
}

/** A sentence that defines a term: `"X" means …`, `"X" shall have the meaning …`. */
const DEFINING_SENTENCE =
  /^[\s\d.()a-zA-Z]{0,12}?["“][^"”]{1,80}["”](?:\s+or\s+["“][^"”]{1,80}["”])?(?:\s*\([^)]{0,80}\))?\s*(?:shall\s+)?(?:means?|has the meaning|shall have the meaning|have the meanings?|refers to|includes?|shall include)\b/;

/**
 * Builds a test for "this sentence is a definition": it overlaps the defining text of a
 * `means`-style definition found by the model, or reads like one.
 */
function definitionSentenceTest(definitions: Definition[]): (range: Range, text: string) => boolean {
  const ranges = definitions
    .filter((d) => d.style === 'means' || d.style === 'shall-mean' || d.style === 'bold')
    .map((d) => d.definitionRange)
    .sort((a, b) => a.start - b.start);
  // Merge into disjoint ranges for a binary search.
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return (range, text) => {
    if (DEFINING_SENTENCE.test(text)) return true;
    let low = 0;
    let high = merged.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const r = merged[mid] as Range;
      if (r.end <= range.start) low = mid + 1;
      else if (r.start >= range.end) high = mid - 1;
      else return r.start <= range.start + 2 || overlapShare(r, range) > 0.5;
    }
    return false;
  };
}

function overlapShare(a: Range, b: Range): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const length = b.end - b.start;
  return length <= 0 ? 0 : overlap / length;
}
