import type { ContractModel, Range, Section, Sentence } from '../model/types.js';
import { escapeRegExp } from '../text/regexp.js';
import type { ClauseIndex } from './types.js';

/**
 * Cross-license detection and the licence grants of an agreement, read sentence by sentence.
 *
 * The shared classifier says *where* a licence grant is (`license-grant` hits); this module reads
 * each grant sentence to say *who* grants to *whom* and on what terms (exclusivity, field,
 * territory, sublicensing, improvements), which is what the cross-license rule pack reasons about.
 */

export type GrantExclusivity = 'exclusive' | 'non-exclusive' | 'both' | 'partial' | 'unstated';

export interface Grant {
  /** Index into `model.paragraphs`. */
  paragraph: number;
  sentence: Sentence;
  /** The grant sentence, whitespace runs collapsed. */
  text: string;
  /** The part of the sentence that belongs to this grant (a sentence may hold two grants). */
  segment: string;
  /** Range of the grant sentence in the text view. */
  range: Range;
  /** Party key (a party's short name, or "Licensor"/"Licensee"); "each" for a mutual grant. */
  grantor?: string;
  grantee?: string;
  /** "Each Party grants the other Party …": a grant that runs both ways at once. */
  mutual: boolean;
  exclusivity: GrantExclusivity;
  /** A partial / semi- / co-exclusive grant that says by what (field, territory or time). */
  partialQualified: boolean;
  /** The grant (or its paragraph) says the field of use, including "all fields". */
  field: boolean;
  /** The grant (or its paragraph) says the territory, including "worldwide". */
  territory: boolean;
  sublicensable?: 'yes' | 'no';
  /** The grant is of, or extends to, improvements. */
  improvements: boolean;
  /** A grant-back: only improvements, modifications or feedback are licensed. */
  grantBack: boolean;
  /** Takes its scope from another grant ("on the terms of Section 2", "on the same terms"). */
  derivative: boolean;
  /** Under patents. */
  patents: boolean;
  /** Rights granted: make, use, sell, offer, import, have made, distribute, reproduce, modify. */
  rights: string[];
  /** A grant verb was read ("grants", "is hereby granted"); false for other wording the classifier took as a grant. */
  verb: boolean;
}

const cache = new WeakMap<ContractModel, Grant[]>();

/** The licence grants of an agreement, in document order (computed once per model). */
export function grantsOf(model: ContractModel, clauses: ClauseIndex): Grant[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const aliases = partyAliases(model);
  const out: Grant[] = [];
  const seen = new Set<number>();
  for (const hit of clauses.hits('license-grant')) {
    if (hit.source !== 'sentence' || seen.has(hit.range.start)) continue;
    seen.add(hit.range.start);
    const paragraph = model.paragraphs[hit.paragraph];
    const sentence = paragraph?.sentences.find((s) => s.range.start === hit.range.start);
    if (!paragraph || !sentence) continue;
    const text = sentence.text.replace(/\s+/g, ' ');
    const context = paragraph.sentences
      .filter((s) => s !== sentence)
      .map((s) => s.text.replace(/\s+/g, ' '))
      .join(' ');
    for (const parsed of parseGrantSentence(text, aliases)) {
      out.push(
        describeGrant(hit.paragraph, sentence, text, parsed.segment, context, {
          grantor: parsed.grantor,
          grantee: parsed.grantee,
          mutual: parsed.mutual,
          verb: parsed.verb,
        }),
      );
    }
  }
  cache.set(model, out);
  return out;
}

/** Grants between the parties: both ends known, or a mutual grant. */
export function partyGrants(model: ContractModel, clauses: ClauseIndex): Grant[] {
  return grantsOf(model, clauses).filter(
    (g) => g.mutual || (g.grantor && g.grantee && g.grantor !== g.grantee),
  );
}

/** The agreement grants a licence at all (the "licence-like" agreements generic pack rules apply to). */
export function isLicenseLike(model: ContractModel, clauses: ClauseIndex): boolean {
  return grantsOf(model, clauses).length > 0;
}

