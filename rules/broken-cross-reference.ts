import type { Rule, RuleReport } from '../engine/lint/rule.js';
import type { RelatedLocation } from '../engine/lint/types.js';
import type { CrossReference, CrossReferenceKind, Section } from '../engine/model/types.js';

const ATTACHMENT_KINDS = new Set<CrossReferenceKind>(['schedule', 'exhibit', 'annex', 'appendix']);
const MAX_RELATED = 3;

function allSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');
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
  },
  rationale: [
    'A cross-reference that points nowhere usually means the agreement was renumbered after the reference was written,',
    'or that a schedule was never attached. Either way the clause that relies on it (a survival list, an exception to a',
    'liability cap, a list of licensed patents) has lost its content, and the parties will disagree later about what was',
    'meant. Correct the number, or attach the missing schedule or exhibit. References to other documents ("Section 2 of',
    'the Order Form", "Section 365 of the Bankruptcy Code") are not checked, and neither are section references in',
    'documents whose sections carry no numbers at all (there is nothing to check them against).',
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
  check({ model, report }) {
    const sections = allSections(model.sections);
    const numbered = sections.filter(
      (s) => s.kind !== 'attachment' && s.kind !== 'heading' && s.key !== undefined,
    );
    const attachments = sections.filter((s) => s.kind === 'attachment');
    // Decimal section numbers ("4.2") only exist in documents that number sections at all.
    const hasNumbers = numbered.some((s) => s.kind !== 'clause');
    for (const ref of model.crossReferences) {
      if (ref.resolved) continue;
      if (ATTACHMENT_KINDS.has(ref.kind)) {
        reportAttachment(ref, attachments, report);
        continue;
      }
      if (!hasNumbers) continue;
      const kind =
        ref.kind === 'article'
          ? 'article'
          : ref.kind === 'clause'
            ? 'clause'
            : ref.kind === 'paragraph'
              ? 'paragraph'
              : 'section';
      const what = `${capitalise(kind)} ${ref.label}`;
      const related: RelatedLocation[] = closestSections(ref.label, numbered).map((s) => ({
        message: `${capitalise(s.kind === 'article' ? 'article' : 'section')} ${s.number ?? s.key}${s.title ? ` (${s.title})` : ''} exists`,
        range: s.headingRange,
      }));
      report({
        messageId: 'missingSection',
        data: { what, kind },
        range: ref.range,
        related,
        extra: { label: ref.label, kind: ref.kind },
      });
    }
  },
};

function reportAttachment(
  ref: CrossReference,
  attachments: Section[],
  report: (r: RuleReport) => void,
): void {
  const what = `${capitalise(ref.kind)} ${ref.label}`;
  const sameKind = attachments.filter((s) => s.attachmentKind === ref.kind).slice(0, MAX_RELATED);
  const related: RelatedLocation[] = sameKind.map((s) => ({
    message: `${capitalise(ref.kind)} ${s.number ?? ''}${s.title ? ` (${s.title})` : ''} is attached`.replace(
      /\s+/g,
      ' ',
    ),
    range: s.headingRange,
  }));
  report({
    messageId: 'missingAttachment',
    data: { what, kind: ref.kind },
    range: ref.range,
    related,
    extra: { label: ref.label, kind: ref.kind },
  });
}
