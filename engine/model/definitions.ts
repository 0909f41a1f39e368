import { toViewRange } from '../text/block-text.js';
import { sentencesOf } from './sentences.js';
import type { Block, Definition, DefinitionStyle, Range } from './types.js';

/**
 * Finds defined terms in blocks.
 *
 * Forms recognised:
 * - definitions-section forms: `"X" means`, `"X" shall mean`, `"X" will mean`, `"X" refers to`,
 *   `"X" or "Y" means`, and (when the term opens the block) a short qualifier between the term and
 *   "means" (`"Affiliate" of Licensee means`, `"Term," as used herein, means`);
 * - pointers: `"X" has the meaning given/set forth/ascribed (to it) in Section N` → 'has-meaning';
 * - inline forms: a parenthesis whose text is only quoted terms and filler words (`(the "X")`,
 *   `(each, a "X")`, `(individually, a "X" and collectively, the "Y")`, `(hereinafter "X")`), and
 *   un-bracketed `referred to (herein) as "X"`, `individually as "X"`, `collectively, the "X"`;
 * - bold terms: a bold run opening a paragraph followed by "means"/"shall mean"/":" → 'bold'
 *   (a bold quoted term in the definitional position is 'bold' too).
 *
 * Straight quotes, curly double quotes and curly single quotes are accepted.
 */

export interface QuotedSpan {
  /** Plain offsets of the term (inside the quotes, trimmed of trailing commas/periods). */
  start: number;
  end: number;
  term: string;
  /** Plain offsets of the quote characters. */
  quoteStart: number;
  quoteEnd: number;
}

const QUOTED = /"([^"\n]{1,120})"|“([^“”\n]{1,120})”|‘([^‘’\n]{1,80})’(?![\p{L}\p{N}])/gu;

/** Quoted things that are never terms. */
const NOT_TERMS = new Set(['as is', 'as-is', 'as available', 'where is', 'with all faults', 'and/or', 'or']);

const MEANS_AFTER =
  /^[\s,]*(?:(?:shall|will|does|is deemed to|is intended to|shall be deemed to)\s+)?(?:mean|means|refer to|refers to|shall refer to|includes? and means)\b/i;