const CROSS_LICENSE = /\bcross[- ]?licen[cs](?:e|es|ed|ing)\b/i;

/** The title or recitals call the agreement a cross-license. */
export function saysCrossLicense(model: ContractModel): boolean {
  if (model.title && CROSS_LICENSE.test(model.title)) return true;
  return introParagraphs(model).some((p) => CROSS_LICENSE.test(p));
}

/**
 * A cross-license: the title or recitals say so, or licences run both ways between the parties
 * (a grant by A to B and one by B to A, or "each Party grants the other"). Grant-backs of
 * improvements alone do not make a one-way licence a cross-license.
 */
export function isCrossLicense(model: ContractModel, clauses: ClauseIndex): boolean {
  if (saysCrossLicense(model)) return true;
  return runsBothWays(partyGrants(model, clauses).filter((g) => !g.grantBack));
}

/** Grants in both directions between two parties, or a mutual grant. */
export function runsBothWays(grants: readonly Grant[]): boolean {
  if (grants.some((g) => g.mutual)) return true;
  const directions = new Set(grants.map((g) => `${g.grantor}\u0000${g.grantee}`));
  return grants.some((g) => directions.has(`${g.grantee}\u0000${g.grantor}`));
}

/** A grant of the agreement is exclusive (or partially exclusive). */
export function grantsExclusively(model: ContractModel, clauses: ClauseIndex): boolean {
  return grantsOf(model, clauses).some((g) => g.exclusivity === 'exclusive' || g.exclusivity === 'partial');
}

/** Exclusivity evidence that is not about remedies, ownership, recitals or third parties' licences. */
const NOT_A_COMMITMENT =
  /^\s*(?:WHEREAS|Whereas)\b|\bexclusive of\b|\b(?:sole and )?exclusive (?:property|remed\w*|owner\w*|right, title)\b|\bmay have\b[^.;]{0,80}\bexclusive licen|\breserves? the right to grant\b[^.;]{0,80}\bexclusive\b|\[\s*\]\s*(?:Yes|No)\b/i;
const COMMITMENT_WORDS =
  /\bexclusive(?:ly)?\b|\bsole\b|\bsolely\b|\bonly\b|\brequirements\b|\bnot\b[^.;]{0,60}\b(?:appoint|compet|grant|sell|license)/i;

/**
 * An exclusive commitment (CUAD "Exclusivity" sense): the classifier's evidence without
 * exclusive-of-remedies, ownership, recital and third-party sentences, a heading only when the text
 * under it says so, or an exclusive grant.
 */
export function hasExclusivity(model: ContractModel, clauses: ClauseIndex): boolean {
  for (const h of clauses.hits('exclusivity')) {
    const paragraph = model.paragraphs[h.paragraph];
    if (!paragraph) continue;
    if (h.source === 'heading') {
      const body = paragraph.text.replace(/\s+/g, ' ');
      if (COMMITMENT_WORDS.test(body.replace(/\bexclusivity\b/gi, '')) && !NOT_A_COMMITMENT.test(body))
        return true;
      continue;
    }
    const s = paragraph.sentences.find((x) => x.range.start === h.range.start);
    if (s && !NOT_A_COMMITMENT.test(s.text.replace(/\s+/g, ' '))) return true;
  }
  return grantsExclusively(model, clauses);
}

// ---------------------------------------------------------------------------------------------
// Recitals

const RECITALS_TITLE = /\b(?:recitals?|background|whereas|preamble|introduction)\b/i;

