import type { ContractModel, Definition, Range, Sentence } from '../model/types.js';
import { RangeSet } from '../text/ranges.js';
import { sentenceWords } from './clauses.js';
import { spacesToOne } from './sentence-text.js';
import { SENTENCE_WORD } from './sentence-words.js';
import { type SideMention, sidesOf } from './sides.js';

/**
 * Grants as structured data: every sentence that grants a licence (or covenants not to sue,
 * undertakes to grant one, or denies one) read into who grants what to whom, on what terms.
 *
 * The reader works on one sentence at a time, in three steps: find the grant verbs ("hereby
 * grants", "is hereby granted", "covenants not to sue"); for each, find the licence noun it
 * governs and the adjective chain in between ("a worldwide, non- exclusive, fully paid-up,
 * royalty-free license"); then read the parties around the verb and the scope after the noun.
 * The subject of the licence is resolved through the definitions it names, so "a licence under
 * the Licensed Technology" is a patent licence when "Licensed Technology" means patents.
 */

export type GrantKind =
  /** A present grant of a licence or right ("hereby grants", "is hereby granted"). */
  | 'grant'
  /** A covenant not to sue or assert. */
  | 'covenant'
  /** A promise to grant later ("undertakes to grant", "will negotiate a licence"). */
  | 'undertaking'
  /** A denial: "Neither Party grants any right or licence", "no licence is granted". */
  | 'denial';

export type Exclusivity = 'exclusive' | 'non-exclusive' | 'partial' | 'both' | 'unstated';

/** What a licence is of. `ip` is intellectual property named only in general. */
export type LicensedSubject =
  | 'patents'
  | 'software'
  | 'marks'
  | 'content'
  | 'know-how'
  | 'data'
  | 'technology'
  | 'ip';

export interface Grant {
  kind: GrantKind;
  /** Index into `model.paragraphs`. */
  paragraph: number;
  sentence: Sentence;
  /** Range of the grant sentence in the text view. */
  range: Range;
  /** The sentence, whitespace runs collapsed. */
  text: string;
  /** The part of the sentence that belongs to this grant (a sentence may hold several). */
  segment: string;
  /** Where `segment` starts in `text` (whitespace-collapsed offsets). */
  segmentStart: number;
  /** Side key of the grantor; "each" for a mutual grant. */
  grantor?: string;
  grantee?: string;
  /**
   * The grantor and grantee are parties the preamble names (or groups and roles of them), not
   * capitalised words read around the verb. Messages name only named parties: a typo in the
   * grant ("Licensor grants License a licence") is not copied into a sentence of ours.
   */
  named: { grantor: boolean; grantee: boolean };
  /** "Each Party grants the other Party …": runs both ways at once. */
  mutual: boolean;
  /** The words between the grantee and the licence noun ("a worldwide, non-exclusive, … "). */
  chain: string;
  exclusivity: Exclusivity;
  /** The exclusivity words as written ("non- exclusive"), for messages. */
  exclusivityText?: string;
  /** A partial or field/territory-split exclusivity that says by what. */
  partialQualified: boolean;
  /** What is licensed, from the grant's own words and the definitions it uses. */
  subjects: LicensedSubject[];
  /** Defined terms the grant licenses under ("Licensed Patents"). */
  subjectTerms: string[];
  /** Rights granted: make, have made, use, sell, offer, import, distribute, reproduce, modify, display. */
  rights: string[];
  /** The field of use as written ("in the Field", "solely for use in the Equifax Business"), if any. */
  field?: string;
  /** The territory as written ("worldwide", "in the Territory"), if any. */
  territory?: string;
  duration: { perpetual: boolean; irrevocable: boolean; term: boolean };
  sublicensable?: 'yes' | 'no';
  transferable?: 'yes' | 'no';
  royalty?: 'free' | 'bearing';
  /** Grant-back: only improvements, modifications or feedback are licensed. */
  grantBack: boolean;
  /** The grant mentions improvements. */
  improvements: boolean;
  /** Takes its scope from another grant ("on the same terms", "as set out in Section 2"). */
  derivative: boolean;
  /** Conditioned on ability or need ("to the extent it is able", "where appropriate"). */
  conditional: boolean;
}

const cache = new WeakMap<ContractModel, Grant[]>();

/** Every grant, covenant, undertaking and denial of the agreement, in document order. */
export function readGrants(model: ContractModel): Grant[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const sides = sidesOf(model);
  const definitions = definitionIndex(model.definitions);
  const insideDefinition = definitionRanges(model.definitions);
  const out: Grant[] = [];
  const recitals = recitalSections(model);
  // Every CHEAP match has a grant word: the clause scan found which sentences have one.
  const words = sentenceWords(model);
  let next = 0;
  model.paragraphs.forEach((paragraph, index) => {
    const first = next;
    next += paragraph.sentences.length;
    if (paragraph.kind === 'heading') return;
    if (paragraph.sectionId !== undefined && recitals.has(paragraph.sectionId)) return;
    // Most paragraphs hold no grant: their collapsed text is made only for one that does.
    let context: string | undefined;
    for (let i = 0; i < paragraph.sentences.length; i++) {
      const sentence = paragraph.sentences[i] as Sentence;
      if (((words[first + i] as number) & SENTENCE_WORD.grant) === 0 || !CHEAP.test(sentence.text)) continue;
      if (insideDefinition(sentence.range) || DEFINING.test(sentence.text)) continue;
      const text = spacesToOne(sentence.text);
      // Party mentions are looked for only in sentences that turn out to hold a grant.
      for (const parsed of parseSentence(text, () => sides.mentions(text))) {
        context ??= spacesToOne(paragraph.text);
        const grant = describe(index, sentence, text, parsed, context, definitions);
        grant.named = {
          grantor: grant.grantor !== undefined && (grant.mutual || sides.sideOf(grant.grantor) !== undefined),
          grantee: grant.grantee !== undefined && (grant.mutual || sides.sideOf(grant.grantee) !== undefined),
        };
        // A party's defined name is not what is licensed.
        grant.subjectTerms = grant.subjectTerms.filter((t) => sides.sideOf(t) === undefined);
        out.push(grant);
      }
    }
  });
  cache.set(model, out);
  return out;
}

