import { toViewOffset } from '../text/block-text.js';
import { moreWordsThan } from '../text/chars.js';
import { readSectionLead, type SectionLead, sectionKey } from './section-numbers.js';
import type { Block, Range, Section } from './types.js';

export interface SectionOutline {
  /** Top-level sections (articles, sections, attachments, unnumbered headings), each with children. */
  sections: Section[];
  /** For each block (by index): the id of the innermost section it belongs to. */
  blockSection: (string | undefined)[];
  /** For each block: true when the block opens a section (its heading or numbered lead-in). */
  opensSection: boolean[];
  title?: string;
  titleBlock?: number;
}

interface OpenSection {
  section: Section;
  /** Nesting rank: a new section closes every open one whose rank is >= its own. */
  rank: number;
  style?: SectionLead['style'];
  lastBlockEnd: number;
  /** Markdown/Word heading depth when the section opened with a heading. */
  headingDepth?: number;
}

// A line of a table of contents: "1.1 Definitions ........ 3" — not a section.
const TOC_LINE = /(?:\.{4,}|…{2,}|\t| {2,})\s*\d{1,3}\s*$/;
const LEAD_SEPARATOR = /^\s*[-–—:.]/;
const MAX_TITLE_WORDS = 12;

/**
 * Builds the section tree from blocks. Numbers come from the text (Word numbering has already
 * been written into the text by the loader); nesting comes from the number's shape ("12.3" is under
 * "12", "(a)" under the section it appears in) and, for unnumbered headings, from heading depth.
 */
export function buildSections(blocks: Block[]): SectionOutline {
  const roots: Section[] = [];
  const blockSection: (string | undefined)[] = new Array(blocks.length);
  const opensSection: boolean[] = new Array(blocks.length).fill(false);
  const stack: OpenSection[] = [];
  const usedIds = new Map<string, number>();
  const depthRank = rankForHeadingDepths(blocks);
  const titleBlock = findTitleBlock(blocks);
  // The last "(h)" of an alphabetic clause run and the last "H." heading: "(i)" and "I." after
  // them are letters, not roman numerals.
  let previousClauseKey: string | undefined;
  let previousLetterKey: string | undefined;
  let headingCount = 0;
  let sawSection = false;

  const close = (until: number, headingDepth?: number) => {
    while (stack.length > 0 && (stack[stack.length - 1] as OpenSection).rank >= until) {
      // A deeper heading is a child whatever its number says ("## D. Content" → "### 3. License").
      const top = stack[stack.length - 1] as OpenSection;
      if (headingDepth !== undefined && top.headingDepth !== undefined && top.headingDepth < headingDepth)
        break;
      const open = stack.pop() as OpenSection;
      open.section.range.end = Math.max(open.section.range.end, open.lastBlockEnd);
    }
  };

  blocks.forEach((block, index) => {
    if (index === titleBlock) {
      blockSection[index] = undefined;
      return;
    }
    const top = stack[stack.length - 1];
    if (top && isTitleLine(block, top, blocks[index - 1])) {
      // "ARTICLE 5" on one line and "TERM AND TERMINATION" on the next: one heading.
      top.section.title = block.text.trim();
      top.section.headingRange = {
        start: top.section.headingRange.start,
        end: toViewOffset(block, block.text.trimEnd().length - 1) + 1,
      };
      top.lastBlockEnd = block.range.end;
      blockSection[index] = top.section.id;
      return;
    }
    const candidate = sectionFromBlock(
      block,
      { previousClauseKey, previousLetterKey },
      sawSection,
      stack,
      depthRank,
    );
    if (candidate) {
      close(candidate.rank, block.kind === 'heading' ? block.headingDepth : undefined);
      const parent = stack[stack.length - 1];
      const section = candidate.section;
      section.level = parent ? parent.section.level + 1 : 1;
      if (section.number === undefined) section.id = uniqueId(`h${++headingCount}`, usedIds);
      else section.id = uniqueId(idFor(section, parent?.section), usedIds);
      if (parent) parent.section.children.push(section);
      else roots.push(section);
      const open: OpenSection = {
        section,
        rank: candidate.rank,
        style: candidate.style,
        lastBlockEnd: block.range.end,
      };
      if (block.kind === 'heading' && block.headingDepth !== undefined)
        open.headingDepth = block.headingDepth;
      stack.push(open);
      opensSection[index] = true;
      sawSection = true;
      if (section.kind === 'clause') {
        if (candidate.style === 'paren-alpha') previousClauseKey = section.key;
      } else {
        previousClauseKey = undefined;
        if (candidate.style === 'alpha' && section.kind === 'section') previousLetterKey = section.key;
        else if (section.kind !== 'heading') previousLetterKey = undefined;
      }
    }
    for (const open of stack) open.lastBlockEnd = block.range.end;
    blockSection[index] = stack[stack.length - 1]?.section.id;
  });
  close(Number.NEGATIVE_INFINITY);

  const outline: SectionOutline = { sections: roots, blockSection, opensSection };
  if (titleBlock !== undefined) {
    outline.titleBlock = titleBlock;
    outline.title = (blocks[titleBlock] as Block).text.trim();
  }
  return outline;
}

