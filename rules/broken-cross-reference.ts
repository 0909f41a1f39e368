import type { Rule } from '../engine/lint/rule.js';
import type { RelatedLocation } from '../engine/lint/types.js';
import { allSections } from '../engine/model/build.js';
import type {
  ContractModel,
  CrossReference,
  CrossReferenceKind,
  Range,
  Section,
} from '../engine/model/types.js';

const ATTACHMENT_KINDS = new Set<CrossReferenceKind>(['schedule', 'exhibit', 'annex', 'appendix']);
const MAX_RELATED = 3;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Labels repeat ("Section 2.1" cited fifty times): normalised once each. */
const normalisedLabels = new Map<string, string>();

function normaliseLabel(label: string): string {
  let normal = normalisedLabels.get(label);
  if (normal === undefined) {
    normal = label.toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');
    if (normalisedLabels.size >= 10_000) normalisedLabels.clear();
    normalisedLabels.set(label, normal);
  }
  return normal;
}

/** Existing sections numbered like the missing label: same parent ("4.7" → 4.x), else the top level. */
function closestSections(label: string, numbered: Section[]): Section[] {
  const base = normaliseLabel(label).replace(/\(.*$/, '');
  const dot = base.lastIndexOf('.');
  const parent = dot > 0 ? base.slice(0, dot) : '';
  const siblings = numbered.filter((s) => {
    const key = s.key ?? '';
    if (!/^\d/.test(key) && !/^[ivxlc]+$/.test(key)) return false;
    const k = key.lastIndexOf('.');
    return (k > 0 ? key.slice(0, k) : '') === parent;
  });
  if (siblings.length === 0) return [];
  const target = Number(base.slice(dot + 1));
  if (!Number.isFinite(target)) return siblings.slice(-MAX_RELATED);
  const value = (s: Section): number => Number((s.key ?? '').slice((s.key ?? '').lastIndexOf('.') + 1));
  return [...siblings]
    .sort((a, b) => Math.abs(value(a) - target) - Math.abs(value(b) - target))
    .slice(0, MAX_RELATED);
}

export const brokenCrossReference: Rule = {
  id: 'broken-cross-reference',
  description: 'A cross-reference to a section, article or attachment that does not exist in the agreement.',
  category: 'cross-references',
  defaultSeverity: 'error',
  messages: {
    missingSection:
      '{what} does not exist in this agreement: correct the reference or add the missing {kind}.',
    missingAttachment: '{what} is referred to but not attached: attach it or correct the reference.',
    omittedAttachment:
      '{what} is referred to but not attached; this copy says schedules or exhibits were omitted, so check it against the complete agreement.',
  },
  rationale: [
    'A cross-reference that points nowhere usually means the agreement was renumbered after the reference was written,',
    'or that a schedule was never attached. Either way the clause that relies on it (a survival list, an exception to a',
    'liability cap, a list of licensed patents) has lost its content, and the parties will disagree later about what was',
    'meant. Correct the number, or attach the missing schedule or exhibit. References to other documents ("Section 2 of',
    'the Order Form", "Section 365 of the Bankruptcy Code") are not checked, and neither are section references in',
    'documents whose sections carry no numbers at all (there is nothing to check them against).',
    'Each missing target is reported once, at its first reference, with the other references as related locations.',
  ].join(' '),
  examples: {
    invalid: [
      {
        text: '## 1. Licence\n\nThe Licensor grants the licence in Section 3.\n\n## 2. Term\n\nThis Agreement lasts five (5) years.\n',
      },
      {
        text: '## 1. Licence\n\nThe Licensed Patents are listed in Exhibit A and the prices in Schedule 2.\n\n## 2. Term\n\nThis Agreement lasts one year.\n',
        findings: 2,
      },
    ],
    valid: [
      {
        text: '## 1. Licence\n\nThe Licensed Patents are listed in Exhibit A. Section 2 sets the term.\n\n## 2. Term\n\nThis Agreement lasts one year.\n\n## Exhibit A – Licensed Patents\n\nUS 1,234,567.\n',
      },
      {
        text: '## Licence\n\nThe licence in Section 3 survives termination.\n',
        note: 'No section is numbered, so a section number cannot be checked.',
      },
    ],
  },
  check({ model, textView, profile, report }) {
    const sections = allSections(model.sections);
    const contents = tableOfContents(model);
    const numbered = sections.filter(
      (s) => s.kind !== 'attachment' && s.kind !== 'heading' && s.key !== undefined,
    );
    const attachments = sections.filter((s) => s.kind === 'attachment');
    // Section numbers can only be checked in documents that number their sections.
    const hasNumbers = numbered.some((s) => s.kind !== 'clause');
    const headingKeys = enumeratedHeadings(model.sections);
    const paragraphStarts = model.paragraphs.map((p) => p.range.start);
    // The references of one phrase ("Sections 4.3, 6 and 7") come one after another.
    const byPhrase: CrossReference[][] = [];
    let previous: CrossReference | undefined;
    for (const ref of model.crossReferences) {
      const samePhrase =
        previous?.phraseRange.start === ref.phraseRange.start &&
        previous.phraseRange.end === ref.phraseRange.end;
      if (samePhrase) byPhrase[byPhrase.length - 1]?.push(ref);
      else byPhrase.push([ref]);
      previous = ref;
    }
    /** Broken references grouped by what they point at ("section:4.7", "exhibit:c"), in document order. */
    const broken = new Map<string, CrossReference[]>();
    const sectionLabels = new Set<string>();
    const brokenSectionLabels = new Set<string>();
    for (const refs of byPhrase) {
      // Regulation and statute numbers ("FAR section 12.212", "DFARS 252.227-7014(a)(1) and (5)"): another instrument.
      if (refs.some((r) => /\d{3,}/.test(r.label))) continue;
      for (const ref of refs) {
        const attachment = ATTACHMENT_KINDS.has(ref.kind);
        if (!attachment) sectionLabels.add(normaliseLabel(ref.label));
        if (ref.resolved) continue;
        // "(iii)" alone continues an earlier label of the phrase; it cannot be checked on its own.
        if (ref.label.startsWith('(')) continue;
        // "Section 1.10 "Term" means …" at the start of a paragraph numbers that paragraph: it is no reference.
        if (atParagraphStart(textView, paragraphStarts, ref.phraseRange.start)) continue;
        // A table of contents: "Appendix ........ 21" is a page number, not a reference.
        if (contents.some((r) => r.start <= ref.range.start && ref.range.start < r.end)) continue;
        if (attachment) {
          if (externalAttachment(textView, ref)) continue;
        } else {
          if (!hasNumbers || resolvesToHeading(ref.label, headingKeys)) continue;
          brokenSectionLabels.add(normaliseLabel(ref.label));
        }
        const group = `${attachment ? ref.kind : 'section'}:${normaliseLabel(ref.label)}`;
        const list = broken.get(group) ?? [];
        list.push(ref);
        broken.set(group, list);
      }
    }
    // When many different section numbers fail to resolve, the document's numbering was not read
    // (plain text without recognisable headings): reporting them all would be noise.
    const numberingUnread =
      brokenSectionLabels.size >= 3 && brokenSectionLabels.size > sectionLabels.size * 0.25;
    for (const refs of broken.values()) {
      const [first, ...others] = refs;
      if (!first) continue;
      const uses: RelatedLocation[] = others
        .slice(0, MAX_RELATED)
        .map((r) => ({ message: 'Also referred to here', range: r.range }));
      const extra = { label: first.label, kind: first.kind, references: refs.length };
      if (ATTACHMENT_KINDS.has(first.kind)) {
        const what = `${capitalise(first.kind)} ${first.label}`;
        const attached: RelatedLocation[] = attachments
          .filter((s) => s.attachmentKind === first.kind)
          .slice(0, MAX_RELATED)
          .map((s) => ({
            message:
              `${capitalise(first.kind)} ${s.number ?? ''}${s.title ? ` (${s.title})` : ''} is attached`.replace(
                /\s+/g,
                ' ',
              ),
            range: s.headingRange,
          }));
        // The copy says its schedules were omitted (a filing copy): a note, not a defect of the agreement.
        const omitted = profile.master.omittedSchedules;
        report({
          messageId: omitted ? 'omittedAttachment' : 'missingAttachment',
          data: { what, kind: first.kind },
          range: first.range,
          related: [...attached, ...uses],
          ...(omitted ? { severity: 'info' as const } : {}),
          extra,
        });
        continue;
      }
      if (numberingUnread) continue;
      const kind =
        first.kind === 'article'
          ? 'article'
          : first.kind === 'clause'
            ? 'clause'
            : first.kind === 'paragraph'
              ? 'paragraph'
              : 'section';
      const what = `${capitalise(kind)} ${first.label}`;
      const closest: RelatedLocation[] = closestSections(first.label, numbered).map((s) => ({
        message: `${capitalise(s.kind === 'article' ? 'article' : 'section')} ${s.number ?? s.key}${s.title ? ` (${s.title})` : ''} exists`,
        range: s.headingRange,
      }));
      report({
        messageId: 'missingSection',
        data: { what, kind },
        range: first.range,
        related: [...closest, ...uses],
        extra,
      });
    }
  },
};

/** Is `offset` the first word of a paragraph (after list markers, emphasis and HTML)? */
function atParagraphStart(textView: string, starts: number[], offset: number): boolean {
  let low = 0;
  let high = starts.length - 1;
  let start: number | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = starts[mid] as number;
    if (s <= offset) {
      start = s;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (start === undefined) return false;
  const before = textView.slice(start, offset);
  return /^(?:\s|[-*+>#]|\d+[.)]|\*\*|__|<[^>]*>)*$/.test(before);
}

/**
 * Keys of headings the model keeps unnumbered but whose title starts with an enumerator ("B. Account
 * Terms", "D" + "3. License Grant" → "d.3"), so "Section B" and "Section D.3" can still be matched.
 */
function enumeratedHeadings(sections: Section[]): Set<string> {
  const keys = new Set<string>();
  const walk = (list: Section[], parent: string) => {
    for (const s of list) {
      let own = s.key;
      if (own === undefined && s.kind === 'heading') {
        const m = /^\(?([A-Za-z]{1,2}|\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})[.):]\s/.exec(s.title);
        if (m) own = (m[1] as string).toLowerCase();
      }
      const full = own === undefined ? parent : parent && !own.includes('.') ? `${parent}.${own}` : own;
      if (own !== undefined) {
        keys.add(own);
        keys.add(full);
      }
      walk(s.children, full);
    }
  };
  walk(sections, '');
  return keys;
}

function resolvesToHeading(label: string, keys: Set<string>): boolean {
  let k = normaliseLabel(label);
  for (;;) {
    if (keys.has(k)) return true;
    const stripped = k.replace(/\([^()]*\)$/, '');
    if (stripped === k) return false;
    k = stripped;
  }
}

/**
 * "Annex 1A, Annex 1B and Annex II of the UK Addendum", "Annex I(B) on the Cover Page", "Exhibit
 * A to the Order Form": attachments of another document (the model catches most of these, but not
 * a list of separately keyworded references or "on/to the …").
 */
function externalAttachment(textView: string, ref: CrossReference): boolean {
  const after = textView.slice(ref.range.end, ref.range.end + 240);
  const m =
    /^(?:\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:(?:Annex(?:es)?|Exhibits?|Schedules?|Appendix|Appendices|Attachments?)\s+)?[A-Z0-9][A-Za-z0-9().-]*)*,?\s+(?:of|to|under|in|on|from)\s+(?:the|its|each|any|an?|such)\s+([\p{Lu}][\p{L}-]*)/u.exec(
      after,
    );
  if (!m) return false;
  return !/^(?:Agreement|Contract|Exhibit|Schedule|Annex|Appendix|Attachment|Addendum)$/.test(m[1] as string);
}

/** "1.1 Definitions ........ 3": a line that ends in a page number after dots, a tab or a run of spaces. */
const TOC_LINE = /(?:\.{3,}|…+|\t| {2,})\s*\d{1,3}\s*$/;
const TOC_HEADING = /^\W*(?:table of contents|contents|index)\W*$/i;

/**
 * Text-view ranges of a table of contents: the lines after a "Table of Contents" heading up to the
 * first paragraph of prose, and any line that ends in a page number the way contents lines do.
 */
function tableOfContents(model: ContractModel): Range[] {
  const out: Range[] = [];
  let inside = false;
  for (const p of model.paragraphs) {
    const text = p.text.trim();
    if (TOC_HEADING.test(text)) {
      inside = true;
      out.push(p.range);
      continue;
    }
    // The body starts at the first heading or paragraph of prose (a Markdown contents is a list).
    if (
      inside &&
      (p.kind === 'heading' || (text.split(/\s+/).length >= 25 && /[a-z]{3,}[^.]*\.\s/.test(text)))
    )
      inside = false;
    // Only the end of a line can hold its page number (and testing only it keeps the regex linear).
    if (inside || TOC_LINE.test(text.slice(-48))) out.push(p.range);
  }
  return out;
}