const CHEAP =
  /grant|licen[cs]es|(?:shall|will|agrees?\s+to)\s+(?:hereby\s+)?(?:sub-?)?licen[cs]e\b|covenant|not to (?:sue|assert)/i;
/** A sentence that defines a term the model did not record: `For this clause "IPRs" shall mean …`. */
const DEFINING = /["“][^"”]{1,60}["”]\s+(?:shall\s+)?(?:means?|has the meaning|includes?)\b/;
const RECITALS_TITLE = /^\W*(?:recitals?|background|whereas|preamble|introduction)\b/i;

/** Sections titled "Recitals" or "Background" (and their subsections): statements of intent, not grants. */
function recitalSections(model: ContractModel): Set<string> {
  const out = new Set<string>();
  const visit = (sections: ContractModel['sections'], inside: boolean) => {
    // "## Recitals" followed by lettered paragraphs "A. …", "B. …" read as sibling sections: they
    // are recitals until the first numbered section.
    let following = false;
    for (const s of sections) {
      // A numbered or titled section ("1. Definitions", "ARTICLE I DEFINITIONS") ends the recitals.
      if (s.number !== undefined && (/^\d/.test(s.number) || s.title.trim() !== '' || s.kind === 'article'))
        following = false;
      const heading = s.number === undefined && RECITALS_TITLE.test(s.title);
      const recital =
        inside || heading || (following && (s.number === undefined || /^[A-Z]$/.test(s.number)));
      if (heading) following = true;
      if (recital) out.add(s.id);
      visit(s.children, recital);
    }
  };
  visit(model.sections, false);
  return out;
}
const RECITAL = /^\s*(?:WHEREAS|Whereas)\b/;
/** Where the operative part starts when a filing copy runs the recitals into it. */
const OPERATIVE = /\bNOW,?\s+(?:THEREFORE|Therefore|therefore)\b|\bagrees? as follows\b|\bAGREE AS FOLLOWS\b/;

/** The verb sits in a recital: "WHEREAS, Alpha wishes to grant …" (and not after "NOW, THEREFORE"). */
function inRecital(text: string, at: number): boolean {
  if (!RECITAL.test(text)) return false;
  return !OPERATIVE.test(text.slice(0, at));
}

// ---------------------------------------------------------------------------------------------
// Verbs

interface Verb {
  start: number;
  end: number;
  voice: 'active' | 'passive' | 'covenant' | 'undertaking';
}

/** "grants", "hereby grants", "shall grant", "hereby licenses", "Alpha licenses to Beta", "A shall license the Content to B". */
const ACTIVE =
  /\b(?:grants?(?! (?:of|is|was|are|were|shall|will|under|herein|hereunder|granted|set forth|described|by|in (?:Sections?|Articles?|Clauses?|Paragraphs?)|and (?:assignments?|conveyances?|licen[cs]es))\b)|hereby (?:sub-?)?licen[cs]es|(?:sub-?)?licen[cs]es to|(?:shall|will|agrees? to) (?:hereby )?(?:sub-?)?licen[cs]e(?= (?:to|the|its|all|any|such|each|certain|[A-Z])\b))\b/gi;
/** "the grant", "such grant", "licence grant": the noun, not the verb. */
const NOUN_BEFORE =
  /\b(?:the|a|an|any|such|this|that|each|no|its|their|licen[cs]e|sublicen[cs]e|patent|and\/or)\s+$/i;
/** "licenses to" is a verb only after a party's name: "Alpha licenses to Beta", not "holds licenses to". */
const LICENSES_TO_SUBJECT = /(?:\b[A-Z][\w&.-]*|\))\s*(?:hereby\s+)?$/;
/** "covenants not to sue" as a noun: "any settlements, covenants not to sue". */
const COVENANT_NOUN = /\b(?:any|the|a|such|of|no|or|and|settlements?|releases?|licen[cs]es?)\s*,?\s*$/i;
/** "is hereby granted", "are granted", "shall be granted", "is granted". */
const PASSIVE = /\b(?<!(?:has|have|had)\s)(?:is|are|shall be|will be|be)\s+(?:hereby\s+|also\s+)?granted\b/gi;
/** "covenants not to sue", "agrees not to assert", "shall not sue". */
const COVENANT =
  /\b(?:covenants?|agrees?|undertakes?)(?:,? (?:on behalf of [^,]{1,80},|for itself and [^,]{1,80},))? (?:that it (?:shall|will) )?not to (?:sue|assert|bring|institute|initiate)\b|\b(?:shall|will) not (?:sue|assert (?:any|a) (?:claim|patent))\b/gi;
/** A promise to grant later. */
const UNDERTAKING_BEFORE =
  /\b(?:undertakes?|undertaking|agrees? to negotiate|will negotiate|shall negotiate|will consider|may (?:elect|agree|decide) to|option to|willing|intends?|wish(?:es)?|desires?|if permitted|where permitted|to the extent permitted|efforts to|endeavou?rs? to|(?:to the extent|insofar as) (?:it is |they are )?(?:able|permitted|possible))\b[^.;]{0,80}$/i;
/** A grant that may happen: "If … The Regents grants additional licences", "in the event Licensor grants". */
const HYPOTHETICAL_BEFORE =
  /\b(?:that|which|who|whether|until|once)\b[^.;,:]{0,60}$|(?:^|[^,]\s)\b(?:if|in the event(?: that)?|should|unless)\b(?:[^.;:]|\.\d){0,200}$/i;
