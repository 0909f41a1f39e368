import type { Rule } from '../engine/lint/rule.js';
import type { Definition, Paragraph, Section } from '../engine/model/types.js';
import { lastStartingAtOrBefore } from '../engine/text/ranges.js';

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").trim();
}

/** The paragraph containing an offset (paragraphs are sorted and disjoint). */
function paragraphAt(paragraphs: Paragraph[], offset: number): Paragraph | undefined {
  const found = lastStartingAtOrBefore(paragraphs, offset);
  return found && offset < found.range.end ? found : undefined;
}

/** For each section id: the id of the attachment it sits in ('' for the body of the agreement). */
function partsBySection(sections: Section[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (list: Section[], part: string) => {
    for (const s of list) {
      const here = s.kind === 'attachment' ? s.id : part;
      out.set(s.id, here);
      walk(s.children, here);
    }
  };
  walk(sections, '');
  return out;
}

export const duplicateDefinition: Rule = {
  id: 'duplicate-definition',
  description: 'The same term defined more than once.',
  category: 'definitions',
  defaultSeverity: 'error',
  messages: {
    duplicate:
      '"{term}" is already defined (first definition on line {line}): keep one definition and delete or rename this one.',
  },
  rationale: [
    'A term defined twice has two meanings, and the agreement does not say which one applies where. Even when the two',
    'definitions agree today, a later amendment to one of them silently splits the term. Keep a single definition (in the',
    'definitions section or where the term is first used) and, if another place needs to point at it, write',
    '`"X" has the meaning given in Section 1.4` — such pointers are not reported. Terms are compared case-sensitively, and an',
    'identical repeat in a table or heading (a cover page that restates the definitions) is not reported. Each schedule,',
    'exhibit or addendum is checked on its own, because attachments are often separate instruments with their own definitions.',
  ].join(' '),
  examples: {
    invalid: [
      {
        text: '"Territory" means the United States.\n\n"Licensed Products" means the products listed in Schedule 1.\n\n"Territory" means North America.\n',
      },
    ],
    valid: [
      {
        text: '"Net Sales" means gross invoiced amounts less returns.\n\nIn this Section, "Net Sales" has the meaning given in Section 1.\n',
      },
    ],
  },
  check({ model, textView, report }) {
    const parts = partsBySection(model.sections);
    const first = new Map<string, Definition>();
    for (const def of model.definitions) {
      if (def.style === 'has-meaning') continue;
      // A schedule or addendum that is its own instrument (a DPA, a form of licence) may define its own terms.
      const part = def.sectionId === undefined ? '' : (parts.get(def.sectionId) ?? '');
      const key = `${part}\u0000${def.term}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, def);
        continue;
      }
      // The same definition restated in a table or heading (a cover page or summary) is not a second meaning.
      const here = paragraphAt(model.paragraphs, def.range.start);
      const there = paragraphAt(model.paragraphs, earlier.range.start);
      const restated =
        here?.kind === 'tableCell' ||
        here?.kind === 'heading' ||
        there?.kind === 'tableCell' ||
        there?.kind === 'heading';
      if (restated && normalise(def.definitionText) === normalise(earlier.definitionText)) continue;
      const line = textView.slice(0, earlier.range.start).split('\n').length;
      report({
        messageId: 'duplicate',
        data: { term: def.term, line },
        range: def.range,
        related: [{ message: `First definition of "${def.term}"`, range: earlier.range }],
        extra: { term: def.term },
      });
    }
  },
};
