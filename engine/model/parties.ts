import { toViewRange } from '../text/block-text.js';
import { quotedSpans } from './definitions.js';
import { splitSentences } from './sentences.js';
import type { Block, Definition, Party } from './types.js';

/**
 * Parties from the preamble: the first few non-heading blocks before "RECITALS"/"WHEREAS"/
 * "NOW, THEREFORE"/the first numbered section.
 *
 * After "between"/"among" (or "made by"), each bracketed short name — `("Acme")`,
 * `(hereinafter referred to as "Customer")`, `(the "Company" and together with …)` — closes a
 * party; the legal name is the text before it, starting after the previous party's separator
 * ("and", ", and", "and (b)", "- and -") and cut at the first descriptive phrase (", a Delaware
 * corporation", ", having …", " (formerly …)"). A bracket that does not follow a separator
 * ("… ("LEADER"), a Nevada Corporation, (hereinafter referred to as "Leader")") is a second name
 * for the same party and is skipped. Without brackets, "between X and Y" gives names only.
 */

const STOP =
  /\b(?:RECITALS|Recitals|WHEREAS|Whereas|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|BACKGROUND|NOW,?\s+THEREFORE|Now,?\s+[Tt]herefore|IN CONSIDERATION|In consideration)\b/;
const NUMBERED = /^\s*(?:ARTICLE\s+|Article\s+|SECTION\s+|Section\s+)?(?:\d+(?:\.\d+)*|[IVX]+)\.?\s+\p{Lu}/u;
const BETWEEN = /\b(?:by\s+and\s+between|by\s+and\s+among|between|among)\b\s*:?\s*/;
const BETWEEN_UPPER = /\b(?:BETWEEN|AMONG)\b\s*:?\s*/;
const MADE_BY = /\b(?:made|entered\s+into|executed)\b[^.]{0,80}?\bby\s+/;
const MARKER = /^(?:\(\s*[a-z0-9]{1,3}\s*\)|[a-z0-9]{1,2}\)|\d\.)\s*/i;
const SEPARATORS = [
  /(?:[,;]?\s+and\s+(?:\([a-z0-9]{1,3}\)|[a-z0-9]\))\s*|\s+-\s*(?:and|AND)\s*-\s+|;\s+and\s+|,\s+and\s+|\s+AND:?\s+|\s*;\s+)/,
  /\s+and\s+/,
];
const NAME_END =
  /,\s*(?:an?\s|the\s|having\b|with\b|whose\b|located\b|organi[sz]ed\b|incorporated\b|existing\b|acting\b|its\b|each\b|on\s+behalf\b|d\/b\/a\b|doing\s+business\b|formerly\b|registered\b|duly\b|which\b|who\b|residing\b|hereinafter\b|as\s)|\s+\(|\s+an?\s+(?:[\p{Lu}][\p{L}.]*\s+){0,4}(?:corporation|company|limited|partnership|LLC|business|public|private|non-?profit|not-for-profit|national|state|statutory|body|association|individual|resident|municipal|general|professional|[Cc]orporation|[Cc]ompany)\b|\s+[Ww]ith\s+(?:its|a|an|principal|offices?|registered)\s|\s+having\s|\s+whose\s|\s+acting\s|\s+(?:dated|DATED|Dated)\b|\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d|\s+through\s|\s+and\s+its\s|,?\s+together\b|\s+c\/o\s|,\s+(?:\p{Lu}[\p{L}]+\s+)?\d{1,6}\b|,\s+(?:\p{Lu}[\p{L}]*\s+){1,3}(?:corporation|company|limited)\b/u;
const NOT_PARTY =
  /^(?:Agreement|Effective Date|Party|Parties|Contract|Amendment|Term|Commencement Date|Execution Date|Closing Date|Original Agreement|Purchase Agreement)$|Agreement$|Date$/;

interface ShortName {
  term: string;
  start: number;
  end: number;
  parenStart: number;
  parenEnd: number;
}

function shortNames(text: string, from: number, to: number): ShortName[] {
  const out: ShortName[] = [];
  let lastParen = -1;
  for (const span of quotedSpans(text)) {
    if (span.quoteStart < from || span.quoteEnd > to) continue;
    const open = text.lastIndexOf('(', span.quoteStart);
    if (open < from || span.quoteStart - open > 100) continue;
    if (text.slice(open, span.quoteStart).includes(')')) continue;
    if (open === lastParen) continue; // only the first quoted name of a bracket
    const close = text.indexOf(')', span.quoteEnd);
    if (close < 0) continue;
    lastParen = open;
    out.push({ term: span.term, start: span.start, end: span.end, parenStart: open, parenEnd: close + 1 });
  }
  return out;
}

function cleanName(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  const marker = MARKER.exec(text.slice(s, end));
  if (marker) s += marker[0].length;
  const and = /^\s*(?:and|AND)\b:?\s*/.exec(text.slice(s, end));
  if (and) s += and[0].length;
  while (s < end && /[\s,:;]/.test(text[s] as string)) s++;
  const seg = text.slice(s, end);
  const cut = NAME_END.exec(seg);
  let e = cut ? s + cut.index : end;
  while (e > s && /[\s,;:]/.test(text[e - 1] as string)) e--;
  // "Erchonia Corporation." — a full stop after a long word is punctuation, not an abbreviation.
  if (text[e - 1] === '.' && /[\p{L}]{5,}\.$/u.test(text.slice(Math.max(s, e - 8), e))) e--;
  if (e <= s) return null;
  const name = text.slice(s, e);
  if (!/^[\p{Lu}\p{N}]/u.test(name) || name.length > 160) return null;
  if (
    /^(?:Page|PAGE|DATED|Dated|CONFIDENTIAL|Confidential|TABLE|Table|Source|Exhibit|EXHIBIT)\b|^[\p{N}\s.]+$/u.test(
      name,
    )
  )
    return null;
  return { start: s, end: e };
}

function preambleBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    const text = block.text.trim();
    if (STOP.exec(text)?.index === 0) break;
    if (NUMBERED.test(text) && out.length > 0) break;
    if (block.listOrdinal !== undefined && out.length > 0 && !BETWEEN.test(out[out.length - 1]?.text ?? ''))
      break;
    out.push(block);
    if (out.length >= 6) break;
  }
  return out;
}