/** Not a party granting: a right to grant sublicences, a grant by or to third parties, "wishes to". */
const NOT_PARTY_GRANT =
  /\b(?:right|rights|authority|power|ability|entitled|permitted|free|option|discretion)\b[^.;]{0,100}\bto (?:\w+ )?$|\b(?:may|can|could)(?:\s+only|\s+not|\s+also)?\s+$|\bto (?:any )?third part(?:y|ies) (?:to )?$|\bthird part(?:y|ies)(?:['’]s?)? (?:\w+ )?to $/i;
/** A grant made elsewhere: "the licence granted in Section 2.1", "licences granted hereunder". */
const REFERENCE_AFTER =
  /^\s+(?:to [^.;,]{1,60}?\s+)?(?:in|under|by|pursuant to|hereunder|herein|above|below|hereby|under this)\b/i;
const REFERENCE_BEFORE =
  /\b(?:licen[cs]es?|rights?|sublicen[cs]es?)\s+(?:and (?:licen[cs]es?|rights?)\s+)?$/i;
/** Negation governing the verb: "Neither Party grants", "no licence is granted", "nothing … grants". */
/** The licence noun is followed by where it was granted: a reference. */
const REFERENCE_OBJECT =
  /^\s*(?:set (?:forth|out)|described|provided|granted|referred to|contemplated)\s+(?:in|under|by|above|below|herein|hereunder)\b/i;
const NEGATION_BEFORE =
  /\b(?:no|not|neither|nor|nothing|never)\b(?:(?!\b(?:and|but|except|provided|subject)\b)[^.;:]){0,80}$/i;

/** The noun a grant verb governs: the licence or right. */
const LICENCE_NOUN =
  /\b(?:(?:sub-?)?licen[cs]es?|(?:sub-?)?franchises?|(?:distribution|exploitation|exhibition|broadcast(?:ing)?|reproduction|publication|performance|display|streaming) rights?|rights? and (?:sub-?)?licen[cs]es?|(?:sub-?)?licen[cs]es? and rights?|rights?(?= (?:to (?:use|make|have made|sell|offer|import|reproduce|distribute|display|perform|practi[cs]e|exploit|copy|modify|create|manufacture|market|sublicense|publish|promote|develop|commerciali[sz]e|utili[sz]e|operate|establish)\b|under\b|in and to\b|and (?:sub-?)?licen))|covenants? not to (?:sue|assert)|immunit(?:y|ies)|releases?)\b/i;

interface Parsed {
  kind: Grant['kind'];
  segment: string;
  /** Offset of the segment in the sentence. */
  from: number;
  verb: Verb;
  /** Where the licence noun is, relative to the sentence (absent for covenants). */
  noun?: { start: number; end: number };
  grantor?: string;
  grantee?: string;
  mutual: boolean;
  conditional: boolean;
}

function findVerbs(text: string): Verb[] {
  const verbs: Verb[] = [];
  const push = (re: RegExp, voice: Verb['voice']) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (verbs.some((v) => start < v.end && end > v.start)) continue;
      const before = text.slice(Math.max(0, start - 40), start);
      const word = m[0].toLowerCase();
      if (voice === 'active' && !/^(?:hereby|shall|will|agree)/.test(word)) {
        if (NOUN_BEFORE.test(before) || before.endsWith('-')) continue;
        if (
          /licen[cs]es to$/.test(word) &&
          (!LICENSES_TO_SUBJECT.test(before) || /\b(?:hold|holds|any|the|of|such)\s+$/i.test(before))
        )
          continue;
      }
      if (voice === 'covenant' && /^covenant/i.test(word) && COVENANT_NOUN.test(before)) continue;
      verbs.push({ start, end, voice });
    }
  };
  push(COVENANT, 'covenant');
  push(PASSIVE, 'passive');
  push(ACTIVE, 'active');
  return verbs.sort((a, b) => a.start - b.start);
}

function parseSentence(text: string, mentionsOf: () => SideMention[]): Parsed[] {
  const verbs = findVerbs(text);
  if (verbs.length === 0) return [];
  // Pass 1: the verbs that grant, each with the licence noun it governs.
  const found: { verb: Verb; noun?: { start: number; end: number } }[] = [];
  for (const verb of verbs) {
    const before = text.slice(Math.max(0, verb.start - 120), verb.start);
    const after = text.slice(verb.end, verb.end + 400);
    if (verb.voice === 'covenant') {
      // A covenant about patents or licensed rights, not a waiver of jurisdiction defences.
      if (
        /\bpatent|\binfring|\bintellectual property|\blicensed\b|\bknow-?how|\bcopyright/i.test(
          text.slice(verb.start, verb.end + 300),
        )
      )
        found.push({ verb });
      continue;
    }
    // "grant sublicences to its customers", "a right to grant licences": sublicensing permissions.
    if (NOT_PARTY_GRANT.test(before)) continue;
    const words0 = text.slice(verb.start, verb.end);
    if (inRecital(text, verb.start)) continue;
    // "purported to be granted", "to be granted": not a present grant.
    if (
      verb.voice === 'passive' &&
      /\bto\s+$/i.test(text.slice(Math.max(0, verb.start - 4), verb.start)) &&
      !/hereby/i.test(words0)
    )
      continue;
    // "Pursuant to that certain Use Agreement …, FNW is granted …": a grant made by another agreement.
    if (
      /\bpursuant to (?:that certain|the|an?) (?:[A-Z][\w-]* ){0,6}Agreement\b[^.;]{0,160}$/.test(
        text.slice(0, verb.start),
      ) &&
      !/hereby/i.test(words0)
    )
      continue;
    // "3. GRANT 3.1 License Granted:": a heading run into the text.
    if (/^GRANTS?$/.test(words0) && !/HEREBY\s+$/.test(before) && !/^\s+TO\b/.test(after)) continue;
    // "Both Parties agree that Party A shall license …": an agreed grant, not a hypothetical one.
    const lead = text
      .slice(Math.max(0, verb.start - 220), verb.start)
      .replace(/\b(?:agree|agrees|acknowledge|acknowledges|confirm|confirms) that\b/gi, 'agree:');
    if (HYPOTHETICAL_BEFORE.test(lead) && !/hereby/i.test(words0)) continue;
    if (/^\s+(?:to \w+ )?(?:any )?(?:sub-?licen[cs]|further licen[cs])/i.test(after)) continue;
    // "the licences granted in Section 2", "rights granted hereunder": a reference, not a grant.
    const words = text.slice(verb.start, verb.end);
    if ((verb.voice === 'passive' || /granted$/i.test(words)) && !/hereby/i.test(words)) {
      if (REFERENCE_BEFORE.test(before) && REFERENCE_AFTER.test(after)) continue;
    }
    // The licence noun: right after the verb, past the grantee and the adjective chain.
    const base = verb.voice === 'passive' ? Math.max(0, verb.start - 200) : verb.end;
    const window = verb.voice === 'passive' ? text.slice(base, verb.end + 300) : after.slice(0, 320);
    // "Party A shall license the Program Content to Party B": the verb is the licence; no noun follows.
    if (/licen[cs]e$/i.test(words)) {
      found.push({ verb });
      continue;
    }
    const m = LICENCE_NOUN.exec(window);
    if (!m) continue;
    // An active grant whose noun lies beyond a clause break is not this verb's object.
    if (verb.voice === 'active' && /;|\.\s/.test(window.slice(0, m.index))) continue;
    const noun = { start: base + m.index, end: base + m.index + m[0].length };
    // "grants to Licensee the right to grant Sublicenses": a sublicensing permission, not a licence.
    if (
      /^rights?$/i.test(m[0]) &&
      /^\s+to (?:grant|sub-?licen[cs]e|issue)\b/i.test(text.slice(noun.end, noun.end + 30))
    )
      continue;
    // "to grant the license set forth in Section 3.1": a grant made elsewhere.
    if (
      /^\s*the\s*$/i.test(window.slice(0, m.index)) ||
      REFERENCE_OBJECT.test(text.slice(noun.end, noun.end + 60))
    )
      continue;
    // "grants, and agrees to cause its Affiliates to grant, … a licence": one grant, read at the first verb.
    if (found.some((f) => f.noun?.start === noun.start)) continue;
    found.push({ verb, noun });
  }
  // Pass 2: each grant runs from the end of the previous one to the next grant verb.
  if (found.length === 0) return [];
  const mentions = mentionsOf();
  const out: Parsed[] = [];
  let lastEnd = 0;
  for (const [i, { verb, noun }] of found.entries()) {
    const to = found[i + 1]?.verb.start ?? text.length;
    const from = Math.min(lastEnd, verb.start);
    lastEnd = noun?.end ?? verb.end;
    const segment = text.slice(from, to);
    const negated = verb.voice !== 'covenant' && isNegated(text, verb);
    const undertaking =
      verb.voice !== 'covenant' &&
      !negated &&
      UNDERTAKING_BEFORE.test(text.slice(Math.max(0, verb.start - 100), verb.start));
    const kind: Grant['kind'] = negated
      ? 'denial'
      : verb.voice === 'covenant'
        ? 'covenant'
        : undertaking
          ? 'undertaking'
          : 'grant';
    const parsed: Parsed = { kind, segment, from, verb, mutual: false, conditional: undertaking };
    if (noun) parsed.noun = noun;
    readParties(text, verb, noun, from, to, mentions, parsed);
    out.push(parsed);
  }
  return out;
}

