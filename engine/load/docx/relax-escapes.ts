import { parseMarkdown } from '../markdown.js';

const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/**
 * remark-stringify escapes conservatively ("\[Date]", "\_"), which reads badly in a contract.
 * Per line, drop the escapes when the line parses to the same thing without them. Pipes stay
 * escaped (they matter in table rows), as do lines that could become setext underlines.
 */
export function relaxEscapes(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (!line.includes('\\') || /^[\s=\-\\]*$/.test(line)) return line;
      const relaxed = line.replace(ESCAPE, (all, ch: string) => (ch === '|' ? all : ch));
      if (relaxed === line) return line;
      return readsTheSame(line, relaxed) ? relaxed : line;
    })
    .join('\n');
}

/**
 * Whether the line reads the same without its escapes. The two common cases are answered without
 * parsing (a parse of each long table row costs more than the rest of this step); every other
 * line is parsed both ways.
 */
export function readsTheSame(line: string, relaxed: string): boolean {
  if (ESCAPED_LIST_NUMBER.test(line)) return false;
  if (onlyInertBracketEscapes(line, relaxed)) return true;
  return fingerprint(relaxed) === fingerprint(line);
}

/**
 * "1\. Payment": without the backslash the line opens an ordered list, which the escaped line
 * (starting with a digit and a backslash) cannot be.
 */
const ESCAPED_LIST_NUMBER = /^ {0,3}\d{1,9}\\[.)](?:[ \t]|$)/;

/** Brackets mean something only as a link ("](", "]["), a definition ("]:") or a footnote ("[^"). */
const BRACKET_SYNTAX = /\]\(|\]\[|\]:|\[\^/;
/** Where a backslash stays as it is (code, HTML, autolinks), and "~" fences and strikethrough. */
const LITERAL_OR_TILDE = /[`<~]/;
/** Block markers and indentation before a line's text; four columns of it make indented code. */
const LINE_PREFIX = /^[\s>*+\-0-9.)]*/;

/**
 * "\[ ] Other fee": when every escape is of "[" and nothing on the line could make a bracket
 * syntax, the bracket is text either way. Delimiter runs ("_", "*") next to it see punctuation
 * both ways ("\" or "["), and the parser has neither task lists nor autolink literals.
 */
function onlyInertBracketEscapes(line: string, relaxed: string): boolean {
  if (count(line, '\\') !== count(line, '\\[')) return false;
  if (BRACKET_SYNTAX.test(relaxed) || LITERAL_OR_TILDE.test(relaxed)) return false;
  const prefix = LINE_PREFIX.exec(relaxed)?.[0] ?? '';
  return !/ {4}|\t/.test(prefix);
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

function fingerprint(markdown: string): string {
  // The parser that will read the text view: an escape matters only if it changes that reading.
  const tree = parseMarkdown(markdown);
  return JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value));
}