/** Preamble and recitals: paragraphs before the first numbered section, and recital sections. */
function introParagraphs(model: ContractModel): string[] {
  const firstNumbered = firstNumberedSection(model.sections);
  const limit = firstNumbered?.headingRange.start ?? Number.POSITIVE_INFINITY;
  const recitalIds = new Set<string>();
  const visit = (sections: Section[], inside: boolean) => {
    for (const s of sections) {
      const isRecital = inside || (s.number === undefined && RECITALS_TITLE.test(s.title));
      if (isRecital) recitalIds.add(s.id);
      visit(s.children, isRecital);
    }
  };
  visit(model.sections, false);
  const out: string[] = [];
  for (const [i, p] of model.paragraphs.entries()) {
    const early = p.range.start < limit && i < 25;
    const recital = p.sectionId !== undefined && recitalIds.has(p.sectionId);
    if (early || recital) out.push(p.text);
    else if (p.range.start >= limit && i >= 25) break;
  }
  return out;
}

function firstNumberedSection(sections: Section[]): Section | undefined {
  let best: Section | undefined;
  const visit = (list: Section[]) => {
    for (const s of list) {
      if (s.number !== undefined && s.kind !== 'attachment' && /^(?:\d|[IVX]+\b)/i.test(s.number)) {
        if (!best || s.headingRange.start < best.headingRange.start) best = s;
      }
      visit(s.children);
    }
  };
  visit(sections);
  return best;
}

// ---------------------------------------------------------------------------------------------
// Parties named in a grant

interface Alias {
  key: string;
  re: RegExp;
}

const ROLE_WORDS = ['Licensor', 'Licensee', 'Licensors', 'Licensees'];

/** Names a grant may use for a party: short names, full names, and the roles Licensor / Licensee. */
export function partyAliases(model: ContractModel): Alias[] {
  const entries: { key: string; name: string }[] = [];
  for (const party of model.parties) {
    const key = party.shortName ?? party.name;
    if (party.shortName && !/^(?:party|parties)$/i.test(party.shortName))
      entries.push({ key, name: party.shortName });
    if (party.name.length >= 3) entries.push({ key, name: party.name });
  }
  for (const role of ROLE_WORDS) {
    const key = role.replace(/s$/, '');
    if (!entries.some((e) => e.name === role)) entries.push({ key, name: role });
  }
  entries.sort((a, b) => b.name.length - a.name.length);
  return entries.map(({ key, name }) => ({
    key,
    // Exact case, or ALL CAPS (EDGAR): "Licensor" / "LICENSOR".
    re: new RegExp(`\\b(?:${escapeRegExp(name)}|${escapeRegExp(name.toUpperCase())})(?![\\w-])`, 'g'),
  }));
}

interface Mention {
  key: string;
  start: number;
  end: number;
}