function isNegated(text: string, verb: Verb): boolean {
  const clauseStart = Math.max(
    text.lastIndexOf(';', verb.start),
    text.lastIndexOf(':', verb.start),
    text.lastIndexOf(', and ', verb.start),
    text.lastIndexOf(', but ', verb.start),
    text.lastIndexOf(', provided', verb.start),
  );
  const before = text.slice(Math.max(clauseStart + 1, verb.start - 90), verb.start);
  if (NEGATION_BEFORE.test(before)) {
    // "non-exclusive", "not less than", "not to be unreasonably withheld" are not negations of the grant.
    const cleaned = before.replace(
      /\bnon-?\s?\w+|\bnot (?:less|more|later|earlier|fewer|greater) than\b|\bnot be unreasonably\b|\bno later than\b|\bnot limited to\b|\bnot otherwise\b|\bwhether or not\b/gi,
      '',
    );
    if (NEGATION_BEFORE.test(cleaned)) return true;
  }
  // "X grants no licence", "is granted no right".
  return /^\s+(?:to [^,;]{1,40}\s+)?(?:no|any no)\s+(?:\w+\s+)?(?:right|licen[cs]e)/i.test(
    text.slice(verb.end, verb.end + 60),
  );
}

// ---------------------------------------------------------------------------------------------
// Parties around the verb

const EACH_PARTY =
  /\b(?:[Ee]ach|[Ee]ither|EACH|EITHER) (?:of the )?(?:part(?:y|ies)|Part(?:y|ies)|PART(?:Y|IES))\b|\b(?:[Tt]he|[Bb]oth|THE|BOTH) (?:parties|Parties|PARTIES)\b|\b(?:[Ee]ach|EACH) of [A-Z][\w.]*(?: [A-Z][\w.]*)? and (?:the )?[A-Z]\w*/;
const OTHER_PARTY =
  /\bthe other(?: (?:part(?:y|ies)|Part(?:y|ies)|PART(?:Y|IES)))?\b|\beach other\b|\bone another\b|\bTHE OTHER\b/;
/** Undefined parties ("Alpha grants Beta"): a capitalised name right before / after the verb. */
const NAME_BEFORE =
  /\b([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})\s*(?:,[^,]{1,120},)?\s*,?\s+(?:(?:hereby|shall|will|agrees? to|does(?: hereby)?|also)\s+)*$/;
const NAME_AFTER = /^\s+(?:to\s+)?(?:the\s+)?([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})\b/;
const NOT_A_NAME =
  /^(?:License|Licence|Licenses|Licences|Right|Rights|The|A|An|Each|Either|Its|Such|Any|All|This|That|Licensed|Agreement|Section|Article|Party|Parties|Subject|Non|Exclusive|Patent|Patents|Hereby|In|Under|Upon|On|To|For|With|And|Or|If|It|They|Both|Except|Nothing|No|Neither)\b/;
/** Between a subject and its verb: adverbs, "on behalf of itself and its Affiliates", brackets. */
const SUBJECT_GAP =
  /^(?:\s*,[^,]{1,120},|\s*,\s*(?:on behalf of|for and on behalf of|for itself and)[^,]{0,100},|\s*\([^)]{0,100}\)|\s*,\s*(?:and|or) (?:its|their) Affiliates,|\s+(?:hereby|shall|will|also|agrees? to|does|further|hereby agrees to|shall and hereby does|and (?:its|their) (?:Affiliates|Subsidiaries)))*\s*,?\s*$/i;