interface Candidate {
  section: Section;
  rank: number;
  style?: SectionLead['style'];
}

function sectionFromBlock(
  block: Block,
  previous: { previousClauseKey: string | undefined; previousLetterKey: string | undefined },
  sawSection: boolean,
  stack: OpenSection[],
  depthRank: Map<number, number>,
): Candidate | null {
  const isHeading = block.kind === 'heading';
  const text = block.text;
  // Only the end of the line can hold a page number; testing the tail keeps this linear.
  if (TOC_LINE.test(text.slice(-48))) return null;
  const lead = readSectionLead(text, previous.previousClauseKey, previous.previousLetterKey);

  if (lead && acceptLead(lead, block, sawSection)) {
    const rest = text.slice(lead.titleStart);
    const title = isHeading || lead.kind === 'attachment' ? rest.trim() : leadInTitle(rest);
    const numberStart = text.length - text.trimStart().length;
    // Trailing spaces (and the inline comments between them) are not part of the heading.
    const headingEnd = isHeading
      ? text.trimEnd().length
      : lead.titleStart + (title ? rest.indexOf(title) + title.length : 0);
    const section = newSection(block, lead.kind, title, {
      start: numberStart,
      end: Math.max(headingEnd, numberStart),
    });
    if (lead.number !== '') {
      section.number = lead.number;
      section.key = sectionKey(lead.number);
    }
    if (lead.attachmentKind) section.attachmentKind = lead.attachmentKind;
    return { section, rank: rankForLead(lead, stack), style: lead.style };
  }

  if (block.kind === 'listItem' && block.listOrdinal !== undefined) {
    // Markdown ordered lists: "1." nested in "2." reads as 2.1, the way such documents are cited.
    const parent = findListParent(stack, block.listDepth ?? 0);
    const number =
      parent?.section.number && /^\d/.test(parent.section.number)
        ? `${parent.section.number}.${block.listOrdinal}`
        : block.listOrdinal;
    const title = leadInTitle(text);
    const section = newSection(block, 'section', title, { start: 0, end: title.length });
    section.number = number;
    section.key = sectionKey(number);
    return { section, rank: 20 + 10 * number.split('.').length, style: 'decimal' };
  }

  if (isHeading) {
    const rank = depthRank.get(block.headingDepth ?? 1) ?? 10 * (block.headingDepth ?? 1);
    const start = text.length - text.trimStart().length;
    return {
      section: newSection(block, 'heading', text.trim(), { start, end: text.trimEnd().length }),
      rank,
    };
  }
  return null;
}

