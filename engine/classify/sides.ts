import type { ContractModel } from '../model/types.js';
import { escapeRegExp } from '../text/regexp.js';
import { spacesToOne } from './sentence-text.js';

/**
 * The sides of an agreement: who may grant and receive rights. A side is one party, or several
 * parties the preamble groups under one name ("Seller … and AFI Licensing ("Licensing" and
 * together with Seller, "Arizona")"), or a group defined around a party ("the SpinCo Group").
 * Grants are read between sides, so "the Company grants Seller" and "Arizona grants the
 * Company" are two directions of one exchange.
 */
export interface Side {
  /** The name the side is shown by (a short name where there is one). */
  key: string;
  /** Every name that refers to the side, longest first. */
  names: string[];
}

export interface SideMention {
  side: string;
  start: number;
  end: number;
}

export interface Sides {
  list: Side[];
  /** Side mentions in a text, in order; names used as modifiers ("SpinCo Business") are not mentions. */
  mentions(text: string): SideMention[];
  /** The side a name refers to. */
  sideOf(name: string): string | undefined;
}

/** Role words that name a side when no party is given that short name. */
const ROLES = [
  'Licensor',
  'Licensee',
  'Franchisor',
  'Franchisee',
  'Assignor',
  'Assignee',
  'Grantor',
  'Grantee',
];