function readParties(
  text: string,
  verb: Verb,
  noun: { start: number; end: number } | undefined,
  from: number,
  to: number,
  mentions: SideMention[],
  parsed: Parsed,
): void {
  const clauseStart = Math.max(from, verb.start - 160);
  const subject = text.slice(clauseStart, verb.start);
  const objectEnd = Math.min(to, (noun?.end ?? verb.end) + 160);
  const object = text.slice(verb.end, objectEnd);
  const passive = verb.voice === 'passive';
  if (EACH_PARTY.test(passive ? object : subject) && OTHER_PARTY.test(passive ? subject : object)) {
    parsed.mutual = true;
    parsed.grantor = 'each';
    parsed.grantee = 'each';
    return;
  }
  if (verb.voice === 'covenant' && EACH_PARTY.test(subject)) {
    parsed.mutual = true;
    parsed.grantor = 'each';
    parsed.grantee = 'each';
    return;
  }
  const before = mentions.filter((m) => m.end <= verb.start && m.start >= clauseStart);
  const afterVerb = mentions.filter((m) => m.start >= verb.end && m.start < objectEnd);
  if (passive) {
    // "B is hereby granted (by A) a licence"; "a licence is hereby granted to B (by A)".
    const by = /\bby\s+(?:the\s+)?$/i;
    const to = /\bto\s+(?:the\s+)?$/i;
    for (const m of afterVerb) {
      const lead = text.slice(Math.max(verb.end, m.start - 12), m.start);
      if (by.test(lead) && !parsed.grantor) parsed.grantor = m.side;
      else if (to.test(lead) && !parsed.grantee) parsed.grantee = m.side;
    }
    const subjectMention = before[before.length - 1];
    if (subjectMention && !parsed.grantee) parsed.grantee = subjectMention.side;
    return;
  }
  // The grantor: the last mention whose only company before the verb is adverbs and asides.
  let grantor: string | undefined;
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i] as SideMention;
    if (SUBJECT_GAP.test(text.slice(m.end, verb.start))) {
      grantor = m.side;
      break;
    }
  }
  // No mention reads as the verb's subject: the clause's first mention is its subject ("Alpha will share … with Beta, and hereby grants").
  grantor ??= before[0]?.side;
  grantor ??= nameFrom(NAME_BEFORE.exec(subject)?.[1]);
  // The grantee: the first other side after the verb, before the licence noun or just after it ("a licence to B").
  const toMention = /\bto\s+(?:the\s+)?$/i;
  // "A shall license the Content to B": the grantee follows "to", after what is licensed.
  let grantee = noun
    ? undefined
    : afterVerb.find(
        (m) => m.side !== grantor && toMention.test(text.slice(Math.max(verb.end, m.start - 10), m.start)),
      )?.side;
  grantee ??= afterVerb.find((m) => m.side !== grantor && m.start < (noun?.start ?? objectEnd))?.side;
  if (!grantee && noun) {
    grantee = afterVerb.find(
      (m) =>
        m.start >= noun.end &&
        m.side !== grantor &&
        toMention.test(text.slice(Math.max(noun.end, m.start - 10), m.start)),
    )?.side;
  }
  // Names the preamble did not give: "grants, and will cause …, to Certegy a licence", "a licence to Beta".
  grantee ??= nameFrom(NAME_AFTER.exec(object)?.[1]);
  if (!grantee) {
    const beforeNoun = text.slice(verb.end, noun?.start ?? objectEnd);
    const named = /\bto\s+(?:the\s+)?([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})\b/.exec(beforeNoun);
    grantee = nameFrom(named?.[1]);
  }
  if (!grantee && noun) {
    const named = /^[^;]{0,60}?\bto\s+(?:the\s+)?([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})\b/.exec(
      text.slice(noun.end, to),
    );
    grantee = nameFrom(named?.[1]);
  }
  if (grantee === grantor) grantee = undefined;
  if (grantor) parsed.grantor = grantor;
  if (grantee && grantee !== grantor) parsed.grantee = grantee;
}

/** A party named without a preamble short name; "the RemainCo Group" is RemainCo. */
function nameFrom(name: string | undefined): string | undefined {
  if (!name || NOT_A_NAME.test(name) || NOT_A_PARTY.test(name)) return undefined;
  return name.replace(/\s+(?:Group|Entities|Parties|Affiliates?)$/, '');
}
const NOT_A_PARTY =
  /\b(?:Date|Agreement|Section|Article|Schedule|Exhibit|Products?|Patents?|Technology|Software|Materials?|Field|Territory|Term|Business|Rights?|Property|Information|Know-How|Marks?|Trademarks?|Content|Data|Laws?|Affiliates)$/;

// ---------------------------------------------------------------------------------------------
// Attributes

const NON_EXCLUSIVE = /\bnon[- ]?\s?exclusive(?:ly)?\b/gi;
const PARTIAL_EXCLUSIVE = /\b(?:partially|partly|semi|co|quasi)[- ]?exclusive\b/i;
const EXCLUSIVE_WORD =
  /(?<![\w-])exclusive\b(?! (?:of|remed\w*|jurisdiction|venue|forum|property|owner\w*|right to (?:bring|sue|enforce))\b)|\bsole(?: and exclusive)? licen[cs]e\b/i;
/** A qualifier right after an exclusivity word: "exclusive in the Field", "non-exclusive outside the Territory". */
const SPLIT_QUALIFIER =
  /\bexclusive(?:ly)?\s+(?:in|within|for|outside|as to|until|during|except in|only in|solely in|elsewhere)\b[^,;]{0,40}|\bexclusive\s+(?:elsewhere|otherwise)\b/i;
const QUALIFIER =
  /\b(?:field|territor(?:y|ies)|until|period|years?|months?|outside|except in|only in|solely in|countr(?:y|ies)|market|segment|application|business)\b/i;
/** Exclusivity stated after the noun: "a licence, exclusive in the Field,", "which licence shall be exclusive". */
const STATED_AFTER =
  /^[^.;]{0,30}?\b(?:which (?:licen[cs]e|right)s? (?:is|are|shall be) |(?:is|are|shall be) )?(non[- ]?\s?)?exclusive\b/i;