/** A paragraph only opens a section when its lead-in reads like a heading, not like a sentence. */
function acceptLead(lead: SectionLead, block: Block, sawSection: boolean): boolean {
  const rest = block.text.slice(lead.titleStart);
  if (lead.kind === 'attachment') {
    // "EXHIBIT 10.31" at the top of an EDGAR filing labels the filing, it is not an attachment.
    if (!sawSection && /^\d+\.\d+$/.test(lead.number)) return false;
    if (block.kind === 'heading') return true;
    const words = rest.trim().split(/\s+/).filter(Boolean).length;
    // A cover page's table labels its parts in bold cells ("**Annex I(A) List of Parties**").
    if (block.kind === 'tableCell' && words <= MAX_TITLE_WORDS && isAllBold(block)) return true;
    return (
      rest.trim() === '' ||
      (isMostlyUpperCase(block.text) && words <= MAX_TITLE_WORDS) ||
      (LEAD_SEPARATOR.test(block.text.slice(lead.titleStart - 2)) && words <= MAX_TITLE_WORDS)
    );
  }
  if (block.kind === 'heading') return true;
  if (lead.kind === 'clause') return true;
  if (lead.kind === 'article') return true;
  const trimmed = block.text.trimStart();
  if (/^(Section|SECTION|Sec\.|SEC\.|Clause|CLAUSE|§)/.test(trimmed)) {
    // "Section 5. Term." opens section 5; "Section 5 of this Agreement…" is a sentence.
    const afterNumber = trimmed.slice(trimmed.indexOf(lead.number) + lead.number.length);
    return (
      /^\.?\s*(?:[-–—:.]|$)/.test(afterNumber) ||
      // 'Section 1.10 "Term" means …' is a numbered definition.
      /^\.?\s+[A-Z"“]/.test(afterNumber) ||
      isMostlyUpperCase(block.text)
    );
  }
  // "5. Term" / "5.1 Term" / "5 TERM": a bare integer needs a capital letter after it.
  return (
    lead.number.includes('.') || /\.\s/.test(block.text.slice(0, lead.titleStart)) || /^[A-Z(]/.test(rest)
  );
}

/** The block's words are all bold (its whole trimmed text lies in one strong range). */
function isAllBold(block: Block): boolean {
  const start = block.text.length - block.text.trimStart().length;
  const end = block.text.trimEnd().length;
  return block.strong.some((r) => r.start <= start && r.end >= end);
}

function rankForLead(lead: SectionLead, stack: OpenSection[]): number {
  switch (lead.kind) {
    case 'attachment':
      return 0;
    case 'article':
      return 10;
    case 'section':
      if (lead.style === 'decimal') return 20 + 10 * lead.number.split('.').length;
      return 30;
    case 'clause': {
      // Clauses nest under the innermost numbered section; (i) under (a), (A)/(1) under (i).
      const base = innermostNumberedRank(stack);
      const order = { 'paren-alpha': 3, 'paren-roman': 6, 'paren-digit': 8 } as Record<string, number>;
      return base + (order[lead.style] ?? 3);
    }
  }
}

function innermostNumberedRank(stack: OpenSection[]): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i] as OpenSection;
    if (open.section.kind !== 'clause') return open.rank;
  }
  return 30;
}

function findListParent(stack: OpenSection[], listDepth: number): OpenSection | undefined {
  if (listDepth === 0) return undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i] as OpenSection;
    if (open.section.number && open.rank < 20 + 10 * (listDepth + 1)) return open;
  }
  return undefined;
}

/**
 * Unnumbered headings get the rank of numbered headings at the same depth when the document
 * has any ("## Recitals" beside "## 2. License"), otherwise a rank from the depth alone.
 */
function rankForHeadingDepths(blocks: Block[]): Map<number, number> {
  const ranks = new Map<number, number>();
  for (const block of blocks) {
    if (block.kind !== 'heading' || block.headingDepth === undefined) continue;
    const lead = readSectionLead(block.text);
    // Attachments sit at heading depths of their own choosing; they say nothing about body headings.
    if (!lead || lead.kind === 'clause' || lead.kind === 'attachment') continue;
    const rank = lead.kind === 'article' ? 10 : 20 + 10 * lead.number.split('.').length;
    const known = ranks.get(block.headingDepth);
    if (known === undefined || rank < known) ranks.set(block.headingDepth, rank);
  }
  return ranks;
}