export function findParties(blocks: Block[], definitions: Definition[]): Party[] {
  // A term defined with "means" somewhere is not a party's short name.
  const definedByMeans = new Set(definitions.filter((d) => d.style !== 'inline').map((d) => d.term));
  const preamble = preambleBlocks(blocks);
  // Lower-case "between"/"among"/"made by" first: an upper-case "BETWEEN" is usually in the title.
  for (const pass of [[BETWEEN, MADE_BY], [BETWEEN_UPPER]]) {
    for (let b = 0; b < preamble.length; b++) {
      const block = preamble[b] as Block;
      const text = block.text;
      const stop = STOP.exec(text);
      const regionEnd = stop ? stop.index : Math.min(text.length, 5000);
      const region = text.slice(0, regionEnd);
      let between: RegExpExecArray | null = null;
      for (const re of pass) {
        between = between ?? re.exec(region);
      }
      if (!between) continue;
      const from = between.index + between[0].length;
      const parties = partiesInText(block, text, from, regionEnd, definedByMeans);
      if (parties.length > 0) return parties;
      // "This Agreement is made between:" followed by one block per party.
      if (region.slice(from).trim() === '') {
        const listed: Party[] = [];
        for (const next of preamble.slice(b + 1)) {
          if (/^\s*(?:-\s*)?(?:and|AND)\s*(?:-\s*)?$/.test(next.text)) continue;
          const found = partiesInText(next, next.text, 0, next.text.length, definedByMeans, true);
          if (!found[0] || listed.length >= 4) break;
          listed.push(found[0]);
        }
        if (listed.length > 0) return listed;
      }
    }
  }
  // No "between": `X ("Licensor") and Y ("Licensee") agree …` at the start of the preamble.
  for (const block of preamble) {
    const text = block.text;
    const stop = STOP.exec(text);
    const regionEnd = stop ? stop.index : Math.min(text.length, 3000);
    const names = shortNames(text, 0, regionEnd).filter((n) => !NOT_PARTY.test(n.term));
    const first = names[0];
    if (!first) continue;
    const start = nameStartForward(text, first.parenStart);
    const parties = partiesInText(block, text, start, regionEnd, definedByMeans);
    if (parties.length >= 2) return parties;
  }
  return [];
}