/** One licence noun per exclusivity: "an exclusive licence under X, and a non-exclusive licence under Y". */
const TWO_LICENCES =
  /\b(?:non-?\s?)?exclusive\b[^;]{0,80}?\blicen[cs]e\b[^;]{0,200}?\band (?:a |an )?(?:[\w-]+,? ){0,3}?(?:non-?\s?)?exclusive\b[^;]{0,80}?\blicen[cs]e\b/i;

function exclusivityOf(
  chain: string,
  afterNoun: string,
  context: string,
  /** The grant as written, licence noun included. */
  written: string,
): { value: Exclusivity; qualified: boolean; text?: string } {
  const scope = `${chain} ${afterNoun.slice(0, 80)}`;
  const partial = PARTIAL_EXCLUSIVE.exec(scope);
  if (partial) return { value: 'partial', qualified: QUALIFIER.test(scope), text: partial[0] };
  const non = [...scope.matchAll(NON_EXCLUSIVE)];
  const withoutNon = scope.replace(NON_EXCLUSIVE, ' ');
  const excl = EXCLUSIVE_WORD.exec(withoutNon);
  if (non.length > 0 && excl) {
    // "exclusive in the Field of Use and non-exclusive outside it", "(x) exclusive … (y) non-exclusive",
    // "an exclusive licence under the Patents, and a non-exclusive licence under the Know-How": a defined split.
    return SPLIT_QUALIFIER.test(scope) ||
      /\(\s*[a-z]{1,2}\s*\)|\([ivx]+\)/.test(scope) ||
      TWO_LICENCES.test(written)
      ? { value: 'partial', qualified: true, text: `${excl[0]} / ${non[0]?.[0]}` }
      : { value: 'both', qualified: false, text: `${excl[0]} / ${non[0]?.[0]}` };
  }
  // "(x) an exclusive licence in the SpinCo Field and (y) a non-exclusive licence elsewhere".
  if (excl && /\(\s*(?:y|b|ii|2)\s*\)[^;]{0,240}\bnon[- ]?\s?exclusive/i.test(afterNoun))
    return { value: 'partial', qualified: true, text: excl[0] };
  if (excl) return { value: 'exclusive', qualified: false, text: excl[0] };
  if (non[0]) return { value: 'non-exclusive', qualified: false, text: non[0][0] };
  const after = STATED_AFTER.exec(afterNoun);
  if (after)
    return { value: after[1] ? 'non-exclusive' : 'exclusive', qualified: false, text: after[0].trim() };
  // "The licence in Section 2.1 is non-exclusive." in the same paragraph.
  const stated =
    /\b(?:licen[cs]es?|rights?)\b[^.;]{0,80}\b(?:is|are|shall be|will be) (non-?\s?)?exclusive\b/i.exec(
      context,
    );
  if (stated) return { value: stated[1] ? 'non-exclusive' : 'exclusive', qualified: false, text: stated[0] };
  return { value: 'unstated', qualified: false };
}

const FIELD =
  /\bfields? of (?:use|activity)\b[^.;,]{0,60}|\b(?:in|within|for|outside) the (?:[\w-]+ ){0,2}Field\b|\b(?:in|for) (?:any and all|all|any) fields?(?: of use)?\b|\bfor (?:any|all) (?:(?:business|lawful) )?(?:purposes?|uses?|applications?)\b|\bfor (?:the )?(?:sole |limited )?purposes? of\b[^.;,]{0,80}|\bfor use (?:in|with|on|as|by)\b[^.;,]{0,80}|\b(?:solely|only|exclusively) (?:for|in connection with|as part of|in|to (?:make|use|sell|develop|manufacture|market|distribute|promote|provide|operate|perform|design))\b[^.;,]{0,80}|\blimited to\b[^.;,]{0,80}|\b(?:on|in|through|via|for|in connection with) (?:the |its |such |any )?(?:[A-Z][\w-]* ){0,3}(?:websites?|web ?sites|sites|channels?|platforms?|stores?|premises|centres?|centers?|restaurants?|locations?|outlets?)\b|\bin connection with (?:the )?(?:[A-Z][\w-]* ){1,4}[^.;,]{0,40}|\bas (?:part|a component) of\b[^.;,]{0,60}|\b(?:no|without) (?:limitation as to |restriction (?:as to|on) )?field\b|\b(?:[Mm]ake|[Mm]anufacture|have made|[Uu]se|[Ss]ell|offer (?:to sell|for sale)|[Ii]mport|[Dd]istribute|[Ee]xploit|[Dd]evelop|[Cc]ommerciali[sz]e)[^.;]{0,60}?\b(?:any|the|such) (?:[A-Z][\w-]* ){0,4}(?:Products?|Services?|Assay|Tests?|Systems?|Devices?|Components?)(?:\(s\))?(?![\w-])/;
const TERRITORY =
  /\bterritor(?:y|ies|ial)\b|\bTerritory\b|\bworld-?\s?wide\b|\bthroughout the world\b|\banywhere in the world\b|\bin (?:any|all|each|every) (?:country|countries|jurisdictions?)\b|\b(?:United States(?! [Pp]atent)|U\.S\.A?\.?(?! [Pp]atent)|USA|Canada|Mexico|North America|South America|Europe(?:an Union)?|EU|EEA|United Kingdom|Japan|China|PRC|Korea|India|Germany|France|Asia|Australia|Latin America|Israel|Taiwan|Hong Kong)\b/;
const SUBLICENSE_NO =
  /\bnon-?\s?sub-?licen[cs]able\b|\bnot sub-?licen[cs]able\b|\bwithout (?:the |any )?right to (?:grant )?sub-?licen[cs]|\bno right to (?:grant )?sub-?licen[cs]|\bmay not (?:grant )?sub-?licen[cs]/i;
const SUBLICENSE_YES =
  /\bsub-?licen[cs]eable\b|\bsub-?licen[cs]able\b|\bright to (?:grant )?(?:and authori[sz]e )?sub-?licen[cs]|\bwith (?:the )?(?:right|power) to (?:grant )?sub-?licen[cs]|\bmay (?:grant )?sub-?licen[cs]|\bthrough (?:multiple )?tiers\b/i;