const MEANS_AFTER_GAP = /^(?:[^."“”;:\n]{0,90}?)[\s,]*(?:(?:shall|will|does)\s+)?(?:mean|means|refers to)\b/i;
const HAS_MEANING =
  /^[\s,]*(?:shall\s+)?(?:has|have|shall have|will have)\s+the\s+(?:respective\s+)?meanings?\s+(?:(?:given|set forth|set out|ascribed|assigned|specified|provided|defined|attributed|described)\s+)?(?:(?:to\s+(?:it|such term|them|that term|them respectively))\s+|thereto\s+|therefor\s+)?(?:in|under|by|at)\s+(?:the\s+)?/i;
const POINTER =
  /^(Sections?|Articles?|Clauses?|Paragraphs?|Schedules?|Exhibits?|Annex|Appendix|§)\s*([0-9A-Z][0-9A-Za-z.-]*(?:\([0-9A-Za-z]{1,5}\))*)/;
const OR_TERM = /^\s*,?\s*(?:or|and|and\/or)\s+(?=["“‘])/;
const LIST_PREFIX =
  /^\s*(?:(?:Section|Article)\s+)?(?:\(?[0-9A-Za-z]{1,4}\)|\d+(?:\.\d+)*\.?|[A-Za-z]\.|[ivxIVX]+\.)?\s*/;

/** Words allowed between "(" and a quoted term in an inline definition (lower-cased). */
const FILLER_WORDS = new Set([
  'each',
  'individually',
  'collectively',
  'together',
  'jointly',
  'severally',
  'hereinafter',
  'hereafter',
  'herein',
  'hereto',
  'hereunder',
  'referred',
  'to',
  'as',
  'called',
  'the',
  'a',
  'an',
  'and',
  'or',
  'being',
  'singularly',
  'singly',
  'both',
  'all',
  'also',
  'sometimes',
  'known',
  'defined',
  'designated',
  'such',
  'any',
  'one',
  'of',
  'them',
  'which',
  'is',
  'are',
  'in',
  'this',
  'with',
  'its',
  'their',
  'may',
  'be',
  'shall',
  'on',
  'other',
  'hand',
  'respectively',
  'below',
  'from',
  'time',
  'occasion',
  'either',
  'we',
  'us',
  'our',
  'you',
  'your',
]);

const FILLER_TOKEN = /"[^"]*"|“[^”]*”|‘[^’]*’|[\p{L}\p{N}'’&.-]+|[\s,;:]+|./gu;

/** Is the text between "(" and a quoted term only filler words, earlier quoted terms and names? */
function isFiller(between: string): boolean {
  FILLER_TOKEN.lastIndex = 0;
  for (let m = FILLER_TOKEN.exec(between); m !== null; m = FILLER_TOKEN.exec(between)) {
    const tok = m[0];
    const c = tok[0] as string;
    if (c === '"' || c === '“' || c === '‘' || /^[\s,;:]+$/.test(tok)) continue;
    if (FILLER_WORDS.has(tok.toLowerCase())) continue;
    // A capitalised name ("each of Arizona on the one hand …, a "Party"").
    if (/^\p{Lu}[\p{L}'’&.-]*$/u.test(tok)) continue;
    return false;
  }
  return true;
}
const PRE_INLINE =
  /(?:referred\s+to(?:\s+herein|\s+hereinafter|\s+below|,?\s+(?:herein|from time to time|on occasion|individually|collectively)[\s,]*){0,3}\s+as|hereinafter(?:\s+called|\s+referred\s+to\s+as)?|individually\s+as|collectively\s+as|(?:,|\()\s*collectively|together\s+as|jointly\s+as|known\s+as|called|designated\s+as)[\s,]+(?:the\s+|a\s+|an\s+)?$/i;

export function quotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m !== null; m = QUOTED.exec(text)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    const innerStart = m.index + 1;
    let s = 0;
    let e = inner.length;
    while (s < e && /\s/.test(inner[s] as string)) s++;
    while (e > s && /[\s,.;:]/.test(inner[e - 1] as string)) e--;
    if (e <= s) continue;
    out.push({
      start: innerStart + s,
      end: innerStart + e,
      term: inner.slice(s, e).replace(/\s+/g, ' '),
      quoteStart: m.index,
      quoteEnd: m.index + m[0].length,
    });
  }
  return out;
}

function wordCount(term: string): number {
  return term.split(' ').length;
}

/** Could this quoted text be a defined term? */
export function looksLikeTerm(term: string, requireCapital: boolean): boolean {
  if (term.length === 0 || term.length > 80) return false;
  if (wordCount(term) > 8) return false;
  if (NOT_TERMS.has(term.toLowerCase())) return false;
  if (/[!?;]|\.\s/.test(term)) return false;
  if (requireCapital && !/^[\p{Lu}\p{N}$]/u.test(term)) return false;
  return /\p{L}/u.test(term);
}

function sentenceAt(sentences: Range[], offset: number, textLength: number): Range {
  for (const r of sentences) {
    if (offset >= r.start && offset < r.end) return r;
  }
  return { start: 0, end: textLength };
}

/**
 * Unquoted definitions-section entries, as left by plain-text conversions of EDGAR filings:
 * "1.1 Affiliate means …", "(b) Licensed Product shall mean …", "Improvements mean …" — a Title-case phrase (≤ 6 words)
 * at the start of the block, of a line, or after a sentence end, optionally after an enumerator.
 */
const UNQUOTED =
  /(?:^|\n|[.:;]\s+)[ \t]*(?:(?:\d+(?:\.\d+)*\.?|\([a-z0-9]{1,4}\)|[a-z]\.)[ \t]+)?((?:\p{Lu}[\p{L}\p{N}'’-]*)(?:[ \t]+(?:(?:of|and|for|or|in|to|&)[ \t]+)?\p{Lu}[\p{L}\p{N}'’-]*){0,5})[ \t]+(means|mean|shall[ \t]+mean)\b/gu;
const UNQUOTED_LEAD = /^(?:The|This|That|Each|Any|Such|An?)\s+/;

/** In a list of unquoted definitions, an entry may read "Hearing Aids are amplification devices …". */
const UNQUOTED_COPULA =
  /(?:[.;]\s+)[ \t]*(?:(?:\d+(?:\.\d+)*\.?|\([a-z0-9]{1,4}\)|[a-z]\.)[ \t]+)?((?:\p{Lu}[\p{L}\p{N}'’-]*)(?:[ \t]+(?:(?:of|and|for|or|in|to|&)[ \t]+)?\p{Lu}[\p{L}\p{N}'’-]*){0,5})[ \t]+(is|are)[ \t]+(?:an?|the|any|all|each)[ \t]/gu;

function unquotedDefinitions(block: Block, out: Definition[]): void {
  const text = block.text;
  if (!text.includes('mean')) return;
  const before = out.length;
  unquotedWith(block, UNQUOTED, out);
  // Only inside a list that already defines two terms with "means": elsewhere "X is a …" is prose.
  if (out.length - before >= 2) unquotedWith(block, UNQUOTED_COPULA, out);
}

function unquotedWith(block: Block, pattern: RegExp, out: Definition[]): void {
  const text = block.text;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    let term = m[1] as string;
    // Back from the verb to the term (the copula pattern also takes the article after the verb).
    let start = m.index + m[0].length - (m[2] as string).length - 1 - term.length;
    while (start > 0 && text.slice(start, start + term.length) !== term) start--;
    const lead = UNQUOTED_LEAD.exec(term);
    if (lead) {
      start += lead[0].length;
      term = term.slice(lead[0].length);
    }
    if (term === '' || !looksLikeTerm(term, true)) continue;
    // "Improvements mean …": the plural verb only after a plural term.
    if (m[2] === 'mean' && !/s$/.test(term)) continue;
    if (block.strong.some((r) => r.start <= start && r.end > start)) continue; // a bold term: see below
    if (/^(?:Section|Article|Exhibit|Schedule|It|He|She|They|We|You|Which|That|This)$/.test(term)) continue;
    const sentence = sentencesOf(block).find((r) => start >= r.start && start < r.end) ?? {
      start: 0,
      end: text.length,
    };
    out.push({
      term: term.replace(/\s+/g, ' '),
      range: toViewRange(block, start, start + term.length),
      definitionRange: toViewRange(block, start, sentence.end),
      definitionText: text.slice(start, sentence.end),
      style: /shall/.test(m[2] as string) ? 'shall-mean' : 'means',
    });
  }
}

/** "… and the like (collectively, the Content)": a filing copy that lost the quotes still defines a term. */
const COLLECTIVE =
  /\(\s*(?:collectively|together|each|individually)\s*,?\s+(?:the\s+|a\s+|an\s+)?(\p{Lu}[\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*){0,3})\s*\)/gu;

function collectiveDefinitions(block: Block, out: Definition[]): void {
  const text = block.text;
  // No pre-test for the words: COLLECTIVE starts with "(", which the regex engine finds quickly.
  COLLECTIVE.lastIndex = 0;
  for (let m = COLLECTIVE.exec(text); m !== null; m = COLLECTIVE.exec(text)) {
    const term = (m[1] as string).replace(/\s+/g, ' ');
    if (!looksLikeTerm(term, true) || /^(?:Party|Parties|Section|Article|Exhibit|Schedule)$/.test(term))
      continue;
    const start = m.index + m[0].indexOf(m[1] as string);
    const sentence = sentencesOf(block).find((r) => start >= r.start && start < r.end) ?? {
      start: 0,
      end: text.length,
    };
    out.push({
      term,
      range: toViewRange(block, start, start + (m[1] as string).length),
      definitionRange: toViewRange(block, sentence.start, sentence.end),
      definitionText: text.slice(sentence.start, sentence.end),
      style: 'inline',
    });
  }
}

export function findDefinitions(blocks: Block[]): Definition[] {
  const out: Definition[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    definitionsInBlock(block, out);
  }
  return out;
}

function definitionsInBlock(block: Block, out: Definition[]): void {
  const text = block.text;
  const hasQuote = /["“‘]/.test(text);
  const hasStrong = block.strong.length > 0;
  unquotedDefinitions(block, out);
  collectiveDefinitions(block, out);
  if (!hasQuote && !hasStrong) return;
  const sentenceOf = (offset: number): Range => sentenceAt(sentencesOf(block), offset, text.length);
  const taken = new Set<number>();
  const add = (
    span: { start: number; end: number; term: string },
    defStart: number,
    defEnd: number,
    style: DefinitionStyle,
    pointsTo?: string,
  ): void => {
    if (taken.has(span.start)) return;
    taken.add(span.start);
    const def: Definition = {
      term: span.term,
      range: toViewRange(block, span.start, span.end),
      definitionRange: toViewRange(block, defStart, defEnd),
      definitionText: text.slice(defStart, defEnd),
      style,
    };
    if (pointsTo !== undefined) def.pointsTo = pointsTo;
    out.push(def);
  };

  const leadEnd = LIST_PREFIX.exec(text)?.[0].length ?? 0;

  // Bold terms without quotes: **Term** means … / **Term:** …
  for (const strong of block.strong) {
    if (strong.start > leadEnd) break;
    const raw = text.slice(strong.start, strong.end);
    if (/["“‘]/.test(raw)) continue; // Quoted inside bold: handled with the quotes below.
    let s = strong.start;
    let e = strong.end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /[\s.:,]/.test(text[e - 1] as string)) e--;
    const term = text.slice(s, e).replace(/\s+/g, ' ');
    const colonInside = /:\s*$/.test(raw);
    const after = text.slice(strong.end, strong.end + 40);
    const means = MEANS_AFTER.test(after);
    const colon = colonInside || /^\s*:/.test(after);
    if (!(means || colon)) continue;
    if (!looksLikeTerm(term, false) || wordCount(term) > 6) continue;
    const sentence = sentenceOf(strong.start);
    add({ start: s, end: e, term }, sentence.start, sentence.end, 'bold');
  }

  if (!hasQuote) return;
  const spans = quotedSpans(text);
  if (spans.length === 0) return;

  // Parenthesised groups containing quotes: inline definitions.
  const inlineSpans = new Set<QuotedSpan>();
  for (const span of spans) {
    const open = text.lastIndexOf('(', span.quoteStart);
    if (open < 0 || span.quoteStart - open > 200) continue;
    const close = text.indexOf(')', span.quoteEnd);
    const between = text.slice(open + 1, span.quoteStart);
    if (between.includes(')')) continue;
    if (close < 0) continue;
    if (!isFiller(between)) continue;
    inlineSpans.add(span);
  }

  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as QuotedSpan;
    const after = text.slice(span.quoteEnd, span.quoteEnd + 160);

    // "X" or "Y" means …: collect the chain of quoted terms joined by or/and.
    const chain: QuotedSpan[] = [span];
    let j = i;
    let tail = after;
    while (j + 1 < spans.length) {
      const next = spans[j + 1] as QuotedSpan;
      const gap = text.slice((spans[j] as QuotedSpan).quoteEnd, next.quoteStart);
      if (!OR_TERM.test(`${gap}"`)) break;
      chain.push(next);
      j++;
      tail = text.slice(next.quoteEnd, next.quoteEnd + 160);
    }
    const atLead = span.quoteStart <= leadEnd + 1;
    const meansMatch = MEANS_AFTER.exec(tail) ?? (atLead ? MEANS_AFTER_GAP.exec(tail) : null);
    const strongAtLead =
      atLead && block.strong.some((r) => r.start <= span.quoteStart && r.end >= span.quoteEnd - 1);
    if (meansMatch) {
      if (!chain.every((c) => looksLikeTerm(c.term, false))) continue;
      const sentence = sentenceOf(span.quoteStart);
      const defStart = Math.max(sentence.start, span.quoteStart);
      const shall = /shall\s+mean/i.test(meansMatch[0]);
      const style: DefinitionStyle = strongAtLead ? 'bold' : shall ? 'shall-mean' : 'means';
      for (const c of chain) add(c, defStart, sentence.end, style);
      i = j;
      continue;
    }
    const hm = HAS_MEANING.exec(tail);
    if (hm) {
      if (!chain.every((c) => looksLikeTerm(c.term, false))) continue;
      const rest = tail.slice(hm[0].length);
      const p = POINTER.exec(rest);
      let pointsTo: string | undefined;
      if (p) {
        const word = (p[1] as string).replace(/s$/, '');
        pointsTo = `${word === '§' ? 'Section' : word} ${(p[2] as string).replace(/\.$/, '')}`;
      }
      const sentence = sentenceOf(span.quoteStart);
      const defStart = Math.max(sentence.start, span.quoteStart);
      for (const c of chain) add(c, defStart, sentence.end, 'has-meaning', pointsTo);
      i = j;
      continue;
    }
    if (strongAtLead && /^\s*:/.test(after) && looksLikeTerm(span.term, true)) {
      const sentence = sentenceOf(span.quoteStart);
      add(span, Math.max(sentence.start, span.quoteStart), sentence.end, 'bold');
      continue;
    }
    // Inline: inside a filler-only parenthesis, or after "referred to as" and the like.
    let inline = inlineSpans.has(span);
    if (!inline) {
      const before = text.slice(Math.max(0, span.quoteStart - 80), span.quoteStart);
      inline = PRE_INLINE.test(before);
    }
    if (inline && looksLikeTerm(span.term, true) && wordCount(span.term) <= 6) {
      const sentence = sentenceOf(span.quoteStart);
      add(span, sentence.start, sentence.end, 'inline');
    }
  }
}
