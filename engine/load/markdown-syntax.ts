import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

/**
 * The parts of GitHub Flavored Markdown that agreements use: tables (schedules, cover pages),
 * strikethrough (redlines) and footnotes. Autolink literals and task lists are left out: they
 * change nothing a rule reads, and they cost more than half of the parse time.
 */
export interface AgreementSyntax {
  table: boolean;
  strikethrough: boolean;
  footnote: boolean;
}

export const ALL_AGREEMENT_SYNTAX: AgreementSyntax = { table: true, strikethrough: true, footnote: true };

/**
 * Which extensions can change the parse of this text. Each construct needs a character the text
 * lacks otherwise: a table needs a pipe, or a one-column delimiter row with a colon (":-", "-:");
 * strikethrough needs a tilde; a footnote needs "[^". Leaving out an extension that cannot fire
 * gives the same tree for less work (the table extension alone tries every paragraph line).
 */
export function syntaxNeededBy(text: string): AgreementSyntax {
  return {
    table: TABLE_TRIGGER.test(text),
    strikethrough: text.includes('~'),
    footnote: text.includes('[^'),
  };
}

const TABLE_TRIGGER = /\||^[ \t]*:-|-:[ \t\r]*$/m;

export function remarkAgreementSyntax(this: Processor, syntax: AgreementSyntax = ALL_AGREEMENT_SYNTAX): void {
  const data = this.data();
  data.micromarkExtensions = [
    ...(data.micromarkExtensions ?? []),
    ...(syntax.table ? [gfmTable()] : []),
    ...(syntax.strikethrough ? [gfmStrikethrough()] : []),
    ...(syntax.footnote ? [gfmFootnote()] : []),
  ];
  data.fromMarkdownExtensions = [
    ...(data.fromMarkdownExtensions ?? []),
    ...(syntax.table ? [gfmTableFromMarkdown()] : []),
    ...(syntax.strikethrough ? [gfmStrikethroughFromMarkdown()] : []),
    ...(syntax.footnote ? [gfmFootnoteFromMarkdown()] : []),
  ];
}