const TRANSFER_NO = /\bnon-?\s?(?:transferr?able|assignable)\b|\bnot (?:transferr?able|assignable)\b/i;
const TRANSFER_YES = /(?<!non-?\s?)\btransferr?able\b|(?<!non-?\s?)\bassignable\b/i;
const ROYALTY_FREE =
  /\broyalty(?:-\s?|\s)?free\b|\bfully(?:-\s?|\s)paid(?:(?:-\s?|\s)up)?\b|\bpaid(?:-\s?|\s)up\b|\bfree of (?:charge|royalt\w+)\b|\bno[- ]charge\b|\bat no (?:cost|charge)\b|\bwithout (?:charge|royalt\w+|payment)\b/i;
const ROYALTY_BEARING = /\broyalty[- ]bearing\b|\bsubject to (?:the )?payment of (?:the )?(?:royalt|fees?)/i;
const PERPETUAL = /\bperpetual(?:ly)?\b|\bin perpetuity\b/i;
const IRREVOCABLE = /(?<!\bnon-?\s?)\birrevocabl[ey]\b/i;
const TERM_LIMITED =
  /\b(?:during|for|throughout) the (?:\w+ )?Term\b|\bfor a (?:period|term) of\b|\buntil\b/i;
const GRANT_BACK_SUBJECT =
  /\b(?:improvements?|modifications?|enhancements?|derivative works?|feedback|suggestions|developments?|grant[- ]?backs?)\b/gi;
/** A licence of improvements only: "under its Improvements", or conditioned on a Development that improves the Assay. */
function isGrantBack(beforeVerb: string, afterNoun: string): boolean {
  const has = (t: string) => new RegExp(GRANT_BACK_SUBJECT.source, 'i').test(t);
  if (!has(afterNoun) && !has(beforeVerb)) return false;
  if (/\bsuch (?:improvements?|developments?|modifications?|enhancements?|inventions?)\b/i.test(afterNoun))
    return true;
  if (!has(afterNoun)) return false;
  return !OTHER_SUBJECT.test(afterNoun.replace(new RegExp(GRANT_BACK_SUBJECT.source, 'gi'), ''));
}
const OTHER_SUBJECT =
  /\b(?:patents?|technology|know-how|software|marks?|trademarks?|materials?|content|copyrights?|intellectual property)\b/i;
const DERIVATIVE =
  /\bon the (?:same )?terms (?:of|set (?:out|forth) in|as (?:those )?(?:set (?:out|forth) )?in)\s+(?:Section|Article|Clause|paragraph)|\bon the same terms\b|\bsubject to the (?:same )?(?:scope|limitations|restrictions) (?:of|as|set (?:out|forth) in)\b|\bsame (?:scope|field|territory)\b/i;
const CONDITIONAL =
  /\b(?:to the extent (?:it is |that it is |they are )?(?:able|permitted|legally able|possible)|where appropriate|as appropriate|to the extent (?:required|necessary|needed)|if (?:and when )?(?:required|necessary|requested))\b/i;
const RIGHTS: [string, RegExp][] = [
  ['make', /\bmake\b|\bmanufactur/i],
  ['have made', /\bhave made\b/i],
  ['use', /\buse\b|\butili[sz]e\b|\bpractice\b/i],
  ['sell', /\bsell\b|\bsale\b/i],
  ['offer', /\boffer (?:for sale|to sell)\b/i],
  ['import', /\bimport\b/i],
  ['distribute', /\bdistribut/i],
  ['reproduce', /\breproduc|\bcopy\b/i],
  ['modify', /\bmodif|\bderivative works?\b/i],
  ['display', /\bdisplay|\bperform\b/i],
];

const SUBJECT_PATTERNS: [LicensedSubject, RegExp][] = [
  ['patents', /\bpatent(?:s|ed| rights?| applications?)?\b(?! (?:and )?trademark office)/i],
  [
    'software',
    /\bsoftware\b|\bsource code\b|\bobject code\b|\bcomputer programs?\b|\bfirmware\b|\bapplication programming interface/i,
  ],
  [
    'marks',
    /\btrade ?marks?\b|\bservice marks?\b|\btrade names?\b|\blogos?\b|\bbrand(?:s|ing)?\b|\bMarks\b|\btrade dress\b/i,
  ],
  [
    'content',
    /\bcontent\b|\bcopyright(?:s|ed)?\b|\bworks? of authorship\b|\bprogramming\b|\bimages?\b|\bvideos?\b|\bfootage\b|\bphotographs?\b|\bmusic\b|\bpublications?\b|\blibrary materials\b/i,
  ],
  [
    'know-how',
    /\bknow-?how\b|\btrade secrets?\b|\btechnical (?:information|data|assistance)\b|\bproprietary information\b/i,
  ],
  ['data', /\bdata(?:base)?s?\b/i],
  ['technology', /\btechnolog(?:y|ies)\b|\bplatform\b|\bmaterials\b/i],
  ['ip', /\bintellectual property\b|\bIP\b|\bproprietary rights\b/i],
];

interface DefinitionIndex {
  /** Defined terms in a text, longest first, each once. */
  termsIn(text: string): Definition[];
  /**
   * What a definition names as subject matter, following the terms it uses `depth` levels further,
   * in the order they are found. Remembered: the grants of an agreement use the same few terms.
   */
  subjectsUnder(definition: Definition, depth: number): readonly LicensedSubject[];
}

