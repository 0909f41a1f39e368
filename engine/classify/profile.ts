import { allSections } from '../model/build.js';
import type { ContractModel, Range } from '../model/types.js';
import { TextMemo } from '../text/memo.js';
import { indexOfLastStartingAtOrBefore } from '../text/ranges.js';
import { sentenceWords } from './clauses.js';
import { type Grant, type LicensedSubject, operativeGrants, readGrants } from './grants.js';
import { collapsedSentences, spacesToOne } from './sentence-text.js';
import { SENTENCE_WORD, SENTENCE_WORDS_SPACED, scanSentenceWords } from './sentence-words.js';
import { type Sides, sidesOf } from './sides.js';
import type { ClauseIndex } from './types.js';

/**
 * The agreement profile: what kind of agreement this is, what it licenses, how money flows, how
 * it ends and whether it sits under another agreement. Computed once per document; the absence
 * rules ask it whether the clause they look for is called for at all, so that "no audit clause"
 * is said only where money rests on the payer's own figures, and "nothing says how this
 * agreement ends" never reaches a perpetual, irrevocable licence.
 */

export type AgreementKind =
  | 'patent-licence'
  | 'cross-licence'
  | 'software-licence'
  | 'content-licence'
  | 'trademark-licence'
  | 'franchise'
  | 'ip-transaction'
  | 'collaboration'
  | 'services'
  | 'nda'
  | 'assignment'
  | 'other';

/** A quote from the agreement that shows a profile fact. */
export interface Evidence {
  text: string;
  range: Range;
}

export interface MoneyFlow {
  /** Royalties or a revenue share computed on the payer's own figures (sales, revenue, units). */
  royaltyOnPayerFigures: boolean;
  fixedFees: boolean;
  milestones: boolean;
  /** Licences stated royalty-free or fully paid, or "no further payment". */
  royaltyFree: boolean;
  /** The main way money moves, for people: the first that holds of royalty, milestones, fixed fees, royalty-free, none. */
  model: 'royalty' | 'milestones' | 'fixed-fee' | 'royalty-free' | 'none';
  evidence: { royalty?: Evidence; fixed?: Evidence; milestones?: Evidence; free?: Evidence };
}

export interface TerminationRight {
  /** "either", a side key, or "unknown". */
  by: string;
  grounds: ('breach' | 'insolvency' | 'convenience' | 'change-of-control' | 'patent-challenge' | 'other')[];
  noticeDays?: number;
  cureDays?: number;
  /** The list items the right's sentence leads into ("may terminate if: (a) … (b) …"). */
  conditions?: string;
  evidence: Evidence;
}

export interface Ending {
  /** How the agreement ends, most settling first. */
  kind:
    | 'not-terminable'
    | 'perpetual'
    | 'patent-life'
    | 'fixed-term'
    | 'terminable'
    | 'completed'
    | 'unstated';
  perpetual: boolean;
  irrevocable: boolean;
  notTerminable: boolean;
  patentLife: boolean;
  fixedTerm: boolean;
  /** Some party may terminate, or the agreement ends on an event. */
  terminable: boolean;
  rights: TerminationRight[];
  evidence: Evidence[];
}

export interface MasterAgreement {
  /** The agreement this one sits under ("Asset Purchase Agreement"). */
  name?: string;
  /** Capitalised terms take their meaning from another agreement. */
  termsByReference: boolean;
  /** "subject in all respects to the Purchase Agreement", "ancillary agreement". */
  subjectTo: boolean;
  /** Schedules or exhibits omitted from this copy (a filing copy). */
  omittedSchedules: boolean;
  evidence: Evidence[];
}

export interface AgreementProfile {
  /** Kinds, the main one first. */
  kinds: AgreementKind[];
  /** What the operative grants license. */
  licenses: LicensedSubject[];
  /** A present grant licenses patents (named in the grant or in the definition of what it licenses). */
  patentsLicensed: boolean;
  /** A present grant is exclusive or partially exclusive. */
  exclusive: boolean;
  /** Grants run both ways between the sides (beyond marks and improvement grant-backs). */
  crossLicence: boolean;
  /** The document calls itself a cross-licence (title or recitals). */
  saysCrossLicence: boolean;
  /** Present grants (or covenants) run both ways between the sides. */
  grantsRunBothWays: boolean;
  /** Every grant, covenant, undertaking and denial. */
  grants: Grant[];
  money: MoneyFlow;
  ending: Ending;
  master: MasterAgreement;
}

const cache = new WeakMap<ContractModel, AgreementProfile>();

