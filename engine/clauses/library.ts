import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ContractModel } from '../model/types.js';

/** Where a template goes (see rules/clause-library/README.md). */
export type Placement = 'definitions' | 'section' | 'article';

export interface ClauseTemplate {
  id: string;
  title: string;
  heading: string;
  placement: Placement;
  match?: RegExp;
  /** Another template inserted together with this one. */
  companion?: string;
  paragraphs: string[];
}

/** rules/clause-library/ next to dist/ (the package ships `rules`). */
// dist/engine/clauses/*.js in the repository and the npm package; engine/clauses/*.ts when the
// tests run the sources; <extension>/dist/*.mjs in the VS Code extension (server and its threads,
// bundled), which ships <extension>/rules/clause-library.
const LIBRARY_DIRS = [
  new URL('../../../rules/clause-library/', import.meta.url),
  new URL('../../rules/clause-library/', import.meta.url),
  new URL('../rules/clause-library/', import.meta.url),
];
const LIBRARY_DIR = LIBRARY_DIRS.find((dir) => existsSync(dir)) ?? (LIBRARY_DIRS[0] as URL);

let cache: Map<string, ClauseTemplate> | undefined;

/** The clause templates, read once from rules/clause-library/*.md. */
export function clauseLibrary(): Map<string, ClauseTemplate> {
  if (cache) return cache;
  const out = new Map<string, ClauseTemplate>();
  let names: string[] = [];
  try {
    names = readdirSync(LIBRARY_DIR).filter((n) => n.endsWith('.md') && n !== 'README.md');
  } catch {
    names = [];
  }
  for (const name of names) {
    const parsed = parseTemplate(name.slice(0, -3), readFileSync(new URL(name, LIBRARY_DIR), 'utf8'));
    if (parsed) out.set(parsed.id, parsed);
  }
  cache = out;
  return out;
}

export function parseTemplate(id: string, source: string): ClauseTemplate | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!match) return undefined;
  const meta: Record<string, string> = {};
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (kv) meta[kv[1] as string] = (kv[2] as string).trim();
  }
  const placement = meta.placement as Placement;
  if (!['definitions', 'section', 'article'].includes(placement)) return undefined;
  const paragraphs = (match[2] ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
  const template: ClauseTemplate = {
    id,
    title: meta.title ?? id,
    heading: meta.heading ?? id,
    placement,
    paragraphs,
  };
  if (meta.companion) template.companion = meta.companion;
  if (meta.match) template.match = new RegExp(meta.match, 'i');
  return template;
}

/** Fills the placeholders with the agreement's own names. */
export function fillTemplate(text: string, model: ContractModel | undefined): string {
  const defines = (term: string) => model?.definitions.some((d) => d.term === term) ?? false;
  const party = defines('Party') || defines('Parties') ? 'Party' : 'party';
  const parties = defines('Parties') || defines('Party') ? 'Parties' : 'parties';
  const names = (model?.parties ?? []).map((p) => p.shortName).filter((n): n is string => !!n);
  const both = names.length >= 2 ? `${names[0]} and ${names[1]}` : `the ${parties}`;
  const improvement =
    model?.definitions.find((d) => /^improvements?$/i.test(d.term) && d.style !== 'has-meaning')?.term ??
    'Improvement';
  const singular = improvement.replace(/s$/, '');
  const values: Record<string, string> = {
    party,
    parties,
    Party: capitalise(party),
    Parties: capitalise(parties),
    bothParties: both,
    BothParties: capitalise(both),
    Improvement: singular,
    Improvements: `${singular}s`,
    // The parties in the order the preamble introduces them (cross-license templates).
    PartyA: names[0] ?? `the first ${party}`,
    PartyB: names[1] ?? `the second ${party}`,
  };
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