function definitionIndex(definitions: Definition[]): DefinitionIndex {
  const byTerm = new Map<string, Definition>();
  for (const d of definitions) if (d.style !== 'has-meaning' && !byTerm.has(d.term)) byTerm.set(d.term, d);
  const terms = [...byTerm.keys()].filter((t) => t.length >= 3).sort((a, b) => b.length - a.length);
  const subjectsMemo = new Map<Definition, (readonly LicensedSubject[])[]>();
  const index: DefinitionIndex = {
    termsIn(text) {
      const out: Definition[] = [];
      let rest = text;
      for (const term of terms) {
        const at = rest.indexOf(term);
        if (at < 0) continue;
        const before = rest[at - 1];
        const after = rest[at + term.length];
        if ((before && /\w/.test(before)) || (after && /[a-z]/.test(after))) continue;
        out.push(byTerm.get(term) as Definition);
        rest = rest.slice(0, at) + ' '.repeat(term.length) + rest.slice(at + term.length);
      }
      return out;
    },
    subjectsUnder(definition, depth) {
      let byDepth = subjectsMemo.get(definition);
      if (!byDepth) {
        byDepth = [];
        subjectsMemo.set(definition, byDepth);
      }
      let subjects = byDepth[depth];
      if (!subjects) {
        const text = definition.definitionText.slice(0, 600);
        const found = new Set(subjectsNamedIn(text));
        if (depth > 0)
          for (const d of index.termsIn(text))
            for (const s of index.subjectsUnder(d, depth - 1)) found.add(s);
        subjects = [...found];
        byDepth[depth] = subjects;
      }
      return subjects;
    },
  };
  return index;
}

function definitionRanges(definitions: Definition[]): (range: Range) => boolean {
  const spans = definitions
    .filter((d) => d.style === 'means' || d.style === 'shall-mean' || d.style === 'bold')
    .map((d) => d.definitionRange);
  const union = new RangeSet(spans);
  return (range) => union.overlaps(range.start, range.start + 1);
}

/** What a scope text licenses, following defined terms one level into their definitions (two for "Licensed X"). */
function subjectsOf(
  scope: string,
  definitions: DefinitionIndex,
): { subjects: LicensedSubject[]; terms: string[] } {
  const found = new Set<LicensedSubject>(subjectsNamedIn(scope));
  const terms: string[] = [];
  for (const d of definitions.termsIn(scope)) {
    terms.push(d.term);
    for (const s of definitions.subjectsUnder(d, 1)) found.add(s);
  }
  // Patents reached only through a general "Intellectual Property" definition count as IP, not as a patent licence.
  return { subjects: [...found], terms };
}

/** The subject matter a text names in its own words, in the order of SUBJECT_PATTERNS. */
function subjectsNamedIn(text: string): LicensedSubject[] {
  const out: LicensedSubject[] = [];
  for (const [subject, re] of SUBJECT_PATTERNS) if (re.test(text)) out.push(subject);
  return out;
}

function describe(
  paragraph: number,
  sentence: Sentence,
  text: string,
  parsed: Parsed,
  context: string,
  definitions: DefinitionIndex,
): Grant {
  const nounEnd = parsed.noun?.end ?? parsed.verb.end;
  const chainStart =
    parsed.verb.voice === 'passive'
      ? Math.min(parsed.verb.end, parsed.noun?.start ?? parsed.verb.end)
      : parsed.verb.end;
  const chain = parsed.noun ? text.slice(Math.min(chainStart, parsed.noun.start), parsed.noun.start) : '';
  const segmentEnd = parsed.from + parsed.segment.length;
  const afterNoun = text.slice(nounEnd, segmentEnd);
  const scope = `${chain} ${afterNoun}`;
  const nounText = parsed.noun ? text.slice(parsed.noun.start, parsed.noun.end) : '';
  const {
    value,
    qualified,
    text: exclusivityText,
  } = exclusivityOf(chain, afterNoun, context, `${chain}${nounText}${afterNoun.slice(0, 240)}`);
  // What is licensed may come before the noun ("grants to B under the Nortel Patents a licence") or after it.
  const { subjects, terms } = subjectsOf(
    `${chain} ${afterNoun.slice(0, 500)}`.trim() || parsed.segment,
    definitions,
  );
  const grantBack = isGrantBack(text.slice(parsed.from, parsed.verb.start), afterNoun.slice(0, 300));
  const field = FIELD.exec(scope)?.[0] ?? FIELD.exec(context)?.[0];
  const territory = TERRITORY.exec(scope)?.[0] ?? TERRITORY.exec(context)?.[0];
  const grant: Grant = {
    kind: parsed.kind,
    named: { grantor: false, grantee: false },
    paragraph,
    sentence,
    range: sentence.range,
    text,
    segment: parsed.segment,
    segmentStart: parsed.from,
    mutual: parsed.mutual,
    chain,
    exclusivity: parsed.kind === 'covenant' ? 'unstated' : value,
    partialQualified: qualified,
    subjects,
    subjectTerms: terms,
    rights: RIGHTS.filter(([, re]) => re.test(afterNoun.slice(0, 400))).map(([name]) => name),
    duration: {
      perpetual: PERPETUAL.test(chain) || PERPETUAL.test(afterNoun.slice(0, 200)),
      irrevocable: IRREVOCABLE.test(chain) || IRREVOCABLE.test(afterNoun.slice(0, 200)),
      term: TERM_LIMITED.test(afterNoun),
    },
    grantBack,
    improvements: /\bimprovements?\b|\bgrant[- ]?backs?\b/i.test(parsed.segment),
    derivative: DERIVATIVE.test(parsed.segment),
    conditional:
      parsed.conditional || CONDITIONAL.test(text.slice(Math.max(0, parsed.from - 1), parsed.verb.start + 1)),
  };
  if (exclusivityText) grant.exclusivityText = exclusivityText;
  if (parsed.grantor) grant.grantor = parsed.grantor;
  if (parsed.grantee) grant.grantee = parsed.grantee;
  if (field) grant.field = field.trim();
  if (territory) grant.territory = territory.trim();
  if (SUBLICENSE_NO.test(scope)) grant.sublicensable = 'no';
  else if (SUBLICENSE_YES.test(scope)) grant.sublicensable = 'yes';
  if (TRANSFER_NO.test(scope)) grant.transferable = 'no';
  else if (TRANSFER_YES.test(chain)) grant.transferable = 'yes';
  if (ROYALTY_FREE.test(scope)) grant.royalty = 'free';
  else if (ROYALTY_BEARING.test(scope)) grant.royalty = 'bearing';
  return grant;
}

/** Grants between the parties in force now: present grants and covenants, with both ends known or mutual. */
export function operativeGrants(model: ContractModel): Grant[] {
  return readGrants(model).filter(
    (g) =>
      (g.kind === 'grant' || g.kind === 'covenant') &&
      (g.mutual || (g.grantor && g.grantee && g.grantor !== g.grantee)),
  );
}
