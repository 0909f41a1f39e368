import type { Section } from './types.js';

/** The innermost numbered section holding an offset, and its number as lawyers cite it. */
export interface SectionAt {
  section: Section;
  /** "7.2", "2.3(c)" (a bracketed item under its clause), "A" for Schedule A. */
  number: string;
}

/** Walks the section tree down to the innermost numbered section containing `offset`. */
export function sectionAt(sections: Section[], offset: number): SectionAt | undefined {
  let found: SectionAt | undefined;
  let level = sections;
  for (;;) {
    const inside = level.find((s) => s.range.start <= offset && offset < s.range.end);
    if (!inside) return found;
    const number = inside.number;
    if (number) {
      const path =
        number.startsWith('(') && found && !inside.attachmentKind ? `${found.number}${number}` : number;
      found = { section: inside, number: path };
    }
    level = inside.children;
  }
}
