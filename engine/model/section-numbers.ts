import type { AttachmentKind } from './types.js';

/** What the start of a heading or paragraph says about the section it opens. */
export interface SectionLead {
  kind: 'article' | 'section' | 'clause' | 'attachment';
  /** As written: "12.3", "IV", "(a)", "B". Empty for an unlettered attachment ("EXHIBIT"). */
  number: string;
  attachmentKind?: AttachmentKind;
  /** Offset in the text where the title starts (after the number and its punctuation). */
  titleStart: number;
  /** "decimal" = 12.3, "roman" = IV, "alpha" = (a) / B, "paren-roman" = (iv), "paren-digit" = (3). */
  style: 'decimal' | 'roman' | 'alpha' | 'paren-alpha' | 'paren-roman' | 'paren-digit';
}

const ATTACHMENT_WORDS: Record<string, AttachmentKind> = {
  schedule: 'schedule',
  exhibit: 'exhibit',
  annex: 'annex',
  appendix: 'appendix',
  attachment: 'attachment',
  addendum: 'addendum',
};

// "ARTICLE IV – LICENSE", "Section 5. Term", "Sec. 2.1", "Clause 3", "§ 4"
const KEYWORD_LEAD =
  /^(ARTICLE|Article|SECTION|Section|SEC\.|Sec\.|CLAUSE|Clause|§)\s*((?:\d+(?:\.\d+)*)|[IVXLC]+|[A-Z])\b\.?(?:\s*[-–—:.]\s*|\s+|$)/;
// "SCHEDULE 1 – Licensed Patents", "Exhibit A-1", "ANNEX", "Appendix II:", "Annex I(A)"
const ATTACHMENT_LEAD =
  /^(SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment|ADDENDUM|Addendum)(?:\s+([A-Z0-9]{1,4}(?:[-.][A-Z0-9]{1,3})?(?:\([A-Za-z0-9]{1,3}\))?))?(?![A-Za-z0-9(])\.?(?:\s*[-–—:.]\s*|\s+|$)/;
// "12.3 Audit", "12.3. Audit", "5. Term", "12.3.1"
const DECIMAL_LEAD = /^(\d{1,3}(?:\.\d{1,3})*)(\.?)(?:\s+|\t|$)/;
// "IV. Licence" — roman numerals need the trailing dot to avoid catching "I agree". Only the
// numerals agreements use (I–XXXIX): a lone "C." or "L." is a letter, not 100 or 50.
const ROMAN_LEAD = /^(X{0,3}(?:IX|IV|V?I{1,3}|V|X))\.(?:\s+|$)/;
// "B. Account Terms": lettered headings.
const LETTER_LEAD = /^([A-Z])\.(?:\s+|$)/;
// "(a)", "(iv)", "(3)", also "a)" and "a." as sometimes written.
const PAREN_LEAD = /^\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,3}|[A-Z])\)(?:\s+|$)/;
const ROMAN_ONLY = /^[ivxlc]+$/i;
/** Roman numerals that clause lists actually reach; "(c)", "(d)", "(l)", "(m)" are letters. */
const CLAUSE_ROMAN = /^(?:x{0,2}(?:ix|iv|v?i{1,3}|v|x))$/i;

/** Reads the section number (if any) at the start of a heading or paragraph text. */
export function readSectionLead(
  text: string,
  previousClauseKey?: string,
  previousLetterKey?: string,
): SectionLead | null {
  const trimmed = text.trimStart();
  const offset = text.length - trimmed.length;

  const attachment = ATTACHMENT_LEAD.exec(trimmed);
  if (attachment) {
    const word = (attachment[1] as string).toLowerCase();
    return {
      kind: 'attachment',
      number: attachment[2] ?? '',
      attachmentKind: ATTACHMENT_WORDS[word] as AttachmentKind,
      titleStart: offset + attachment[0].length,
      style: 'alpha',
    };
  }
  const keyword = KEYWORD_LEAD.exec(trimmed);
  if (keyword) {
    const word = (keyword[1] as string).toLowerCase();
    const number = keyword[2] as string;
    const style = /^\d/.test(number) ? 'decimal' : ROMAN_ONLY.test(number) ? 'roman' : 'alpha';
    return {
      kind: word === 'article' ? 'article' : 'section',
      number,
      titleStart: offset + keyword[0].length,
      style,
    };
  }
  const decimal = DECIMAL_LEAD.exec(trimmed);
  if (decimal) {
    return {
      kind: 'section',
      number: decimal[1] as string,
      titleStart: offset + decimal[0].length,
      style: 'decimal',
    };
  }
  const roman = ROMAN_LEAD.exec(trimmed);
  if (roman && !continuesAlpha((roman[1] as string).toLowerCase(), previousLetterKey)) {
    return {
      kind: 'article',
      number: roman[1] as string,
      titleStart: offset + roman[0].length,
      style: 'roman',
    };
  }
  const letter = LETTER_LEAD.exec(trimmed);
  if (letter) {
    return {
      kind: 'section',
      number: letter[1] as string,
      titleStart: offset + letter[0].length,
      style: 'alpha',
    };
  }
  const paren = PAREN_LEAD.exec(trimmed);
  if (paren) {
    const inner = paren[1] as string;
    let style: SectionLead['style'] = /^\d/.test(inner) ? 'paren-digit' : 'paren-alpha';
    // "(i)" is roman unless it continues an alphabetic run "(h)" → "(i)".
    if (style === 'paren-alpha' && CLAUSE_ROMAN.test(inner) && !continuesAlpha(inner, previousClauseKey)) {
      style = 'paren-roman';
    }
    return { kind: 'clause', number: `(${inner})`, titleStart: offset + paren[0].length, style };
  }
  return null;
}

function continuesAlpha(inner: string, previous?: string): boolean {
  if (previous?.length !== 1 || inner.length !== 1) return false;
  return previous.charCodeAt(0) + 1 === inner.toLowerCase().charCodeAt(0);
}

/** Normalises a section number for lookups: "12.3." → "12.3", "(a)" → "a", "IV" → "iv". */
export function sectionKey(number: string): string {
  const trimmed = number.trim();
  // "(a)" and "a)" are the clause "a"; in "I(A)" the brackets are part of the label.
  const bare = /^[^(]+\([^()]*\)$/.test(trimmed) ? trimmed : trimmed.replace(/^\(|\)$/g, '');
  return bare.replace(/\.$/, '').toLowerCase();
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** Converts a roman numeral to a number, or null when the text is not one. */
export function romanToNumber(text: string): number | null {
  const lower = text.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(lower)) return null;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const value = ROMAN_VALUES[lower[i] as string] as number;
    const next = i + 1 < lower.length ? (ROMAN_VALUES[lower[i + 1] as string] as number) : 0;
    total += value < next ? -value : value;
  }
  return total;
}