/** "Northwind Licensed Patents", "Contoso's Improvements": a party name used as a possessive. */
const POSSESSIVE_AFTER =
  /^(?:['’]s?\b|\s+(?:Licensed|Patents?|Technology|Improvements?|Know-How|Products?|IP|Intellectual|Marks?|Trademarks?|Software|Materials?|Inventions?|Affiliates?|Portfolio)\b)/;

function mentions(text: string, aliases: Alias[]): Mention[] {
  const out: Mention[] = [];
  for (const { key, re } of aliases) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      if (POSSESSIVE_AFTER.test(text.slice(end, end + 30))) continue;
      out.push({ key, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const EACH_PARTY =
  /\b(?:[Ee]ach|[Ee]ither|EACH|EITHER) (?:of the )?(?:part(?:y|ies)|Part(?:y|ies)|PART(?:Y|IES))\b|\b(?:[Tt]he|[Bb]oth|THE|BOTH) (?:parties|Parties|PARTIES)\b|\beach of [A-Z][\w.]* and [A-Z]\w*/;
const OTHER_PARTY =
  /\bthe other(?: (?:part(?:y|ies)|Part(?:y|ies)|PART(?:Y|IES)))?\b|\beach other\b|\bone another\b/;

// ---------------------------------------------------------------------------------------------
// Grant sentences

interface ParsedGrant {
  segment: string;
  verb: boolean;
  grantor?: string;
  grantee?: string;
  mutual: boolean;
}

/** An active grant verb: "grants", "hereby grants", "shall grant", "hereby licenses". */
const ACTIVE_VERB = /\b(?:grants?|hereby licen[cs]es)\b(?! (?:of|under|in|herein|hereunder|granted)\b)/gi;
/** A passive grant: "Licensee is hereby granted …". */
const PASSIVE_VERB = /\b(?:is|are) hereby granted\b/gi;
/** Not a grant: negated, a right to grant sublicences, a reference to a grant made elsewhere. */
const VERB_NOT_GRANT =
  /\b(?:not|no|nothing|neither|nor|never)\b[^.;]{0,40}$|\b(?:right|rights|authority|power|ability|entitled|permitted|free|option) to (?:\w+ )?$|\b(?:may|can|shall not|will not)\s+$|\b(?:wish(?:es)?|desires?|intends?|willing|negotiate[^.;]{0,30}) to $/i;

/** Undefined parties ("Alpha grants Beta"): the capitalised name right before / after the verb. */
const NAME_BEFORE =
  /\b([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})\s+(?:(?:hereby|shall|will|agrees to|does hereby|also)\s+)*$/;
const NAME_AFTER = /^\s+(?:to\s+)?([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})\b/;
const NOT_A_NAME =
  /^(?:The|A|An|Each|Either|Its|Such|Any|All|This|That|Licensed|Agreement|Section|Article|Party|Parties|Subject|Non|Exclusive|Patent|Patents|Hereby|In|Under|Upon|On|To|For|With|And|Or|If|It|They|Both)\b/;

export function parseGrantSentence(text: string, aliases: Alias[]): ParsedGrant[] {
  const verbs: { start: number; end: number; passive: boolean }[] = [];
  for (const re of [ACTIVE_VERB, PASSIVE_VERB]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 260);
      const passive = re === PASSIVE_VERB;
      if (!passive) {
        if (VERB_NOT_GRANT.test(before)) continue;
        // "grant sublicences to its customers": a sublicensing permission, not a party's grant.
        if (/^\s+(?:to \w+ )?(?:any )?sub-?licen[cs]/i.test(after)) continue;
        if (
          !/\blicen[cs]|\bright to (?:use|make|sell|reproduce|distribute|market|manufacture|practi[cs]e)/i.test(
            after,
          )
        )
          continue;
      }
      verbs.push({ start: m.index, end: m.index + m[0].length, passive });
    }
  }
  verbs.sort((a, b) => a.start - b.start);
  const all = mentions(text, aliases);
  if (verbs.length === 0) return [{ segment: text, mutual: false, verb: false }];
  const out: ParsedGrant[] = [];
  for (const [i, verb] of verbs.entries()) {
    const from = i === 0 ? 0 : (verbs[i - 1]?.end ?? 0);
    const to = verbs[i + 1]?.start ?? text.length;
    const segment = text.slice(from, to);
    const subject = text.slice(Math.max(from, verb.start - 140), verb.start);
    const object = text.slice(verb.end, Math.min(to, verb.end + 140));
    const mutual =
      EACH_PARTY.test(verb.passive ? object : subject) && OTHER_PARTY.test(verb.passive ? subject : object);
    const parsed: ParsedGrant = { segment, mutual, verb: true };
    if (mutual) {
      parsed.grantor = 'each';
      parsed.grantee = 'each';
    } else if (verb.passive) {
      // "B is hereby granted by A a licence", "B is hereby granted a licence under A's patents".
      const before = all.filter((m) => m.end <= verb.start && m.start >= from);
      const grantee = before[before.length - 1]?.key;
      const by = /^\s*,?\s*by\s+/.exec(object);
      const grantor = by
        ? all.find((m) => m.start >= verb.end && m.start <= verb.end + by[0].length + 2)?.key
        : undefined;
      if (grantee) parsed.grantee = grantee;
      if (grantor) parsed.grantor = grantor;
    } else {
      const before = all.filter((m) => m.end <= verb.start && m.start >= Math.max(from, verb.start - 140));
      const grantor = before[before.length - 1]?.key;
      const after = all.filter((m) => m.start >= verb.end && m.start <= verb.end + 140 && m.start < to);
      const grantee = after.find((m) => m.key !== grantor)?.key;
      const fallbackGrantor = grantor ?? NAME_BEFORE.exec(subject)?.[1];
      const fallbackGrantee = grantee ?? NAME_AFTER.exec(object)?.[1];
      if (fallbackGrantor && !NOT_A_NAME.test(fallbackGrantor)) parsed.grantor = fallbackGrantor;
      if (fallbackGrantee && !NOT_A_NAME.test(fallbackGrantee) && fallbackGrantee !== parsed.grantor)
        parsed.grantee = fallbackGrantee;
    }
    out.push(parsed);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Attributes

const NON_EXCLUSIVE = /\bnon[- ]?\s?exclusive(?:ly)?\b/i;
const PARTIAL_EXCLUSIVE = /\b(?:partially|partly|semi|co|quasi)[- ]?exclusive\b/i;
const EXCLUSIVE =
  /(?<!\bnon[- ]?\s?|\bnon|\b(?:partially|partly|semi|co|quasi)[- ]?)\bexclusive\b(?! (?:of|remed\w*|jurisdiction|venue|forum|property|owner\w*|right to (?:bring|sue|enforce))\b)|\bsole(?: and exclusive)? licen[cs]e\b/i;
const QUALIFIER =
  /\b(?:field|territor(?:y|ies)|until|period|years?|months?|outside|except in|only in|solely in|countr(?:y|ies)|market|segment|application)\b/i;

const FIELD =
  /\bfields? of use\b|\bField\b|\bFIELD\b|\b(?:all|any) fields?\b|\bfor (?:any|all) (?:purposes?|uses?|applications?)\b|\bfor (?:the )?(?:sole |limited )?purposes? of\b|\bfor use (?:in|with|on|as)\b|\b(?:solely|only|exclusively) (?:for|in connection with|as part of|to (?:make|use|sell|develop|manufacture|market|distribute|promote|provide|operate|perform))\b|\blimited to\b|\bin connection with\b|\bas (?:part|a component) of\b|\b(?:no|without) (?:limitation as to |restriction (?:as to|on) )?field\b/;
const TERRITORY =
  /\bterritor(?:y|ies|ial)\b|\bTerritory\b|\bworld-?\s?wide\b|\bthroughout the world\b|\banywhere in the world\b|\bin (?:any|all|each|every) (?:country|countries|jurisdictions?)\b|\bcountr(?:y|ies)\b|\b(?:United States(?! [Pp]atent)|U\.S\.A?\.?(?! [Pp]atent)|USA|Canada|Mexico|North America|Europe(?:an Union)?|EU|EEA|United Kingdom|Japan|China|Korea|India|Germany|France|Asia|Australia|Latin America|South America|Israel|Taiwan)\b/;
const SUBLICENSE_NO =
  /\bnon-?\s?sub-?licen[cs]able\b|\bnot sub-?licen[cs]able\b|\bwithout (?:the |any )?right to (?:grant )?sub-?licen[cs]|\bno right to (?:grant )?sub-?licen[cs]|\bmay not (?:grant )?sub-?licen[cs]/i;
const SUBLICENSE_YES =
  /\bsub-?licen[cs]able\b|\bright to (?:grant )?(?:and authori[sz]e )?sub-?licen[cs]|\bwith (?:the )?(?:right|power) to (?:grant )?sub-?licen[cs]|\bmay (?:grant )?sub-?licen[cs]/i;
const IMPROVEMENTS = /\bimprovements?\b|\bgrant[- ]?backs?\b/i;
const GRANT_BACK_SUBJECT =
  /\b(?:improvements?|modifications?|enhancements?|derivative works?|feedback|suggestions|grant[- ]?backs?)\b/i;
const GRANT_BACK_ALL = new RegExp(GRANT_BACK_SUBJECT.source, 'gi');
const OTHER_SUBJECT =
  /\b(?:licensed patents?|patents?|technology|know-how|software|marks?|trademarks?|materials?)\b/i;
const DERIVATIVE =
  /\bon the (?:same )?terms (?:of|set (?:out|forth) in|as (?:those )?(?:set (?:out|forth) )?in)\s+(?:Section|Article|Clause|paragraph)|\bon the same terms\b|\bsubject to the (?:same )?(?:scope|limitations|restrictions) (?:of|as|set (?:out|forth) in)\b|\bas (?:set (?:out|forth)|described|provided) in (?:Section|Article|Clause)s? \d[^.;]{0,30}\b(?:licen[cs]e|grant)|\bsame (?:scope|field|territory)\b/i;
const RIGHTS: [string, RegExp][] = [
  ['make', /\bmake\b|\bmanufactur/i],
  ['have made', /\bhave made\b/i],
  ['use', /\buse\b/i],
  ['sell', /\bsell\b|\bsale\b/i],
  ['offer', /\boffer (?:for sale|to sell)\b/i],
  ['import', /\bimport\b/i],
  ['distribute', /\bdistribut/i],
  ['reproduce', /\breproduc|\bcopy\b/i],
  ['modify', /\bmodif|\bderivative works?\b/i],
];

function exclusivityOf(segment: string, context: string): { value: GrantExclusivity; qualified: boolean } {
  const partial = PARTIAL_EXCLUSIVE.test(segment);
  const non = NON_EXCLUSIVE.test(segment);
  const excl = EXCLUSIVE.test(segment);
  if (partial) return { value: 'partial', qualified: QUALIFIER.test(segment) };
  if (non && excl) {
    // "exclusive in the Field of Use and non-exclusive outside it" is a defined partial exclusivity.
    return QUALIFIER.test(segment)
      ? { value: 'partial', qualified: true }
      : { value: 'both', qualified: false };
  }
  if (excl) return { value: 'exclusive', qualified: false };
  if (non) return { value: 'non-exclusive', qualified: false };
  // "The licence in Section 2.1 is non-exclusive." in the same paragraph.
  const stated = /\blicen[cs]es?\b[^.;]{0,80}\b(?:is|are|shall be|will be) (non-?\s?)?exclusive\b/i.exec(
    context,
  );
  if (stated) return { value: stated[1] ? 'non-exclusive' : 'exclusive', qualified: false };
  return { value: 'unstated', qualified: false };
}

function describeGrant(
  paragraph: number,
  sentence: Sentence,
  text: string,
  segment: string,
  context: string,
  parties: { grantor?: string | undefined; grantee?: string | undefined; mutual: boolean; verb: boolean },
): Grant {
  const { value, qualified } = exclusivityOf(segment, context);
  const scope = `${segment} ${context}`;
  const grantBack =
    GRANT_BACK_SUBJECT.test(segment) && !OTHER_SUBJECT.test(segment.replace(GRANT_BACK_ALL, ''));
  const grant: Grant = {
    paragraph,
    sentence,
    text,
    segment,
    range: sentence.range,
    mutual: parties.mutual,
    exclusivity: value,
    partialQualified: qualified,
    field: FIELD.test(scope),
    territory: TERRITORY.test(scope),
    improvements: IMPROVEMENTS.test(segment),
    grantBack,
    derivative: DERIVATIVE.test(segment),
    patents: /\bpatent/i.test(segment),
    rights: RIGHTS.filter(([, re]) => re.test(segment)).map(([name]) => name),
    verb: parties.verb,
  };
  if (parties.grantor) grant.grantor = parties.grantor;
  if (parties.grantee) grant.grantee = parties.grantee;
  if (SUBLICENSE_NO.test(segment)) grant.sublicensable = 'no';
  else if (SUBLICENSE_YES.test(segment)) grant.sublicensable = 'yes';
  return grant;
}