const NAME_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.&'’-]*/gu;

/**
 * Start of the first party's name when there is no "between": the start of the sentence holding
 * the first short name, after any all-caps title words ("EXHIBIT 10.13 JOINT VENTURE AGREEMENT").
 */
function nameStartForward(text: string, parenStart: number): number {
  let start = 0;
  for (const r of splitSentences(text.slice(0, parenStart))) start = r.start;
  const tokens = [...text.slice(start, parenStart).matchAll(NAME_TOKEN)];
  const firstMixed = tokens.findIndex((t) => /\p{Ll}/u.test(t[0]));
  if (firstMixed <= 0) return start;
  return start + (tokens[firstMixed] as RegExpExecArray).index;
}

function partiesInText(
  block: Block,
  text: string,
  from: number,
  to: number,
  skip: Set<string>,
  single = false,
): Party[] {
  const names = shortNames(text, from, to).filter((n) => !NOT_PARTY.test(n.term) && !skip.has(n.term));
  const out: Party[] = [];
  let cursor = from;
  let searchFrom = from;
  for (const n of names) {
    let nameStart = cursor;
    if (out.length > 0) {
      const segment = text.slice(searchFrom, n.parenStart);
      // A new sentence: the list of parties is over.
      if (/[\p{Ll})\]]\.\s+\p{Lu}/u.test(segment)) break;
      let sep: RegExpExecArray | null = null;
      for (const re of SEPARATORS) {
        sep = re.exec(segment);
        if (sep) break;
      }
      if (!sep) {
        searchFrom = n.parenEnd;
        continue;
      }
      nameStart = searchFrom + sep.index + sep[0].length;
    }
    const name = cleanName(text, nameStart, n.parenStart);
    if (!name) {
      searchFrom = n.parenEnd;
      continue;
    }
    out.push({
      name: text.slice(name.start, name.end).replace(/\s+/g, ' '),
      shortName: n.term,
      range: toViewRange(block, name.start, name.end),
      shortNameRange: toViewRange(block, n.start, n.end),
    });
    cursor = n.parenEnd;
    searchFrom = n.parenEnd;
    if (single) break;
  }
  if (out.length > 0 || single) {
    if (out.length === 0 && single) {
      const name = cleanName(text, from, Math.min(to, from + 200));
      if (name)
        out.push({
          name: text.slice(name.start, name.end).replace(/\s+/g, ' '),
          range: toViewRange(block, name.start, name.end),
        });
    }
    return out;
  }
  // No brackets: "between X and Y".
  const sentenceEnd = /\.\s|\.$|,\s+(?:dated|effective|as of)\b|\s+as\s+of\b|\s+effective\b/.exec(
    text.slice(from, to),
  );
  const end = sentenceEnd ? from + sentenceEnd.index : to;
  const and = /\s+and\s+/.exec(text.slice(from, end));
  if (!and) return [];
  const first = cleanName(text, from, from + and.index);
  const second = cleanName(text, from + and.index + and[0].length, end);
  if (!first || !second) return [];
  for (const r of [first, second]) {
    const name = text.slice(r.start, r.end);
    if (name.length > 100 || !/^\p{Lu}/u.test(name)) return [];
    out.push({ name: name.replace(/\s+/g, ' '), range: toViewRange(block, r.start, r.end) });
  }
  return out;
}