export function profileAgreement(model: ContractModel, clauses: ClauseIndex): AgreementProfile {
  const cached = cache.get(model);
  if (cached) return cached;
  const grants = readGrants(model);
  const operative = operativeGrants(model);
  const sentences = plainSentences(model);
  const head = headText(model);
  const licenses = [...new Set(operative.flatMap((g) => g.subjects))];
  const patentsLicensed = operative.some((g) => g.subjects.includes('patents') && !g.grantBack);
  const saysCrossLicence = CROSS_LICENCE.test(head);
  const grantsRunBothWays = runsBothWays(operative);
  const crossLicence = saysCrossLicence || grantsRunBothWays;
  const money = moneyFlow(sentences, operative);
  const master = masterAgreement(sentences, head);
  const kinds = agreementKinds(model, head, operative, { crossLicence, patentsLicensed, sentences, master });
  // Duration is read from every present grant, named parties or not.
  const ending = endingOf(
    sentences,
    clauses,
    grants.filter((g) => g.kind === 'grant'),
    kinds,
    sidesOf(model),
    sectionTitles(model),
  );
  const profile: AgreementProfile = {
    kinds,
    licenses,
    patentsLicensed,
    exclusive: operative.some((g) => g.exclusivity === 'exclusive' || g.exclusivity === 'partial'),
    crossLicence,
    saysCrossLicence,
    grantsRunBothWays,
    grants,
    money,
    ending,
    master,
  };
  cache.set(model, profile);
  return profile;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

interface PlainSentence {
  text: string;
  range: Range;
  paragraph: number;
  definition: boolean;
  /** The word groups it has (`sentenceWords`). */
  words: number;
  /** What it says about money and duration, read once (see `factsOf`). */
  facts?: SentenceFacts;
}

const sentenceCache = new WeakMap<ContractModel, PlainSentence[]>();

/** Every sentence, whitespace collapsed, marked when it sits inside a "means" definition. */
function plainSentences(model: ContractModel): PlainSentence[] {
  const cached = sentenceCache.get(model);
  if (cached) return cached;
  const spans = model.definitions
    .filter((d) => d.style === 'means' || d.style === 'shall-mean' || d.style === 'bold')
    .map((d) => d.definitionRange)
    .sort((a, b) => a.start - b.start);
  const out: PlainSentence[] = [];
  // Sentences and definitions both come in document order: one sweep marks the definitions.
  let next = 0;
  let reach = -1;
  const texts = collapsedSentences(model);
  const words = sentenceWords(model);
  model.paragraphs.forEach((p, i) => {
    for (const s of p.sentences) {
      while (next < spans.length && (spans[next] as { start: number }).start <= s.range.start) {
        reach = Math.max(reach, (spans[next] as { end: number }).end);
        next++;
      }
      const definition = s.range.start < reach;
      const index = out.length;
      out.push({
        text: texts[index] as string,
        range: s.range,
        paragraph: i,
        definition,
        words: words[index] as number,
      });
    }
  });
  sentenceCache.set(model, out);
  return out;
}

/** The title and the opening (preamble and recitals): where an agreement says what it is. */
function headText(model: ContractModel): string {
  const parts: string[] = [];
  if (model.title) parts.push(model.title);
  let chars = 0;
  for (const p of model.paragraphs.slice(0, 40)) {
    parts.push(spacesToOne(p.text));
    chars += p.text.length;
    if (chars > 6000) break;
  }
  return parts.join('\n');
}

/**
 * What one sentence says about money and duration, as quotes ready for evidence. It depends on the
 * sentence's text alone, so the language server answers it from a memo for every sentence an edit
 * did not touch; a batch run computes it once per sentence as before.
 */
interface SentenceFacts {
  royalty?: string;
  milestones?: string;
  fixed?: string;
  free?: string;
  notTerminable?: string;
  patentLife?: string;
  perpetual?: string;
  termInForm?: string;
}

const factsMemo = new TextMemo<SentenceFacts>({ keepKeys: true });

/** `gates`: the sentence's word mask (see sentence-words.ts). */
function factsOf(t: string, gates: number): SentenceFacts {
  return factsMemo.get(t, () => {
    // Most sentences of an agreement are about neither money nor duration: without the words
    // each pattern needs, they skip every pattern.
    let facts: SentenceFacts | undefined;
    const pay = (gates & MONEY_GATE) !== 0 && PAY.test(t);
    if (pay && ROYALTY_WORDS.test(t) && !NOT_OUR_ROYALTY.test(t)) {
      for (const re of ROYALTY_ON_FIGURES) {
        const m = re.exec(t);
        if (m) {
          facts = withFact(facts, 'royalty', t, m);
          break;
        }
      }
    }
    if (gates & MILESTONE_GATE) facts = withFact(facts, 'milestones', t, MILESTONE.exec(t));
    if (pay) facts = withFact(facts, 'fixed', t, FIXED_FEE.exec(t));
    if (gates & FREE_GATE) facts = withFact(facts, 'free', t, FREE.exec(t));
    if (gates & NOT_TERMINABLE_GATE) facts = withFact(facts, 'notTerminable', t, NOT_TERMINABLE.exec(t));
    if (gates & PATENT_LIFE_GATE) facts = withFact(facts, 'patentLife', t, PATENT_LIFE.exec(t));
    if (gates & PERPETUAL_GATE) facts = withFact(facts, 'perpetual', t, PERPETUAL_AGREEMENT.exec(t));
    if (t.includes('Term')) facts = withFact(facts, 'termInForm', t, TERM_IN_FORM.exec(t));
    return facts ?? NO_FACTS;
  });
}

/** The facts of most sentences: none (shared, never written to). */
const NO_FACTS: SentenceFacts = Object.freeze({});

/** The facts with the quote around a match of the sentence `t` added, if there is a match. */
function withFact(
  facts: SentenceFacts | undefined,
  key: keyof SentenceFacts,
  t: string,
  m: RegExpExecArray | null,
): SentenceFacts | undefined {
  if (!m) return facts;
  const out = facts ?? {};
  out[key] = quoteAround(t, m.index, m.index + m[0].length);
  return out;
}

// The words (case-insensitive) without which a fact's patterns cannot match (sentence-words.ts).
const MONEY_GATE = SENTENCE_WORD.money;
const MILESTONE_GATE = SENTENCE_WORD.milestones;
const FREE_GATE = SENTENCE_WORD.free;
const NOT_TERMINABLE_GATE = SENTENCE_WORD.notTerminable;
const PATENT_LIFE_GATE = SENTENCE_WORD.patentLife;
const PERPETUAL_GATE = SENTENCE_WORD.perpetual;

function factsFor(s: PlainSentence): SentenceFacts {
  if (s.facts) return s.facts;
  // The clause scan's words, unless it read no-break spaces as spaces: then the sentence's own.
  const gates = (s.words & SENTENCE_WORDS_SPACED) === 0 ? s.words : scanSentenceWords(s.text);
  // Most sentences have none of the words and no "Term": they have no facts, known without the memo.
  s.facts = (gates & FACT_GATES) === 0 && !s.text.includes('Term') ? NO_FACTS : factsOf(s.text, gates);
  return s.facts;
}

const FACT_GATES =
  MONEY_GATE | MILESTONE_GATE | FREE_GATE | NOT_TERMINABLE_GATE | PATENT_LIFE_GATE | PERPETUAL_GATE;

function quoted(s: PlainSentence, text: string): Evidence {
  return { text, range: s.range };
}

function evidence(s: PlainSentence, match?: RegExpExecArray | null): Evidence {
  const text = match ? quoteAround(s.text, match.index, match.index + match[0].length) : s.text.slice(0, 200);
  return { text, range: s.range };
}

/** A short quote around a match, cut at word boundaries. */
function quoteAround(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 60)) + 1);
  const toSpace = text.indexOf(' ', Math.min(text.length, end + 60));
  const to = toSpace < 0 ? text.length : toSpace;
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Reciprocity

