import type { ClauseTemplate } from '../engine/clauses/library.js';
import { allSections, type ContractModel, type Section } from '../engine/index.js';

/** A text insertion into the text view. */
export interface Insertion {
  offset: number;
  text: string;
}

const DEFINITIONS_TITLE = /\bdefinitions?\b|\binterpretation\b|\bdefined terms\b/i;

/**
 * Where and how to insert new paragraphs into an agreement, numbered like their neighbours:
 * appended to a section as its next sub-clause ("7.3 …"), or as a new article before the
 * schedules ("## 10. Termination").
 */
export class Placer {
  private readonly eol: string;

  constructor(
    private readonly model: ContractModel,
    private readonly text: string,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** Paragraphs of a clause template, placed as the template says. */
  template(template: ClauseTemplate, paragraphs: string[], findingOffset: number): Insertion {
    if (template.placement === 'definitions') return this.definitions(paragraphs);
    if (template.placement === 'section') {
      const section = this.topLevelAt(findingOffset);
      if (section) return this.appendTo(section, paragraphs);
    }
    const match = template.match;
    if (match) {
      const existing = this.articles().find((s) => match.test(s.title));
      if (existing) return this.appendTo(existing, paragraphs);
    }
    return this.newArticle(template.heading, paragraphs);
  }

  /** Appends paragraphs (e.g. a definition) to the definitions section, or before the first article. */
  definitions(paragraphs: string[]): Insertion {
    const section = allSections(this.model.sections).find((s) => DEFINITIONS_TITLE.test(s.title));
    if (section) return this.appendTo(section, paragraphs);
    const first = this.articles()[0];
    const body = paragraphs.join(this.eol + this.eol);
    if (first) return { offset: this.lineStart(first.headingRange.start), text: body + this.eol + this.eol };
    return this.atEnd(body);
  }

  private articles(): Section[] {
    return this.model.sections.filter((s) => s.kind !== 'attachment');
  }

  private topLevelAt(offset: number): Section | undefined {
    return this.articles().find((s) => offset >= s.range.start && offset <= s.range.end);
  }

  /** Appends paragraphs at the end of a section, numbered after its last numbered sub-clause. */
  appendTo(section: Section, paragraphs: string[]): Insertion {
    const numbered = section.children.filter((c) => c.number && c.kind !== 'attachment');
    const last = numbered[numbered.length - 1];
    const lines: string[] = [];
    let format: ((n: string) => string) | undefined;
    let nextNumber: string | undefined;
    if (last?.number && /\d+$/.test(last.number)) {
      format = this.numberFormat(last);
      nextNumber = last.number;
    }
    for (const p of paragraphs) {
      if (format && nextNumber) {
        nextNumber = increment(nextNumber);
        lines.push(format(nextNumber) + p);
      } else lines.push(p);
    }
    const offset = this.contentEnd(section);
    return { offset, text: this.eol + this.eol + lines.join(this.eol + this.eol) };
  }

  /** A new top-level article before the first schedule (or at the end). */
  newArticle(heading: string, paragraphs: string[]): Insertion {
    const articles = this.articles().filter((s) => s.number && /^\d+$/.test(s.number));
    const last = articles[articles.length - 1];
    let headingLine: string;
    let childFormat: ((n: string) => string) | undefined;
    let number: string | undefined;
    if (last?.number) {
      number = String(Number(last.number) + 1);
      headingLine = this.numberFormat(last)(number) + heading;
      const child = last.children.filter((c) => c.number && /^\d+\.\d+$/.test(c.number)).pop();
      if (child) childFormat = this.numberFormat(child);
    } else {
      const first = this.model.sections[0];
      const prefix = first ? (/^#+\s+/.exec(this.lineText(first.headingRange.start))?.[0] ?? '') : '';
      headingLine = (this.model.format === 'markdown' ? prefix || '## ' : '') + heading;
    }
    const body = paragraphs.map((p, i) =>
      childFormat && number ? childFormat(`${number}.${i + 1}`) + p : p,
    );
    const block = [headingLine, ...body].join(this.eol + this.eol);
    const schedule = this.model.sections.find((s) => s.kind === 'attachment');
    if (schedule) {
      return { offset: this.lineStart(schedule.headingRange.start), text: block + this.eol + this.eol };
    }
    return this.atEnd(block);
  }

  private atEnd(block: string): Insertion {
    let end = this.text.length;
    while (end > 0 && /\s/.test(this.text[end - 1] ?? '')) end--;
    return { offset: end, text: this.eol + this.eol + block + (end === this.text.length ? this.eol : '') };
  }

  /** How a section's number is written on its line: "## 7. ", "7.2 ", "**7.2** ". */
  private numberFormat(section: Section): (n: string) => string {
    const line = this.lineText(section.headingRange.start);
    const number = section.number ?? '';
    const at = number ? line.indexOf(number) : -1;
    if (at < 0) return (n) => `${n} `;
    const prefix = line.slice(0, at);
    const after = /^[.)]?(?:\*\*|__)?[ \t]+/.exec(line.slice(at + number.length))?.[0] ?? ' ';
    return (n) => `${prefix}${n}${after}`;
  }

  /** End of the section's last non-blank line. */
  private contentEnd(section: Section): number {
    let end = Math.min(section.range.end, this.text.length);
    while (end > section.range.start && /\s/.test(this.text[end - 1] ?? '')) end--;
    const nl = this.text.indexOf('\n', end);
    let lineEnd = nl < 0 ? this.text.length : nl;
    if (lineEnd > 0 && this.text[lineEnd - 1] === '\r') lineEnd--;
    return Math.max(end, lineEnd);
  }

  private lineStart(offset: number): number {
    const nl = this.text.lastIndexOf('\n', Math.max(0, offset - 1));
    return offset === 0 ? 0 : nl + 1;
  }

  private lineText(offset: number): string {
    const start = this.lineStart(offset);
    const nl = this.text.indexOf('\n', start);
    return this.text.slice(start, nl < 0 ? this.text.length : nl).replace(/\r$/, '');
  }
}

/** "7.2" → "7.3", "(b)"-style numbers are not incremented (callers check for a trailing digit). */
function increment(number: string): string {
  return number.replace(/(\d+)$/, (d) => String(Number(d) + 1));
}