const TITLE_WORDS =
  /\b(?:AGREEMENT|CONTRACT|LICEN[CS]E|TERMS|ADDENDUM|AMENDMENT|MEMORANDUM|DEED|PLAN|NOTE|SAFE)\b/i;

/**
 * The title: the first heading, near the top and unnumbered, when it is the only heading at its
 * depth or reads like an agreement's name ("TECHNOLOGY LICENSE AGREEMENT").
 */
function findTitleBlock(blocks: Block[]): number | undefined {
  const first = blocks.findIndex((b) => b.kind === 'heading');
  if (first < 0 || first > 3) return undefined;
  const heading = blocks[first] as Block;
  if (readSectionLead(heading.text)) return undefined;
  if (TITLE_WORDS.test(heading.text) && heading.text.length <= 120) return first;
  const depth = heading.headingDepth ?? 1;
  const sameDepth = blocks.filter((b) => b.kind === 'heading' && (b.headingDepth ?? 1) <= depth).length;
  return sameDepth === 1 ? first : undefined;
}

/** "Audit. The Licensee shall…" → "Audit"; a lead-in longer than a title is no title. */
function leadInTitle(rest: string): string {
  const trimmed = rest.trim();
  const match = /^([^.:;]{1,100}?)[.:](?:\s|$)/.exec(trimmed);
  const candidate = match ? (match[1] as string).trim() : trimmed;
  // Most paragraphs have no lead-in: do not split the whole paragraph to count its words.
  if (moreWordsThan(candidate, MAX_TITLE_WORDS)) return '';
  const words = candidate.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return '';
  if (!match && candidate.length < trimmed.length) return '';
  // A title is capitalised ("Audit Rights", "Term and Termination"); a sentence is not.
  if (/\b(?:means|shall|will|may|must|is|are|has|have)\b/.test(candidate)) return '';
  return /^[A-Z]/.test(candidate) && isTitleCase(words) ? candidate : '';
}

function newSection(block: Block, kind: Section['kind'], title: string, headingPlain: Range): Section {
  const start = toViewOffset(block, headingPlain.start);
  const end = Math.max(start, toViewOffset(block, Math.max(headingPlain.end - 1, headingPlain.start)) + 1);
  const section: Section = {
    id: '',
    title,
    level: 1,
    kind,
    headingRange: { start, end: Math.min(end, block.range.end) },
    range: { start: block.range.start, end: block.range.end },
    children: [],
  };
  if (block.wordParagraph !== undefined) section.wordParagraph = block.wordParagraph;
  return section;
}

function idFor(section: Section, parent?: Section): string {
  const key = section.key ?? '';
  if (section.kind === 'attachment') return `${section.attachmentKind ?? 'attachment'}-${key || 'untitled'}`;
  if (section.kind === 'article') return `article-${key}`;
  if (section.kind === 'clause') return `${parent?.id ?? 's'}(${key})`;
  return `s${key}`;
}

function uniqueId(base: string, used: Map<string, number>): string {
  const count = used.get(base) ?? 0;
  used.set(base, count + 1);
  return count === 0 ? base : `${base}~${count + 1}`;
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'its',
  'it',
  'per',
  'vs',
  'via',
  'upon',
  'under',
]);

/** "Records and Audit", "Term; Termination" — not "Each Party owns the Improvements it makes". */
function isTitleCase(words: string[]): boolean {
  const major = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, '')));
  if (major.length === 0) return false;
  const capitalised = major.filter((w) => /^["“'(]?[A-Z0-9]/.test(w)).length;
  return capitalised / major.length >= 0.75;
}

/** An unnumbered heading right after a numbered heading that has no title of its own. */
function isTitleLine(block: Block, open: OpenSection, previous: Block | undefined): boolean {
  if (block.kind !== 'heading' || open.section.title !== '' || open.section.number === undefined)
    return false;
  if (!previous || previous.range.end !== open.section.headingRange.end || previous.kind !== 'heading')
    return false;
  return readSectionLead(block.text) === null && block.text.trim().split(/\s+/).length <= MAX_TITLE_WORDS;
}

function isMostlyUpperCase(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return upper / letters.length > 0.8;
}