const CROSS_LICENCE = /\bcross[- ]?licen[cs](?:e|es|ed|ing)\b/i;

/**
 * Licences run both ways: two sides each grant the other (directly, in separate sections, by a
 * licence-back, or among more than two parties). Trademark-only licences (co-branding) and
 * grant-backs of improvements do not make an exchange of technology.
 */
export function runsBothWays(grants: readonly Grant[]): boolean {
  const counting = grants.filter(
    (g) => !g.grantBack && !(g.subjects.length > 0 && g.subjects.every((s) => s === 'marks')),
  );
  if (counting.some((g) => g.mutual)) return true;
  const grantors = new Set(counting.map((g) => g.grantor));
  const grantees = new Set(counting.map((g) => g.grantee));
  const both = [...grantors].filter((s) => s !== undefined && grantees.has(s));
  return both.length >= 2;
}

// ---------------------------------------------------------------------------------------------
// Money

const ROYALTY_WORDS =
  /royalt|%|percent|per cent|revenue|profit|per (?:unit|copy|seat|device|product|item|licen|user|transaction|trade)|per-|runtime|for each|true-?up|reconcil/i;
const PAY =
  /\b(?:pay|pays|paid|paying|payable|payment|due|owe[sd]?|remit\w*|earn\w*|accru\w*|entitled to (?:receive|a)|receiv\w*|true-?up|grants? to \w+ (?:the )?(?:following |follows )?royalt\w*)\b/i;