const ENTITY_WITH_SHORT_NAME =
  /\b([A-Z][\w&.,' -]{2,80}?\b(?:Inc|INC|Corp|CORP|Corporation|CORPORATION|Limited|LIMITED|LLC|L\.L\.C|Ltd|LTD|Company|COMPANY|University|UNIVERSITY|plc|PLC|GmbH|AG|S\.A|N\.V|B\.V|LP|L\.P)\.?)\s*,[^()"“\n]{0,120}\(\s*(?:the\s+|hereinafter(?: referred to as)?\s+)?["“]([^"”]{2,30})["”]/g;
/** Pronouns defined for the parties: `"we," "us" and "our" refers to X`. */
const PRONOUNS =
  /((?:["“](?:we|us|our|you|your)[,.]?["”](?:\s*,)?\s*(?:and|or)?\s*){1,4})\s*(?:refers?|means?|shall (?:refer|mean))\s+(?:to\s+)?(?:the\s+)?([A-Z][\w&.,' -]{1,60}?)(?=\s*[,.;(]|\s+and\b)/gi;
/** What every match of PRONOUNS holds, whitespace or not: a quoted pronoun. */
const QUOTED_PRONOUN = /["“](?:we|us|our|you|your)[,.]?["”]/i;
/** "“Nortel” shall mean NTL and all Nortel Subsidiaries": a name for a party with its affiliates. */
const PARTY_WITH_AFFILIATES =
  /^(?:[^"“”]{0,20}["“][^"”]+["”]\s*)?(?:shall\s+)?(?:means?|includes?)\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s*,?\s+(?:and|together with)\s+(?:all|each|any|its|the|every)\b[^.;]{0,60}\b(?:Subsidiar|Affiliat|Group|members)/;

/** What every match of PARTY_WITH_AFFILIATES ends with. */
const AFFILIATES_WORD = /Subsidiar|Affiliat|Group|members/;

/** Words after a name that make a group of the party rather than a modifier of it. */
const GROUP_WORDS = /^(?:Group|Entities|Parties|Companies|Affiliates?|Subsidiaries|Members?)$/;

const cache = new WeakMap<ContractModel, Sides>();

export function sidesOf(model: ContractModel): Sides {
  const cached = cache.get(model);
  if (cached) return cached;
  const sides = buildSides(model);
  cache.set(model, sides);
  return sides;
}

function buildSides(model: ContractModel): Sides {
  // Union-find over names: each party starts as its own side.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root && parent.has(root)) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const union = (a: string, b: string, rootName: string) => {
    add(a);
    add(b);
    add(rootName);
    const ra = find(a);
    const rb = find(b);
    const rr = find(rootName);
    parent.set(ra, rr);
    parent.set(rb, rr);
  };
  const namesOf = new Map<string, Set<string>>();
  const alias = (key: string, name: string) => {
    add(key);
    add(name);
    if (key !== name) union(name, key, key);
    let set = namesOf.get(key);
    if (!set) {
      set = new Set();
      namesOf.set(key, set);
    }
    set.add(name);
  };

  // A filing copy whose preamble the model could not read (rules of dashes, cover pages):
  // "NORTHERN TELECOM LIMITED, a Canadian corporation ("NTL")" still names a party.
  if (model.parties.length < 2) {
    const opening = model.paragraphs
      .slice(0, 20)
      .map((p) => spacesToOne(p.text))
      .join('\n');
    for (const m of opening.matchAll(ENTITY_WITH_SHORT_NAME)) {
      const [, name, short] = m as unknown as [string, string, string];
      if (/^part(?:y|ies)$/i.test(short) || /Agreement|Date$/.test(short)) continue;
      alias(short, short);
      alias(short, name.trim());
    }
  }
  for (const party of model.parties) {
    const key =
      party.shortName && !/^(?:party|parties)$/i.test(party.shortName) ? party.shortName : party.name;
    alias(key, key);
    if (party.name.length >= 3) alias(key, party.name);
    // "Sony Corporation" is also called "Sony".
    const core = party.name.replace(
      /,?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|plc|AG|SA|S\.A|GmbH|Co|Company|N\.V|B\.V)\.?$/i,
      '',
    );
    if (core !== party.name && core.length >= 3 && !/\s/.test(core)) alias(key, core);
  }

  // The preamble: the paragraphs that name the parties (after any cover page or table of contents).
  const partyParagraphs = new Set(
    model.parties.flatMap((party) => {
      const i = model.paragraphs.findIndex(
        (p) => p.range.start <= party.range.start && party.range.start < p.range.end,
      );
      return i < 0 ? [] : [i, i + 1];
    }),
  );
  const preamble = (
    partyParagraphs.size > 0 ? [...partyParagraphs].sort((a, b) => a - b) : [0, 1, 2, 3, 4, 5]
  )
    .map((i) => model.paragraphs[i]?.text ?? '')
    .join('\n');
  // A short name the model did not keep (it is also defined elsewhere): "HONEYWELL INC., a Delaware corporation ("Honeywell")".
  // A cover page or title line may name the parties first; the preamble proper gives the short
  // names: "Phoenix Satellite Television Company Limited ("Party A" or "Phoenix Satellite TV")".
  // Built only when needed: most preambles give every short name, and define no pronouns.
  let openingText: string | undefined;
  const opening = () => {
    openingText ??= model.paragraphs
      .slice(0, 40)
      .map((p) => spacesToOne(p.text))
      .join('\n');
    return openingText;
  };
  const SHORT_AFTER =
    /^[^()"“\n]{0,100}\(\s*(?:the\s+|hereinafter(?: referred to as)?\s+)?["“]([^"”]{2,40})["”](?:\s*(?:or|and)\s*(?:the\s+)?["“]([^"”]{2,40})["”])?/;
  for (const party of model.parties) {
    if (party.shortName) continue;
    const shortNames = (text: string): string[] => {
      for (let at = text.indexOf(party.name); at >= 0; at = text.indexOf(party.name, at + 1)) {
        const short = SHORT_AFTER.exec(text.slice(at + party.name.length, at + party.name.length + 200));
        const names = [short?.[1], short?.[2]].filter(
          (n): n is string => n !== undefined && !/^part(?:y|ies)$/i.test(n) && !/Agreement$/.test(n),
        );
        if (names.length > 0) return names;
      }
      return [];
    };
    const found = shortNames(preamble);
    for (const name of found.length > 0 ? found : shortNames(opening())) alias(party.name, name);
  }

  // Groups named in the preamble: (… and together with Seller, "Arizona"), (X and Y, collectively "Z").
  const known = () => [...parent.keys()].filter((k) => k.length >= 2);
  const TOGETHER =
    /["“]([^"”]{2,40})["”]\s*,?\s*(?:and\s+)?(?:together|collectively)\s+with\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s*,?\s*(?:the\s+|each\s+(?:a|an)\s+)?["“]([^"”]{2,40})["”]/g;
  for (const m of preamble.matchAll(TOGETHER)) {
    const [, own, other, group] = m as unknown as [string, string, string, string];
    if (/^part(?:y|ies)$/i.test(group)) continue;
    if (!known().includes(own) || !known().includes(other)) continue;
    union(own, other, group);
    alias(group, group);
  }
  const COLLECTIVELY =
    /\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+and\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s*\(\s*(?:together|collectively),?\s+(?:the\s+)?["“]([^"”]{2,40})["”]\s*\)/g;
  for (const m of preamble.matchAll(COLLECTIVELY)) {
    const [, a, b, group] = m as unknown as [string, string, string, string];
    if (/^part(?:y|ies)$/i.test(group)) continue;
    if (!known().includes(a) || !known().includes(b)) continue;
    union(a, b, group);
    alias(group, group);
  }

  // "“SpinCo Group” means SpinCo and its Subsidiaries": a group term names its party's side.
  for (const d of model.definitions) {
    const words = d.term.split(/\s+/);
    const last = words[words.length - 1] ?? '';
    if (words.length < 2 || !GROUP_WORDS.test(last)) continue;
    const head = words.slice(0, -1).join(' ');
    if (known().includes(head)) alias(find(head), d.term);
  }

  for (const d of model.definitions) {
    // The group word first: collapsing every definition's whitespace would cost more than the pattern.
    if (!AFFILIATES_WORD.test(d.definitionText)) continue;
    const m = PARTY_WITH_AFFILIATES.exec(spacesToOne(d.definitionText));
    if (m?.[1] && known().includes(m[1]) && !known().includes(d.term)) alias(find(m[1]), d.term);
  }

  // "'we,' 'us' and 'our' refers to Pizza Fusion Holding, Inc. … 'You' and 'your' refers to the Franchisee."
  const pronounSides = new Set<string>();
  const definesPronouns = model.paragraphs.slice(0, 40).some((p) => QUOTED_PRONOUN.test(p.text));
  for (const m of definesPronouns ? opening().matchAll(PRONOUNS) : []) {
    const [, list, target] = m as unknown as [string, string, string];
    const name = target.replace(/,?\s+the\s+\w+$/i, '').trim();
    const match = known().find((k) => k === name || name.startsWith(k) || k.startsWith(name));
    // "we" and "you" are two parties even when the preamble was read as one: keep them apart.
    const side = match && !pronounSides.has(find(match)) ? find(match) : name;
    pronounSides.add(side);
    for (const pronoun of list.match(/\b(?:we|us|you)\b/gi) ?? []) {
      const lower = pronoun.toLowerCase();
      alias(side, lower);
      alias(side, lower.charAt(0).toUpperCase() + lower.slice(1));
    }
  }

  for (const role of ROLES) add(role);

  // Collect sides by root; the key is the root's first short name.
  const byRoot = new Map<string, Set<string>>();
  for (const name of parent.keys()) {
    const root = find(name);
    let set = byRoot.get(root);
    if (!set) {
      set = new Set();
      byRoot.set(root, set);
    }
    set.add(name);
  }
  const list: Side[] = [];
  const sideByName = new Map<string, string>();
  for (const [root, names] of byRoot) {
    const all = [...names].filter((n) => n.length >= 2);
    if (all.length === 0) continue;
    all.sort((a, b) => b.length - a.length);
    list.push({ key: root, names: all });
    for (const n of all) sideByName.set(n, root);
  }

  const matchers = list.flatMap((side) =>
    side.names.map((name) => ({
      side: side.key,
      name,
      upper: name.toUpperCase(),
      re: new RegExp(`\\b(?:${escapeRegExp(name)}|${escapeRegExp(name.toUpperCase())})(?![\\w-])`, 'g'),
      length: name.length,
    })),
  );
  matchers.sort((a, b) => b.length - a.length);

  return {
    list,
    sideOf: (name) => sideByName.get(name) ?? sideByName.get(caseInsensitive(sideByName, name) ?? ''),
    mentions(text) {
      const out: SideMention[] = [];
      for (const { side, name, upper, re } of matchers) {
        // Most names are not in a given text: a plain search says so faster than the pattern.
        if (!text.includes(name) && !text.includes(upper)) continue;
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          const start = m.index;
          const end = start + m[0].length;
          if (out.some((o) => start < o.end && end > o.start)) continue;
          if (isModifier(text, end)) continue;
          out.push({ side, start, end });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

function caseInsensitive(map: Map<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key of map.keys()) if (key.toLowerCase() === lower) return key;
  return undefined;
}

/**
 * "SpinCo Business", "Arizona Licensed Patents", "Company's Improvements": the name qualifies
 * another noun and does not name the party itself. "SpinCo Group" and "the Company and its
 * Affiliates" still name it.
 */
function isModifier(text: string, end: number): boolean {
  const after = text.slice(end, end + 40);
  if (/^['’]s?\b/.test(after)) return true;
  const next = /^[ \t]+([A-Z][\w-]*)/.exec(after);
  if (!next) return false;
  const word = next[1] as string;
  if (GROUP_WORDS.test(word)) return false;
  // An all-caps name followed by an all-caps word is EDGAR shouting, not a compound term.
  return !/^(?:AND|OR|TO|SHALL|HEREBY|WILL|MAY|IS|ARE|THE|A|AN|ON|IN|OF|FOR|WITH|AGREES|GRANTS)$/.test(word);
}
