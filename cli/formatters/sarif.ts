import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl } from '../../engine/lint/rule.js';
import { catalog } from '../../rules/index.js';
import type { FileReport } from '../report.js';
import type { FormatContext, Formatter } from './types.js';

/** Reported for a file that cannot be read, so CI sees it next to the other results. */
const UNREADABLE = {
  id: 'unreadable-file',
  description: 'The file could not be read as an agreement (corrupt, encrypted, empty, binary or too large).',
};

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 for GitHub code scanning: the rules table comes from the rule metadata; locations
 * are relative to the working folder (%SRCROOT%). For Word files the region refers to the text
 * view and the Word paragraph goes into the result's properties.
 */
export function sarifFormatter(context: FormatContext): Formatter {
  const rules = [
    ...catalog.rules.map((r) => ({
      id: r.id,
      name: pascal(r.id),
      shortDescription: { text: r.description },
      fullDescription: { text: r.rationale.replace(/\s+/g, ' ').trim() },
      help: {
        text: `${r.description} See ${ruleDocsUrl(r.id)}`,
        markdown: `${r.description}\n\n[Rule documentation](${ruleDocsUrl(r.id)})`,
      },
      helpUri: ruleDocsUrl(r.id),
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties: { category: r.category, tags: ['contract', r.category] },
    })),
    {
      id: UNREADABLE.id,
      name: 'UnreadableFile',
      shortDescription: { text: UNREADABLE.description },
      fullDescription: { text: UNREADABLE.description },
      help: { text: UNREADABLE.description },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'input', tags: ['contract', 'input'] },
    },
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];

  return {
    push(report: FileReport) {
      const uri = relative(context.cwd, report.path).split(sep).join('/');
      const location = (line = 1, column = 1, endLine = line, endColumn = column + 1) => ({
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: line,
            startColumn: column,
            endLine,
            endColumn: Math.max(endColumn, endLine === line ? column + 1 : 1),
          },
        },
      });
      if (report.error) {
        results.push({
          ruleId: UNREADABLE.id,
          ruleIndex: ruleIndex.get(UNREADABLE.id),
          level: 'error',
          message: { text: report.error.message },
          locations: [location()],
          properties: { code: report.error.code },
        });
        notifications.push({
          level: 'error',
          message: { text: report.error.message },
          locations: [location()],
        });
      }
      for (const f of report.findings) {
        results.push({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [location(f.line, f.column, f.endLine, f.endColumn)],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i + 1,
                  message: { text: r.message },
                  ...location(r.line, r.column),
                })),
              }
            : {}),
          ...(f.wordParagraph !== undefined
            ? {
                properties: {
                  wordParagraph: f.wordParagraph,
                  textView: 'Markdown rendering of the Word document (contract-lint inspect --text)',
                },
              }
            : {}),
        });
      }
      return '';
    },
    finish() {
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'contract-lint',
                semanticVersion: context.version,
                version: context.version,
                informationUri: 'https://github.com/contract-lint/contract-lint',
                rules,
              },
            },
            originalUriBaseIds: {
              '%SRCROOT%': {
                uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : `${context.cwd}${sep}`).href,
              },
            },
            invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
            results,
          },
        ],
      };
      return `${JSON.stringify(log, null, 2)}\n`;
    },
  };
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
}