const NOT_OUR_ROYALTY =
  /\broyalty(?:-\s?|\s)free\b|\bno (?:running )?royalt|\bwithout (?:any )?royalt|\b(?:not|no|without|nor)\b[^.;]{0,60}\bpay\w*\b[^.;]{0,40}\broyalt|\bthird[- ]part(?:y|ies)['’]?s?\b[^.;]{0,200}\broyalt|\broyalt\w*\b[^.;]{0,80}\b(?:to|owed to|payable to|due to|of) (?:any |a |such )?(?:third part|licensors? of|inventors?)/i;
const ROYALTY_ON_FIGURES = [
  /\broyalt(?:y|ies)\b[^.;]{0,160}?(?:\b\d+(?:\.\d+)?\s?%|\bpercent\b|\bper cent\b|\bper (?:unit|copy|seat|device|product|item|licen[cs]e|user)\b|\b(?:of|on) (?:all |the )?(?:net |gross )?(?:sales|revenues?|receipts|selling price))/i,
  /(?:\b\d+(?:\.\d+)?\s?%|(?:\[\s*)?\*+(?:\s*\])?\s?%|\bpercent(?:age)?\b|\bper cent\b)[^.;]{0,60}?\bof (?:the |all |its |such |any )?(?:aggregate |annual |monthly |quarterly |total |reali[sz]ed )?(?:net |gross |adjusted )?(?:sales|revenues?|turnover|receipts|income|profits?|proceeds|margin|billings|subscription (?:fees|revenues?)|collections|amounts? (?:received|collected)|fees (?:received|collected|earned))\b/i,
  /\brevenue[- ]shar(?:e|ing)\b|\bshare of (?:the |all )?(?:net |gross )?(?:revenues?|profits?|proceeds|receipts)\b|\bprofit[- ]shar\w+|\bearned royalt/i,
  /\broyalty (?:reports?|statements?|payments? (?:shall|will) be (?:made|paid|accompanied))\b/i,
  // Fees counted per unit the payer distributes: "runtime license fees", "a fee per copy".
  /\b(?:runtime|per[- ](?:unit|copy|seat|device|user))\s+(?:licen[cs]e\s+)?fees?\b|\bfees?\s+(?:of\s+\S+\s+)?(?:per|for each)\s+(?:unit|copy|seat|device|user|transaction|trade)\b/i,
  // A split of what the payer collects, trued up on its own figures.
  /\b(?:true[- ]?up|reconcil\w*)\b[^.;]{0,200}\b(?:amounts?|revenues?|reimbursements?|collections?|payments?) (?:actually )?(?:received|collected|billed)\b/i,
];
const FIXED_FEE =
  /\b(?:lump[- ]sum|one-time|up-?front|signing|initial|annual|license|licence|development|support|maintenance|subscription|minimum (?:annual )?(?:guarantee|payment|royalt\w*)|franchise|set-?up|service|consulting) (?:fees?|payments?|amounts?|guarantee)\b|\bpurchase price\b|(?:US)?\$\s?\d|\b(?:dollars|USD|EUR|euros?)\b/i;
const MILESTONE =
  /\bmilestone(?:s)?\b[^.;]{0,80}\b(?:payments?|fees?|pay|payable)|\b(?:payments?|pay|payable)\b[^.;]{0,80}\bmilestones?\b/i;
const FREE =
  /\broyalty(?:-\s?|\s)?free\b|\bfully(?:-\s?|\s)paid(?:(?:-\s?|\s)up)?\b|\bno (?:additional |further )?(?:payments?|consideration|fees?|royalt\w+|charge)s? (?:shall be|is|will be|are) (?:due|payable|required|owed)|\b(?:shall|will) have no obligation to (?:make any|pay any) (?:additional |further )?(?:payments?|fees?|royalt\w+)|\bat no (?:additional )?(?:cost|charge)\b|\bfree of charge\b|\bwithout (?:additional |further )?(?:charge|compensation|payment|consideration)\b/i;

/** A sentence about royalties one party pays the other (not royalty-free, not third parties' royalties). */
export function isOwnRoyaltySentence(text: string): boolean {
  return PAY.test(text) && !NOT_OUR_ROYALTY.test(text);
}

function moneyFlow(sentences: PlainSentence[], grants: Grant[]): MoneyFlow {
  const ev: MoneyFlow['evidence'] = {};
  for (const s of sentences) {
    if (s.definition) continue;
    const facts = factsFor(s);
    if (!ev.royalty && facts.royalty) ev.royalty = quoted(s, facts.royalty);
    if (!ev.milestones && facts.milestones) ev.milestones = quoted(s, facts.milestones);
    if (!ev.fixed && facts.fixed) ev.fixed = quoted(s, facts.fixed);
    if (!ev.free && facts.free) ev.free = quoted(s, facts.free);
  }
  const freeGrant = grants.find((g) => g.royalty === 'free');
  if (!ev.free && freeGrant) ev.free = { text: freeGrant.text.slice(0, 200), range: freeGrant.range };
  const royaltyOnPayerFigures = ev.royalty !== undefined;
  const model: MoneyFlow['model'] = royaltyOnPayerFigures
    ? 'royalty'
    : ev.milestones
      ? 'milestones'
      : ev.fixed
        ? 'fixed-fee'
        : ev.free
          ? 'royalty-free'
          : 'none';
  return {
    royaltyOnPayerFigures,
    fixedFees: ev.fixed !== undefined,
    milestones: ev.milestones !== undefined,
    royaltyFree: ev.free !== undefined,
    model,
    evidence: ev,
  };
}

// ---------------------------------------------------------------------------------------------
// How it ends

const NOT_TERMINABLE =
  /\b(?:shall|will|may|can) not be (?:subject to )?(?:terminat(?:ed|ion)|terminable|revoked|revocable|rescinded|cancell?ed)\b(?:\s+(?:or [a-z]+\s+)?except by (?:an? |the )?(?:mutual )?(?:written )?(?:agreement|consent)\b|(?![^.;]{0,80}\b(?:except|unless|other than|save|but|without)\b))|\bnot (?:be )?(?:terminable|revocable)\b(?![^.;]{0,80}\b(?:except|unless|other than|save)\b)|\bnon-?terminable\b|\b(?:no|neither) part(?:y|ies)\b[^.;]{0,60}\b(?:right|entitled|able) to (?:terminate|rescind|revoke)\b(?![^.;]{0,80}\b(?:except|unless|other than|save)\b)/i;
const PERPETUAL_AGREEMENT =
  /\b(?:this agreement|the (?:licen[cs]es?|rights?)(?: granted)?)\b[^.;]{0,80}\b(?:shall (?:continue|remain)[^.;]{0,40})?\b(?:in perpetuity|perpetual(?:ly)?|indefinitely)\b/i;
const PATENT_LIFE =
  /\b(?:expir\w+|lapse|abandonment|termination) of the last[- ](?:to[- ])?(?:expire|expiring|remaining)\b|\blast[- ](?:to[- ])?expir\w+ (?:of (?:the|any) )?(?:valid claims?|patents?|licensed patents?|patent rights?)|\buntil the (?:last|latest) (?:date of )?expir|\blast date of expiration of\b|\buntil the last (?:[A-Z][\w-]* ){0,3}patents? (?:expires|lapses|is abandoned)\b|\buntil (?:the )?expiration of (?:the )?(?:last|all)\b/i;
const FIXED_TERM =
  /\b(?:term|period)\b[^.;]{0,80}\b(?:of|for) (?:\w+ )?(?:\(\d+\) )?(?:years?|months?)\b|\b(?:shall|will) (?:expire|terminate|end)\b[^.;]{0,40}\b(?:on|upon|at|after)\b[^.;]{0,60}\b(?:\d{4}|anniversary|years?|months?)\b|\buntil (?:\w+ )?\d{1,2},? \d{4}\b|\bfor (?:a (?:period|term) of )?(?:\w+ )?\(\d+\) (?:years?|months?)\b/i;
const TERM_IN_FORM =
  /\b(?:License|Licence|Agreement|Initial|Contract)\s+Term\b[^.;]{0,80}?\b\d{1,3}\s*(?:years?|months?)\b/;
const TERMINATE_RIGHT =
  /\b(?:may|shall have the right to|has the right to|is entitled to|be entitled to|(?:is|be) permitted to|right to|option to|may elect to|may, at its option,|may immediately)\s*(?:\w+\s+){0,3}?(?:terminate|cancel|rescind|revoke)\b|\b(?:shall|will) (?:automatically |immediately )?terminate (?:automatically )?(?:if|upon|in the event|on)\b|\bterminat\w+ (?:by|for) (?:either|any|each|the)\b|\b(?:may|can) be terminated\b/i;
const GROUNDS: [TerminationRight['grounds'][number], RegExp][] = [
  ['breach', /\bbreach|\bdefault\b|\bfails? to (?:perform|comply|pay)|\bnon-?performance\b/i],
  ['insolvency', /\binsolven|\bbankrupt|\breceiver\b|\bliquidat|\bassignment for the benefit of creditors/i],
  [
    'convenience',
    /\bconvenience\b|\bfor any reason\b|\bwithout cause\b|\bfor no reason\b|\bat any time\b[^.;]{0,40}\bnotice\b/i,
  ],
  ['change-of-control', /\bchange (?:of|in) control\b|\bacquir|\bmerger\b/i],
  [
    'patent-challenge',
    /\bpatent challenges?\b|\b(?:challenge|contest|oppose|attack)s?\b[^.;]{0,80}\b(?:validity|enforceability|patents?)\b|\b(?:sues?|sued|suing)\b[^.;]{0,100}\b(?:infring\w*|patents?)\b|\b(?:brings?|institutes?|commences?|files?|asserts?|makes?)\b[^.;]{0,120}\b(?:action|suit|claim|proceeding)s?\b[^.;]{0,120}\b(?:infring\w*|patents?)\b|\b(?:infring\w*|patent)\s+(?:action|suit|claim|proceeding)s?\b/i,
  ],
];
/** "Such termination shall not be considered a breach": the word names what the right is not. */
const NOT_A_BREACH =
  /\b(?:shall|will|does|do|is|be) not (?:be )?(?:considered|deemed|treated as|constitute|amount to|be)\s+(?:to be )?(?:a |an )?(?:material )?(?:breach|default)\b|\bwithout (?:being in |constituting a |any )?(?:breach|default)\b|\bnot (?:be )?in (?:breach|default)\b/gi;
const LIST_ITEM = /^\s*(?:\(?[a-z]{1,4}\)|\(?\d{1,2}\)|[a-z]\.)\s/i;

const NOTICE_DAYS =
  /\b(?:(\w+)[\s-]*\()?(\d{1,3})\)?[\s-]*(?:business |calendar )?(days?|months?)['’]?\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice|\bnotice\b[^.;]{0,40}?\b(?:of|at least)\s+(?:(\w+)\s+\()?(\d{1,3})\)?\s+(?:business |calendar )?(days?|months?)/i;
const CURE_DAYS =
  /\b(?:(?:\w+\s+\()?(\d{1,3})\)?\s+(?:business |calendar )?(days?|months?))\b[^.;]{0,160}\b(?:cure|remed|correct|rectif)\w*|\b(?:cure|remed|correct|rectif)\w*\b[^.;]{0,160}\b(?:within|in|of|for|after)\s+(?:\w+\s+\()?(\d{1,3})\)?\s+(?:business |calendar )?(days?|months?)|\bfor (?:a period of )?(?:\w+\s+\()?(\d{1,3})\)?\s+(?:business |calendar )?(days?|months?) after\b[^.;]{0,120}\bnotice\b/i;

/** The sentence that gives a right to terminate, and the list items under it when it ends in "if:". */
function groundsText(s: PlainSentence, sentences: PlainSentence[], index: number): string {
  if (index < 0 || !/:\s*$/.test(s.text)) return s.text;
  let text = s.text;
  for (let i = index + 1; i < sentences.length && i <= index + 8; i++) {
    const next = sentences[i] as PlainSentence;
    if (!LIST_ITEM.test(next.text) || TERMINATE_RIGHT.test(next.text)) break;
    text += ` ${next.text}`;
  }
  return text;
}

/** Who holds a right to terminate: "either party", or the party named just before "may terminate". */
function whoTerminates(text: string, sides: Sides): string {
  const at = text.search(TERMINATE_RIGHT);
  const before = text.slice(Math.max(0, at - 120), Math.max(0, at));
  if (
    /\b(?:either|each|any|both) (?:part(?:y|ies))\b|\bthe parties\b/i.test(before) ||
    /^\s*either (?:party|Party)/.test(text)
  )
    return 'either';
  const named = sides.mentions(before).at(-1);
  return named ? named.side : 'unknown';
}

function days(n: string | undefined, unit: string | undefined): number | undefined {
  if (!n) return undefined;
  const value = Number(n);
  return /month/i.test(unit ?? '') ? value * 30 : value;
}

/** The title of the section each paragraph sits in ("Patent Challenge"), by paragraph index. */
function sectionTitles(model: ContractModel): (paragraph: number) => string {
  const titles = new Map(allSections(model.sections).map((s) => [s.id, s.title]));
  return (paragraph) => titles.get(model.paragraphs[paragraph]?.sectionId ?? '') ?? '';
}

/** Index of the last sentence that starts at `start` (sentences are in document order), or -1. */
function sentenceIndexAt(sentences: PlainSentence[], start: number): number {
  const last = indexOfLastStartingAtOrBefore(sentences, start);
  return last >= 0 && (sentences[last] as PlainSentence).range.start === start ? last : -1;
}

function endingOf(
  sentences: PlainSentence[],
  clauses: ClauseIndex,
  grants: Grant[],
  kinds: AgreementKind[],
  sides: Sides,
  titleOf: (paragraph: number) => string,
): Ending {
  const ev: Evidence[] = [];
  let notTerminable = false;
  let patentLife = false;
  let fixedTerm = false;
  let perpetualAgreement = false;
  for (const s of sentences) {
    const facts = factsFor(s);
    if (facts.notTerminable && !notTerminable) {
      notTerminable = true;
      ev.push(quoted(s, facts.notTerminable));
    }
    if (facts.patentLife && !patentLife) {
      patentLife = true;
      ev.push(quoted(s, facts.patentLife));
    }
    if (facts.perpetual && !perpetualAgreement && !s.definition) {
      perpetualAgreement = true;
      ev.push(quoted(s, facts.perpetual));
    }
  }
  // A deal-terms table: "License Term … Other: 2 years Commencing: November 15, 2012".
  for (const s of sentences) {
    const inForm = factsFor(s).termInForm;
    if (inForm && !fixedTerm) {
      fixedTerm = true;
      ev.push(quoted(s, inForm));
    }
  }
  const termHits = clauses.hits('term').filter((h) => h.source === 'sentence');
  for (const hit of termHits) {
    const s = sentences[sentenceIndexAt(sentences, hit.range.start)];
    if (!s) continue;
    const m = FIXED_TERM.exec(s.text);
    if (m) {
      fixedTerm = true;
      ev.push(evidence(s, m));
      break;
    }
  }
  const rights: TerminationRight[] = [];
  for (const hit of clauses.hits('termination')) {
    if (hit.source !== 'sentence') continue;
    const index = sentenceIndexAt(sentences, hit.range.start);
    const s = sentences[index];
    if (!s || !TERMINATE_RIGHT.test(s.text) || NOT_TERMINABLE.test(s.text)) continue;
    const withList = groundsText(s, sentences, index);
    const reasons = withList.replace(NOT_A_BREACH, ' ');
    let grounds = GROUNDS.filter(([, re]) => re.test(reasons)).map(([g]) => g);
    // "9.7 Patent Challenge. Xencor will be permitted to terminate … if [***]": the section title
    // names the ground the (redacted or cross-referring) sentence does not.
    if (grounds.length === 0) {
      const title = titleOf(s.paragraph);
      grounds = GROUNDS.filter(([, re]) => re.test(title)).map(([g]) => g);
    }
    const right: TerminationRight = {
      by: whoTerminates(s.text, sides),
      grounds: grounds.length > 0 ? grounds : ['other'],
      evidence: evidence(s),
    };
    const notice = NOTICE_DAYS.exec(s.text);
    const n = notice ? days(notice[2] ?? notice[5], notice[3] ?? notice[6]) : undefined;
    if (n !== undefined) right.noticeDays = n;
    const cure = CURE_DAYS.exec(withList);
    const c = cure ? days(cure[1] ?? cure[3] ?? cure[5], cure[2] ?? cure[4] ?? cure[6]) : undefined;
    if (c !== undefined) right.cureDays = c;
    if (withList.length > s.text.length) right.conditions = withList.slice(s.text.length).trim();
    rights.push(right);
  }
  const perpetual = perpetualAgreement || (grants.length > 0 && grants.every((g) => g.duration.perpetual));
  const irrevocable = grants.length > 0 && grants.every((g) => g.duration.irrevocable);
  const grantEv = grants.find((g) => g.duration.perpetual || g.duration.irrevocable);
  if ((perpetual || irrevocable) && grantEv)
    ev.push({ text: grantEv.chain.trim().slice(0, 160), range: grantEv.range });
  const terminable = rights.length > 0;
  const completed =
    kinds.includes('assignment') && grants.filter((g) => !g.duration.perpetual).length === 0 && !terminable;
  const kind: Ending['kind'] = notTerminable
    ? 'not-terminable'
    : completed
      ? 'completed'
      : perpetual && irrevocable
        ? 'perpetual'
        : patentLife
          ? 'patent-life'
          : fixedTerm
            ? 'fixed-term'
            : terminable
              ? 'terminable'
              : perpetual
                ? 'perpetual'
                : 'unstated';
  return {
    kind,
    perpetual,
    irrevocable,
    notTerminable,
    patentLife,
    fixedTerm,
    terminable,
    rights,
    evidence: ev,
  };
}

// ---------------------------------------------------------------------------------------------
// Master agreement

const AGREEMENT_NAME =
  '((?:[A-Z][\\w&-]*\\s+){0,5}?(?:Purchase|Separation|Distribution|Master|Merger|Transaction|Contribution|Framework|Acquisition|Sale|Spin-?Off|Reorgani[sz]ation|Collaboration|Umbrella)(?:\\s+(?:and\\s+)?[A-Z][\\w&-]*){0,3}\\s+Agreement)';
/** This agreement says it sits under another: "This Agreement is subject in all respects to the Asset Purchase Agreement". */
const SUBJECT_TO = new RegExp(
  `\\b(?:[Tt]his|THIS|[Tt]he present)\\s+(?:[A-Z][\\w-]*\\s+){0,3}Agreement\\b[^.;]{0,80}?\\b(?:is|shall be|will be|are|has been)\\s+(?:made\\s+|executed\\s+|delivered\\s+)?(?:subject (?:in all respects )?to|ancillary to|entered into (?:pursuant to|under|in connection with)|delivered pursuant to|governed by the terms of)\\s+(?:all of\\s+)?(?:the terms (?:and conditions )?(?:of\\s+)?)?(?:the\\s+|that certain\\s+)?${AGREEMENT_NAME}|\\bsubject in all respects to (?:the terms (?:and conditions )?of )?(?:the\\s+|that certain\\s+)?${AGREEMENT_NAME}`,
);
/** Words every SUBJECT_TO match has: most sentences that name the Agreement have none. */
const SUBJECT_TO_WORDS = /subject |ancillary to|entered into |delivered pursuant to|governed by the terms of/;
const TERMS_BY_REFERENCE =
  /\b[Cc]apitali[sz]ed terms\b[^.]{0,200}?\b(?:have|shall have|has|will have) the (?:respective )?meanings? (?:given|set forth|ascribed|assigned|specified|provided)\b[^.]{0,60}?\b(?:in|under) (?:the\s+|that certain\s+)?((?:[A-Z][\w&-]*\s+){0,6}Agreement)/;
const OMITTED =
  /\b(?:schedules?|exhibits?|annex(?:es)?|appendi(?:x|ces)|attachments?)\b[^.]{0,100}\b(?:have been|has been|are|were|is) (?:omitted|not (?:been )?(?:filed|included|attached))\b|\[\s*(?:omitted|intentionally omitted)\s*\]|\bomitted (?:pursuant to|from this (?:filing|exhibit))\b|\bwill be (?:furnished|provided) supplementally\b/i;

function masterAgreement(sentences: PlainSentence[], head: string): MasterAgreement {
  const out: MasterAgreement = {
    termsByReference: false,
    subjectTo: false,
    omittedSchedules: false,
    evidence: [],
  };
  for (const s of sentences) {
    // Keyword tests first: three long patterns per sentence are the cost here. The first two
    // need a word of the `master` group (a no-break-space mask has more words, never fewer).
    const agreement = (s.words & SENTENCE_WORD.master) !== 0 && s.text.includes('Agreement');
    let m =
      agreement && !out.termsByReference && /apitali/.test(s.text) ? TERMS_BY_REFERENCE.exec(s.text) : null;
    if (m && !out.termsByReference) {
      out.termsByReference = true;
      out.name ??= m[1]?.trim();
      out.evidence.push(evidence(s, m));
    }
    m = agreement && !out.subjectTo && SUBJECT_TO_WORDS.test(s.text) ? SUBJECT_TO.exec(s.text) : null;
    if (m && !out.subjectTo && !/^this\b/i.test(m[1] ?? '')) {
      out.subjectTo = true;
      out.name ??= m[1]?.trim();
      out.evidence.push(evidence(s, m));
    }
    // Words without spaces: the clause scan's mask has them exactly, no-break spaces or not.
    m = !out.omittedSchedules && (s.words & SENTENCE_WORD.omitted) !== 0 ? OMITTED.exec(s.text) : null;
    if (m && !out.omittedSchedules) {
      out.omittedSchedules = true;
      out.evidence.push(evidence(s, m));
    }
  }
  if (!out.name) {
    const named = new RegExp(AGREEMENT_NAME).exec(head);
    if (named?.[1]) out.name = named[1].trim();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Kinds

const TITLE_KINDS: [AgreementKind, RegExp][] = [
  ['cross-licence', /\bcross[- ]?licen[cs]/i],
  ['franchise', /\bfranchis/i],
  ['nda', /\bnon-?disclosure\b|\bconfidentiality agreement\b|\bNDA\b|\bsecrecy agreement\b/],
  ['trademark-licence', /\b(?:trade ?mark|brand|name) licen[cs]e|\bco-?branding\b/i],
  [
    'content-licence',
    /\bcontent\b[^\n]{0,40}\blicen[cs]e|\b(?:distribution|media|music|film|publishing) (?:and )?licen[cs]e/i,
  ],
  [
    'software-licence',
    /\bsoftware\b|\bend[- ]user licen|\bSaaS\b|\bsubscription agreement\b|\bsource code licen/i,
  ],
  [
    'patent-licence',
    /\bpatent\b[^\n]{0,30}\blicen[cs]e|\bexclusive licen[cs]e agreement\b|\btechnology licen[cs]e/i,
  ],
  [
    'ip-transaction',
    /\bintellectual property (?:agreement|matters|assignment|transfer|separation|license agreement)|\bIP (?:agreement|matters)\b|\bseparation\b|\bspin-?off\b|\btechnology transfer\b/i,
  ],
  [
    'collaboration',
    /\bcollaborat|\bco-?promot|\bjoint (?:development|venture|marketing)\b|\bdevelopment agreement\b|\bstrategic alliance\b|\bcooperation\b|\bresearch agreement\b/i,
  ],
  [
    'services',
    /\bservices? agreement\b|\bconsult|\bmaintenance\b|\bhosting\b|\bsupport agreement\b|\boutsourc|\bprofessional services\b|\bmanufactur|\bsupply agreement\b|\bdistribut(?:or|ion) agreement\b|\breseller\b/i,
  ],
  [
    'assignment',
    /\bassignment\b|\bpatent (?:purchase|transfer)\b|\binventors?['’]? (?:patent )?agreement\b|\binventions? agreement\b/i,
  ],
];
const TRANSACTION =
  /\b(?:Stock|Share|Asset|Equity|Unit|Membership Interest|Securities)s? Purchase Agreement\b|\bSeparation (?:and Distribution )?Agreement\b|\bMaster Separation Agreement\b|\bspin-?off\b|\bthe Distribution\b|\bPurchase Agreement\b/;
const ASSIGNS =
  /\bhereby (?:irrevocably |absolutely )?(?:sells?, )?(?:assigns?|transfers?|conveys?)\b|\bdoes hereby (?:sell, )?(?:assign|transfer|convey)\b/i;

function agreementKinds(
  model: ContractModel,
  head: string,
  grants: Grant[],
  facts: {
    crossLicence: boolean;
    patentsLicensed: boolean;
    sentences: PlainSentence[];
    master: MasterAgreement;
  },
): AgreementKind[] {
  const title = [
    model.title ?? '',
    ...model.paragraphs
      .slice(0, 6)
      .filter((p) => p.text.length < 200)
      .map((p) => p.text),
  ].join('\n');
  const kinds: AgreementKind[] = [];
  const add = (k: AgreementKind) => {
    if (!kinds.includes(k)) kinds.push(k);
  };
  if (facts.crossLicence && grants.length > 0) add('cross-licence');
  for (const [kind, re] of TITLE_KINDS) if (re.test(title)) add(kind);
  if (
    TRANSACTION.test(head) &&
    grants.length + facts.sentences.filter((s) => ASSIGNS.test(s.text)).length > 0
  )
    add('ip-transaction');
  // What the grants license decides the rest.
  const subjects = new Set(grants.flatMap((g) => (g.grantBack ? [] : g.subjects)));
  if (facts.patentsLicensed) add('patent-licence');
  if (subjects.has('software')) add('software-licence');
  if (subjects.has('content')) add('content-licence');
  if (subjects.has('marks')) add('trademark-licence');
  if (grants.length === 0 && facts.sentences.some((s) => ASSIGNS.test(s.text))) add('assignment');
  if (kinds.length === 0) add('other');
  return kinds;
}
