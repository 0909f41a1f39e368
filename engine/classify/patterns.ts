import type { ClauseType } from './types.js';

/**
 * Clause patterns as data: for each clause type, what a section title that names it looks like,
 * and which sentences are evidence of it.
 *
 * Sentence regexes run on one sentence of a paragraph (not across sentences); they use bounded
 * gaps (`[^.;]{0,N}` or `.{0,N}`) so every test is linear in the sentence length and two words
 * far apart in a long EDGAR paragraph-sentence are not taken as one phrase.
 */

/**
 * A sentence is evidence when it contains one of the `keywords` (lower-case substrings, a cheap
 * prefilter that spares the regexes on most sentences), every `all` regex matches and no `none`
 * regex does. Every match of the first `all` regex must contain one of the keywords.
 */
export interface SentenceRule {
  keywords: readonly string[];
  all: readonly RegExp[];
  none?: readonly RegExp[];
}

export interface ClausePattern {
  /** A section title that names the clause ("Audit Rights", "Term and Termination"). */
  heading?: RegExp;
  /** A title that matches `heading` but names something else ("Assignment of Inventions"). */
  headingNot?: RegExp;
  /**
   * When set, a title naming the clause counts only if the section's text (title removed) matches
   * this too: a heading that lists the clause among others may sit over text that never has it.
   */
  headingConfirm?: RegExp;
  /** Sentence evidence; the first regex of each rule should be the cheapest, most selective one. */
  sentences: readonly SentenceRule[];
  /**
   * Also look at sentences that define a term ("“Term” means …"). Off by default: a definition of
   * "Audit" or "Confidential Information" is not the clause itself.
   */
  inDefinitions?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Shared fragments.

/** A sentence about a person's employment, not about the agreement. */
const EMPLOYMENT =
  /\b(?:termination|terminat(?:e|es|ed|ing)) (?:of )?(?:his|her|their|its|the|such|any)? ?(?:\w+['’]s )?employment\b/i;

/** Someone is given the right or access (audit needs one: "keeps records" alone is no audit). */
const RIGHT_CUE =
  /\b(?:may|might|right|rights|entitled|permit\w*|allow\w*|access|available|open|subject to|upon (?:\w+ ){0,3}(?:notice|request)|shall (?:have|be given|afford)|afford\w*|cooperat\w*|(?:at|during) (?:any|all|normal|regular|reasonable) (?:\w+ )?(?:times|hours)|submit to|designat\w*)\b/i;
/** Patients' records: an examination of them is care or compliance with health law, not an audit of money. */
const MEDICAL_RECORDS = /\b(?:medical|patient|health|clinical|hospital) (?:records|charts)\b/i;
/** Audits of financial statements by a company's auditors, and the audit committee. */
const FINANCIAL_AUDIT =
  /\baudit committee\b|\b(?:audited|unaudited)\b[^.;]{0,60}\bfinancial statements\b|\bfinancial statements\b[^.;]{0,60}\baudited\b|\baudited (?:consolidated )?(?:financial|balance)/i;

// ---------------------------------------------------------------------------------------------
// The patterns.

export const CLAUSE_PATTERNS: Record<ClauseType, ClausePattern> = {
  definitions: {
    heading:
      /^(?:(?:certain |other )?definitions?|defined terms|definitions and interpretation|interpretation)\b/i,
    sentences: [],
  },

  'license-grant': {
    heading:
      /\b(?:licen[cs]e grants?|grants? of (?:licen[cs]es?|rights?)|licen[cs]e rights?|licen[cs]es? granted|cross[- ]licen[cs]es?|licen[cs]e)\s*$|^grants?\b/i,
    headingNot: /\b(?:agreement|fees?|term|termination|restrictions?|limitations?)\s*$/i,
    sentences: [
      {
        keywords: ['grant'],
        all: [
          /\b(?:hereby |shall |will |agrees? to |does )?grants?\b[^.;]{0,250}\b(?:licen[cs]es?|sub-?licen[cs]es?|right to (?:use|make|sell|reproduce|distribute|market|manufacture|practi[cs]e))\b/i,
        ],
        none: [/\bgrants? of (?:any )?(?:licen[cs]e|sublicen[cs]e)s? (?:to|by) (?:any )?third part/i],
      },
      {
        keywords: ['grant'],
        all: [
          /\b(?:is|are) hereby granted\b[^.;]{0,200}\blicen[cs]e|\blicen[cs]es? granted (?:to|by|under) |\blicen[cs]e (?:is|are) hereby granted\b/i,
        ],
      },
      { keywords: ['hereby'], all: [/\bhereby (?:licen[cs]es|sub-?licen[cs]es|grants)\b/i] },
    ],
  },

  'field-of-use': {
    heading: /\bfield(?:s)? of use\b|^field\b/i,
    sentences: [
      {
        keywords: ['field'],
        all: [/\bfields? of use\b|\b(?:in|within|outside|limited to) the (?:Licensed )?Field\b/],
      },
    ],
  },

  territory: {
    heading: /\bterritor(?:y|ies|ial)\b/i,
    sentences: [
      {
        keywords: ['territor', 'world'],
        all: [
          /\bTerritory\b|\b(?:throughout|anywhere in) the world\b|\bworld-?wide\b|\bterritor(?:y|ies) of\b/,
        ],
      },
    ],
  },

  exclusivity: {
    heading:
      /^\W*(?:exclusiv(?:e|ity)\b|sole (?:source|supplier|distributor|agent)\b)|\b(?:exclusivity|exclusive (?:licen[cs]e|rights?|distribut\w+|dealing|appointment|relationship|supply|territory))\b/i,
    headingNot: /\bnon[- ]?\s?exclusiv|\bexclusive remed|\bexclusive jurisdiction\b|\bsubject to\b/i,
    sentences: [
      {
        // An exclusive licence, appointment or dealing: "exclusive, royalty-bearing licence",
        // "exclusive distributor", "on an exclusive basis", "exclusive right to sell".
        keywords: ['exclusive'],
        all: [
          /(?<!\bnon[- ]?\s?|\bnot (?:be )?(?:an? )?|\bno )\bexclusive\b(?:[,\s]+(?!(?:remed\w*|liabilit\w*|obligat\w*|owner\w*|benefit|purpose|propert\w*|statement|agreement|jurisdiction|venue|forum|of|for|in|to|the|its|his|her|their|by|with|on|as|from)\b)(?:[\w-]+|\((?:[^()]|\([^()]{0,10}\)){0,60}\))){0,8}?[,\s]+(?:licen[cs]es?|sub-?licen[cs]es?|distribut(?:or|ors|ion|orship)|resellers?|dealers?|agents?|agency|representatives?|suppliers?|supply|providers?|manufactur(?:er|ers|ing)|sponsors?|sponsorship|partners?|arrangements?|relationships?|basis|dealing|territor(?:y|ies)|appointment|marketing|sales|purchas(?:er|ing|es?)|customer|endorse\w*|spokesperson|rights? (?:to|of|in|under) (?:\w+ ){0,3}?(?:sell|distribute|market|manufacture|make|use|promote|represent|resell|license|sublicense|supply|purchase|offer|develop|commerciali[sz]e|exploit|import|advertis\w*|broadcast|display|provide))\b/i,
        ],
        none: [
          /\b(?:Exclusive|EXCLUSIVE) (?:[A-Z][\w-]* ){0,4}(?:Agreement|AGREEMENT)\b/,
          /\b(?:not|nothing|neither|nor|no)\b[^.;]{0,80}\bexclusive\b/i,
        ],
      },
      {
        // "shall purchase exclusively from", "sell exclusively through Distributor", "the appointment
        // shall be exclusive", "sole distributor", "procure the Products solely from".
        keywords: ['exclusiv', 'solely', 'sole ', 'only '],
        all: [
          /\b(?:purchase[sd]?|purchasing|buy|buys|obtain|source|sell|sells|resell|distribute|market|supply|order|procure|work|deal)\b[^.;]{0,60}\b(?:exclusively|solely) (?:from|through|with|by)\b|\bexclusively\b[^.;]{0,30}\b(?:purchase[sd]?|buy|obtain|source|sell|resell|distribute|market|supply|order|procure)\b|\b(?:appointment|rights?|licen[cs]es?|distributorship|relationship)\b[^.;]{0,80}\b(?:shall|will|is|are)(?:,[^,.;]{0,80},)? (?:be )?exclusive\b|\bexclusivity (?:is|shall be|will be) granted\b|\b(?:sole|only) (?:and exclusive )?(?:agent|distributor|supplier|source|provider|licensee|representative|reseller|sponsor)\b|\blicen[cs]ed (?:to|by)\b[^.;]{0,40}\bexclusively\b/i,
        ],
        none: [/\b(?:not|nothing|neither|nor|no)\b[^.;]{0,60}\b(?:exclusive|sole)\b/i],
      },
      {
        // Exclusive dealing without the word: requirements, no other distributors or licensees,
        // no competing products.
        keywords: [
          'requirements',
          'appoint',
          'engage',
          'authori',
          'compet',
          'similar',
          'other than',
          'enter into any',
        ],
        all: [
          /\b(?:all of (?:its|their|[A-Z]\w+['’]s) (?:\w+ )?requirements|(?:shall|will|agrees?) not\b[^.;]{0,60}\b(?:appoint|engage|authori[sz]e)\b[^.;]{0,60}\b(?:other|another|third|additional)\b[^.;]{0,40}\b(?:distributors?|resellers?|agents?|representatives?|suppliers?|manufacturers?|licensees?)|(?:shall|will) not\b[^.;]{0,60}\b(?:sell|distribute|market|license|supply|purchase|endorse|promote)\b[^.;]{0,80}\b(?:(?:directly )?compet(?:e|ing|itive)|similar) (?:\w+ )?(?:products?|services?|goods|lines?)\b|\b(?:not|no right)\b[^.;]{0,40}\b(?:grant\w*|license|appoint|authori[sz]e|allow|permit|purchase|obtain|buy|source|procure)\b[^.;]{0,160}\b(?:any ?one|any (?:other )?(?:person|party|entity|company|third part(?:y|ies))(?: or (?:person|party|entity|company))?|others?) other than\b|\bnot\b[^.;]{0,40}\benter into any (?:other )?(?:similar |competing )?(?:endorsement|sponsorship|distribution|promotion|license|licensing) (?:agreement|arrangement|relationship)s?\b|\bnot\b[^.;]{0,40}\bengage in the same or similar\b|\bnot\b[^.;]{0,60}\benter into\b[^.;]{0,120}\b(?:identical|similar|same)\b[^.;]{0,30}\b(?:to|as) this Agreement\b)/i,
        ],
      },
    ],
  },

  payment: {
    heading: /\b(?:payments?|fees?|compensation|consideration|pricing|prices?|invoic(?:e|es|ing)|charges)\b/i,
    headingNot: /\bagreement\s*$/i,
    sentences: [
      {
        keywords: ['pay', 'invoice', 'fee', 'price', 'compensation'],
        all: [
          /\b(?:shall|will|agrees? to|must) (?:\w+ ){0,2}pay\b|\bpayable\b|\bpayments? (?:shall|will) be made\b|\binvoice[sd]?\b[^.;]{0,80}\bwithin\b|\b(?:fees?|price|compensation) (?:of|shall be|will be|is)\b/i,
        ],
      },
    ],
  },

  royalty: {
    heading: /\broyalt(?:y|ies)\b/i,
    sentences: [
      { keywords: ['royalt'], all: [/\broyalt(?:y|ies)\b/i], none: [/\broyalty(?:-\s?|\s)free\b/i] },
    ],
  },

  reports: {
    heading: /\breports?\b|\breporting\b|\bstatements?\b/i,
    headingNot: /\bfinancial statements\b|\bstatements? of work\b|\bcredit reports?\b/i,
    sentences: [
      {
        keywords: ['report', 'statement', 'accounting'],
        all: [
          /\b(?:deliver|provide|submit|furnish|send|render|supply|prepare|make)\b[^.;]{0,120}\b(?:(?:written|quarterly|monthly|annual|royalty|sales|progress|periodic) )?(?:reports?|statements? (?:of|setting|showing|detailing|specifying)|accounting)\b/i,
          /\b(?:quarter|month|year|annual|calendar|within \w+ (?:\(\d+\) )?days|each|every|periodic|royalt|sales|progress|net)\w*\b/i,
        ],
        none: [/\bstatements? of work\b|\bcredit report|\bincident report|\bfinancial statements\b/i],
      },
    ],
  },

  records: {
    heading: /\brecords?\b|\bbooks\b|\brecord[- ]keeping\b/i,
    sentences: [
      {
        keywords: ['book', 'record', 'account'],
        all: [
          /\b(?:keep|kept|maintain(?:ed)?|retain(?:ed)?|preserve[ds]?)\b[^.;]{0,120}\b(?:books|records|accounts)\b|\b(?:books|records|accounts)\b[^.;]{0,80}\b(?:kept|maintained|retained|preserved)\b/i,
        ],
        none: [MEDICAL_RECORDS],
      },
    ],
  },

  audit: {
    heading: /\baudit(?:s|ing)?\b|\binspections? (?:of|and audit)\b|\bright (?:of|to) (?:audit|inspect)/i,
    headingNot: /\baudit(?:ed)? (?:committee|financial|reports?)\b|\bSOC\b/i,
    headingConfirm: /\baudit|\binspect|\bexamin|\bverif|\baccess\b|\bbooks\b|\brecords\b/i,
    sentences: [
      {
        // Someone may audit / inspect / examine books, records, accounts, facilities or compliance.
        keywords: ['audit', 'inspect', 'examin', 'review', 'verif', 'cop'],
        all: [
          /\b(?:audit(?:s|ed|ing)?|inspect(?:s|ed|ing|ions?)?|examin(?:e|es|ed|ing|ations?))\b[^.;]{0,100}\b(?:books|records|accounts|ledgers|facilit(?:y|ies)|premises|plants?|sites?|timesheets|compliance|manufacturing|operations)\b|\b(?:books|records|accounts|ledgers|facilit(?:y|ies)|premises|plants?)\b[^.;]{0,120}\b(?:audit(?:s|ed|ing)?|inspect(?:s|ed|ing|ions?)?|examin(?:e|es|ed|ing|ations?))\b|\b(?:review|verif(?:y|ication)|cop(?:y|ies))\b[^.;]{0,60}\b(?:books|records|accounts|ledgers)\b/i,
          RIGHT_CUE,
        ],
        none: [FINANCIAL_AUDIT, MEDICAL_RECORDS],
      },
      {
        // "Licensor may audit Licensee", "the right to conduct an audit", "audits shall be conducted".
        keywords: ['audit'],
        all: [
          /\b(?:right to (?:conduct |perform |have |cause )?(?:an? )?(?:\w+ )?audit|(?:may|shall be entitled to|is entitled to|permit\w*|allow\w*|request) (?:\w+ ){0,3}(?:an? )?audit|audits? (?:shall|will|may) (?:be )?(?:conducted|performed|carried out|held|not)|(?:conduct|perform|carry out|undertake) (?:an? |such |any )?(?:\w+ )?audits?|(?:cost|costs|expense|expenses|results|scope|purpose) of (?:the |any |such |an )?audit|subject to (?:an? )?audit|for audit\b)/i,
        ],
        none: [FINANCIAL_AUDIT, /\bSOC ?[12]\b|\bISO ?\d|\bthird[- ]party audit reports?\b/i],
      },
      {
        // Books and records open to the other side: access to them, or made available for review.
        keywords: ['access', 'available', 'open'],
        all: [
          /\b(?:provide|provides|permit|permits|allow|allows|afford|affords|give|gives|grant|grants|have|has|reasonable|full|unrestricted)\b[^.;]{0,40}\baccess\b[^.;]{0,100}\b(?:books|records|ledgers)\b|\b(?:books|records|accounts|ledgers)\b[^.;]{0,250}\b(?:available|open)\b(?: to (?:each|the|any|either|all)\b|[^.;]{0,80}\b(?:review|inspection|examination|audit|upon (?:\w+ ){0,3}(?:notice|request)|during (?:\w+ ){0,2}business hours|at (?:all |any )?reasonable times|for (?:the )?purposes? of (?:determining|verifying|confirming|ascertaining)|(?:determin|verif|confirm)\w* (?:\w+ ){0,3}compliance))|\bmake available\b[^.;]{0,60}\b(?:books|records|accounts)\b[^.;]{0,80}\b(?:review|inspection|examination|audit)|\b(?:information|documents|documentation|data)\b[^.;]{0,40}\b(?:available|open) (?:\w+ ){0,3}for (?:inspection|audit|examination)|\baccess\b[^.;]{0,100}\bto (?:verify|audit|inspect|examine|confirm) (?:\w+ ){0,3}(?:funds|payments|amounts|royalt\w+|fees|compliance|sales|accuracy)/i,
        ],
        none: [FINANCIAL_AUDIT],
      },
    ],
  },

  term: {
    heading:
      /^(?:the )?(?:(?:initial |agreement |license |licence |contract )?term|duration|period of (?:agreement|performance)|term of (?:the |this )?(?:agreement|license|licence|contract)|renewals?|commencement and term|effective date and term|term,? renewal)\b/i,
    headingNot: /\bterms\b|\bterm sheet\b/i,
    inDefinitions: true,
    // When the agreement starts, how long it runs, when it ends or renews: one rule per wording,
    // each with the words it cannot do without, so that most sentences skip every pattern.
    sentences: [
      {
        // "The Initial Term shall …", "the term of this Agreement is …" (not "during the Initial Term").
        keywords: [
          'initial term',
          'renewal term',
          'original term',
          'current term',
          'extended term',
          'term of th',
        ],
        all: [
          /(?<!\b(?:during|throughout|for|within|after|before|in|of|until|beyond|through) (?:the |any |such |each )?)\b(?:(?:initial|renewal|original|then[- ]current|extended) term|term of (?:this|the) (?:\w+ ){0,2}(?:agreement|license|licence|contract))\b(?: \([^)]{0,40}\))?,? (?:(?:hereof|hereunder|shall|will|is|be|commenc\w+|begin\w*|continu\w+|expir\w+|end\w*|run\w*|last\w*|mean|means) |of (?:\w+ )?(?:\(\d+\) )?(?:years?|months?)\b)/i,
        ],
        none: [EMPLOYMENT],
      },
      {
        // "This Agreement shall continue (remain in full force, be effective) until …".
        keywords: ['continue', 'valid', 'effect', 'force'],
        all: [
          /\b(?:this|the) (?:\w+ ){0,2}(?:agreement|license|licence|contract)\b[^.;]{0,60}\b(?:shall|will) (?:\w+ ){0,2}(?:continue|remain in (?:full )?(?:force|effect)|be (?:valid|effective|in (?:full )?(?:force|effect)))\b[^.;]{0,40}\b(?:until|for|through|unless)\b/i,
        ],
        none: [EMPLOYMENT],
      },
      {
        // "… shall automatically renew for successive one-year periods".
        keywords: ['renew', 'extend'],
        all: [
          /\b(?:shall|will) (?:be )?(?:automatically )?(?:renew(?:ed)?|extend(?:ed)?)\b[^.;]{0,80}\b(?:successive|additional|further|periods?|terms?|years?)\b/i,
        ],
        none: [EMPLOYMENT],
      },
      {
        // "This Agreement shall expire (commence, end) …".
        keywords: ['expire', 'commence', 'begin', ' end'],
        all: [
          /\b(?:this|the) (?:\w+ ){0,2}(?:agreement|license|licence|contract) (?:shall|will) (?:\w+ ){0,2}(?:expire|commence|begin|end)\b/i,
        ],
        none: [EMPLOYMENT],
      },
      {
        // A definition of the term: "“Initial Term” means …".
        keywords: ['mean'],
        all: [/["“](?:Initial )?Term["”]\s+(?:shall )?means?\b/i],
        none: [EMPLOYMENT],
      },
    ],
  },

  termination: {
    heading: /\bterminat(?:e|ion|ing)\b|\bcancell?ation\b|\bexpiration\b|\bduration and termination\b/i,
    headingNot:
      /\b(?:effects?|consequences?|upon|after|following|post)[- ]?(?:of )?(?:termination|expiration)\b|\bsurviv|\bemployment\b|\btermination (?:assistance|fee)s?\b/i,
    sentences: [
      {
        // A right or event that ends the agreement (or the licence, an order form, the services).
        // " end": only "shall end" needs the word, and the space spares "amendment" and "depend".
        keywords: ['terminat', 'cancel', 'rescind', 'expir', ' end', 'ceas'],
        all: [
          /\b(?:may|shall|will|can|might|to|right to|entitled to|option to) (?:(?:immediately|automatically|forthwith|thereupon|then|also|not) )?(?:terminate|cancel|rescind)\b|\b(?:may|shall|will|can) (?:\w+ )?be (?:immediately |automatically )?(?:terminated|cancell?ed|rescinded)\b|\bterminat(?:e|ion) (?:of )?(?:this|the) (?:\w+ ){0,2}(?:agreement|contract|license|licence)\b[^.;]{0,60}\b(?:for|upon|without|with|by|if|in the event)\b|\bterminat(?:e|ion) (?:for|upon|without) (?:cause|convenience|breach|material breach|insolvency|bankruptcy|any reason|no reason|default)\b|\b(?:this|the) (?:\w+ ){0,2}(?:agreement|contract|license|licence)\b[^.;]{0,40}\b(?:shall|will) (?:\w+ ){0,2}(?:terminate|expire|end|cease)\b|\bterminat\w+ (?:rights?|events?)\b/i,
        ],
        none: [EMPLOYMENT],
      },
    ],
  },

  'cure-period': {
    heading: /\bcure\b|\bdefault\b/i,
    headingNot: /\bevents? of default\s*$/i,
    sentences: [
      {
        keywords: ['cure', 'remed', 'correct'],
        all: [
          /\bcure[sd]?\b[^.;]{0,160}\b(?:within|in|of|for|after)\b[^.;]{0,40}\bdays?\b|\b(?:\w+ \(\d+\)|\d+)[- ](?:business |calendar )?days?\b[^.;]{0,120}\bcure[sd]?\b|\bcure period\b|\b(?:fails?|failure) to (?:cure|remedy|correct)\b|\bremain(?:s|ed)? uncured\b|\bnot (?:been )?(?:cured|remedied)\b/i,
        ],
      },
    ],
  },

  'termination-effects': {
    heading:
      /\b(?:effects?|consequences?|results?|rights and obligations) (?:of|upon|on) (?:termination|expiration|expiry)|\b(?:upon|after|following) (?:termination|expiration)|\bpost[- ]termination\b|\btermination (?:effects?|consequences?)\b/i,
    sentences: [
      {
        keywords: ['expir', 'terminat', 'cancel', 'wind', 'sell-off', 'sell off'],
        all: [
          /\b(?:upon|after|following|on|from|in the event of) (?:the )?(?:(?:any|such|early) )?(?:expiration|expiry|termination|cancellation)\b|\beffects? of (?:termination|expiration)\b|\btermination (?:or expiration )?(?:of this \w+ )?(?:shall|will) not (?:relieve|affect|prejudice|release)\b|\bwind[- ]down\b|\bsell[- ]off\b/i,
        ],
        none: [EMPLOYMENT],
      },
    ],
  },

  survival: {
    heading: /\bsurviv(?:al|e)\b/i,
    sentences: [
      {
        keywords: ['surviv'],
        all: [/\bsurviv(?:e|es|al|ing)\b/i],
        none: [/\bsurviving (?:entity|corporation|company|spouse)\b/i],
      },
    ],
  },

  improvements: {
    heading: /\bimprovements?\b|\bgrant[- ]?backs?\b|\benhancements?\b/i,
    sentences: [
      {
        keywords: ['improvement', 'grantback', 'grant-back', 'grant back'],
        all: [/\bimprovements?\b|\bgrant[- ]?backs?\b/i],
      },
    ],
  },

  confidentiality: {
    heading: /\bconfidential(?:ity)?\b|\bnon-?disclosure\b|\bproprietary information\b|\bsecrecy\b/i,
    headingNot: /\bconfidential (?:treatment|portions?)\b/i,
    sentences: [
      {
        // An obligation about confidential information: keep, hold, not disclose, protect, use only.
        keywords: ['confiden', 'proprietary information'],
        all: [
          /\bconfidential(?:ity)?\b|\bproprietary information\b|\bin confidence\b/i,
          /\b(?:(?:shall|will|must|agrees? to|undertakes? to)\b[^.;]{0,60}\b(?:keep|hold|maintain|treat|protect|safeguard|preserve)\b|(?:shall|will|must|agrees?)\b[^.;]{0,40}\bnot\b[^.;]{0,40}\b(?:disclose|divulge|reveal|publish|use|make available)|\b(?:held|kept|maintained|treated) (?:in (?:strict )?confidence|as confidential|confidential)|\b(?:shall|will|must)\b[^.;]{0,30}\b(?:only|solely) use\b[^.;]{0,60}\bconfidential information)/i,
        ],
        none: [
          /\bconfidential treatment\b|\b(?:omitted|redacted) (?:and|pursuant)\b/i,
          // Security of personal data is a data-protection duty, not confidentiality of the parties' information.
          /^(?![\s\S]*\bconfidential information\b)[\s\S]*\b(?:personal (?:data|information)|PHI|protected health information)\b/i,
        ],
      },
      {
        // The same undertaking without the word: "information … received from the other party
        // shall not, without its prior written consent, be disclosed to any person".
        keywords: ['disclose', 'divulge'],
        all: [
          /\binformation\b/i,
          /\b(?:shall|will|must|agrees?|undertakes?)\b[^.;]{0,120}\bnot\b[^.;]{0,120}\b(?:be )?(?:disclosed?|divulged?)\b/i,
          /\b(?:without the (?:prior )?(?:written )?consent|(?:received|obtained|made available|furnished|disclosed) (?:by|from) (?:a|the|such|either) (?:other )?party|from the other party)\b/i,
        ],
        none: [/\b(?:personal (?:data|information)|PHI|protected health information)\b/i],
      },
    ],
  },

  'governing-law': {
    heading:
      /\bgoverning laws?\b|\b(?:applicable|choice of|governing) law\b|\blaws? and (?:jurisdiction|venue|forum|disputes)\b|^law\b|\bgoverning language and law\b/i,
    sentences: [
      {
        keywords: ['law', 'legislation'],
        all: [
          /\b(?:governed|construed|interpreted|enforced|determined|controlled)\b[^.;]{0,160}\b(?:laws?|law of|legislation)\b|\blaws? of\b[^.;]{0,100}\b(?:shall |will |to |)(?:govern|governs|control|controls)\b|\bgoverning law\b[^.;]{0,80}\b(?:is|shall be|will be|are|will govern|shall govern)\b|\b(?:choice|selection) of (?:the )?law\b|\b(?:interpretation|construction|validity|performance)\b[^.;]{0,160}\b(?:in accordance with|pursuant to|under|by)\b[^.;]{0,30}\blaws? of\b/i,
        ],
        none: [/\bgoverned by the terms of\b(?![^.;]{0,100}\blaws?\b)/i],
      },
      {
        // "the law of the Federal Republic of Germany applies" — to this agreement.
        keywords: ['law'],
        all: [
          /\blaws? of\b[^.;]{0,80}\b(?:shall |will )?(?:apply|applies)\b/i,
          /\b(?:agreements?|contracts?|hereunder|hereto|herein|disputes?)\b/i,
        ],
      },
    ],
  },

  'dispute-resolution': {
    heading:
      /\bdisputes?\b|\barbitrat(?:ion|or)\b|\bmediation\b|\bjurisdiction\b|\bvenue\b|\bforum\b|\bescalation\b|\blitigation\b|\bresolution of (?:disputes|conflicts)\b/i,
    headingNot: /\bdisputed (?:amounts|invoices|charges|fees)\b/i,
    sentences: [
      {
        keywords: ['arbitra', 'mediat', 'jurisdiction', 'venue', 'forum', 'court', 'tribunal', 'escalat'],
        all: [
          /\barbitrat(?:ion|ed|or|ors|e)\b|\bmediat(?:ion|or|ed|e)\b|\b(?:exclusive|non-?exclusive|personal) jurisdiction\b|\bsubmits? to (?:the )?(?:\w+ )?jurisdiction\b|\bvenue\b|\bforum\b|\b(?:courts?|tribunals?) (?:of|in|located|sitting|for)\b[^.;]{0,150}\b(?:jurisdiction|disputes?|actions?|proceedings?|suits?|claims?|litigation)\b|\b(?:disputes?|controvers(?:y|ies)|claims?)\b[^.;]{0,200}\b(?:courts?|tribunals?)\b[^.;]{0,60}\b(?:of|in|located)\b|\bescalat(?:e|ed|ion)\b[^.;]{0,80}\b(?:dispute|disagreement|executive|senior)/i,
        ],
        none: [
          /\bforum (?:posts?|software)\b/i,
          // Injunctive relief "in any court of competent jurisdiction", and who pays the fees "if any
          // arbitration or litigation is instituted": neither says how disputes are resolved.
          /^(?![\s\S]*\b(?:arbitrat\w* (?:shall|will|in accordance|under|administered)|mediat|venue|forum|exclusive jurisdiction|submits? to)\b)[\s\S]*\b(?:(?:injunctive|equitable|mandatory)(?: or (?:injunctive|equitable|mandatory))? relief|injunctions?)\b/i,
          /^(?![\s\S]*\b(?:shall be (?:settled|resolved|submitted|referred)|venue|forum|exclusive jurisdiction|submits? to)\b)[\s\S]*\b(?:prevailing party|attorneys?['’]?s?['’]? fees)\b/i,
        ],
      },
      {
        keywords: ['dispute', 'disagreement', 'controvers'],
        all: [
          /\b(?:disputes?|disagreements?|controvers(?:y|ies))\b[^.;]{0,120}\b(?:negotiat(?:e|ion)|resolved?|settle)\b[^.;]{0,80}\b(?:good faith|senior|executives?|officers?|representatives?|management)\b/i,
        ],
      },
    ],
  },

  assignment: {
    heading:
      /^(?:(?:non-?)?assignments?|assignability|(?:no )?assignment(?: and| or|;|,)|transfer(?:ability)?|(?:restrictions? on |limitations? on )?(?:assignment|transfer))\b|\bassignment(?:s)?(?: and (?:delegation|sub-?contracting|transfer|change of control|sub-?licensing))?\s*$/i,
    headingNot:
      /\bassignment of (?:inventions?|intellectual property|(?:patent|ip|work)\w*|rights in|copyright|results|developments)|\binvention/i,
    sentences: [
      {
        // Assigning or transferring the agreement or a party's rights: allowed, barred, or subject to consent.
        keywords: ['assign', 'transfer', 'delegat', 'novat'],
        all: [
          /\b(?:assign(?:ed|ing)?|(?<!\b(?:and|or|&|permitted|its|their|his|her|respective) )assigns|transfer(?:red|ring|s)?|delegat(?:e|ed|es|ing)|novat(?:e|ed|ion))\b[^.;]{0,80}\b(?:(?:this|the) (?:\w+ ){0,2}(?:Agreement|Contract|License|Licence)\b|(?:its|any of its|their|his|her|any|such|all) (?:\w+ )?(?:rights|obligations|duties|interests?)\b)|\b(?:(?:this|the) (?:\w+ ){0,2}(?:Agreement|Contract|License|Licence)|(?:its|their|any) (?:\w+ )?(?:rights|obligations))\b[^.;]{0,80}\b(?:assign(?:ed|able)|transfer(?:red|able)|delegated)\b|\b(?:no|any|attempted|purported|such) (?:\w+ )?(?:assignment|delegation)\b(?! (?:of|for) (?:any |all )?(?:intellectual|patents?|copyrights?|title|the benefit|shares|stock|securities))|\b(?:no|any|attempted|purported) (?:\w+ )?transfer\b(?! (?:of|for) (?:any |all )?(?:intellectual|patents?|copyrights?|title|the benefit|shares|stock|securities))|\b(?:assignability|non-?assignable|assignee)\b/i,
          /\b(?:not|no|without|consent|approval|permission|prior written|void|null|except|provided that|notice|may (?:freely )?assign|freely (?:assign|transfer)|assignable|transferable|successor)\b/i,
        ],
        none: [
          /\bassign(?:s|ment)? (?:to [^.;]{0,40})?(?:all )?(?:of )?(?:its |his |her |their )?(?:entire )?(?:right, title|rights?, title|all right)\b[^.;]{0,80}\b(?:inventions?|intellectual property|patents?|work product|deliverables|developments|copyright)/i,
          /\bhereby (?:irrevocably )?assigns?\b|\bright,? title and interest\b|\bmeanings? (?:as )?assigned\b|\bassignment for the benefit of (?:its )?creditors\b|\btransfer (?:taxes|title|of title)\b/i,
        ],
      },
    ],
  },

  'change-of-control': {
    heading: /\bchange (?:of|in) control\b/i,
    sentences: [
      {
        keywords: [
          'control',
          'ownership',
          'merger',
          'consolidation',
          'reorgani',
          'amalgamation',
          'acquisition',
          'substantially all',
          'sale of all',
        ],
        all: [
          /\bchange (?:of|in) (?:the )?(?:control|ownership)\b|\b(?:merger|consolidation|reorgani[sz]ation|amalgamation|acquisition|sale of (?:all|substantially all))\b[^.;]{0,160}\b(?:assign\w*|transfer\w*|terminat\w*|consent|deemed|successor|surviving|acquir\w*|controll?\w*)\b/i,
        ],
        none: [/\bmerger clause\b|\bentire agreement\b/i],
      },
    ],
  },

  prosecution: {
    heading: /\bprosecution\b|\bpatent (?:maintenance|filings?|costs)\b|\bfiling and maintenance\b/i,
    sentences: [
      {
        keywords: ['prosecut', 'maint'],
        all: [
          /\b(?:prosecut(?:e|ion|ing)|fil(?:e|ing))\b[^.;]{0,60}\b(?:maint(?:ain|enance))\b|\b(?:patent )?prosecution\b|\bprosecute\b[^.;]{0,60}\bpatent/i,
        ],
        none: [/\bcriminal(?:ly)? prosecut|\bprosecution of (?:any )?(?:claim|crime|offen[cs]e)/i],
      },
    ],
  },

  enforcement: {
    heading: /\benforcement\b|\binfringement\b|\bthird[- ]party infringe|\blitigation\b/i,
    headingNot: /\binfringement (?:indemnit|claims? against|by (?:licensee|customer|company))\b|\bindemni/i,
    sentences: [
      {
        keywords: ['infring'],
        all: [
          /\binfring(?:e|es|ed|ing|ement|er|ers)\b/i,
          /\b(?:bring|brought|institute[ds]?|commence[ds]?|initiate[ds]?|prosecute|defend|control|enforce|take)\b[^.;]{0,80}\b(?:action|suit|proceeding|litigation|enforcement|legal action|steps)\b|\benforce\b/i,
          /\b(?:third part(?:y|ies)|infringer|patent|licensed|enforce)/i,
        ],
        none: [/\bindemnif/i],
      },
    ],
  },

  standards: {
    heading: /\bstandards?[- ](?:essential|setting|body|bodies|organi[sz]ations?)\b|\bFRAND\b|\bSEPs?\b/,
    sentences: [
      {
        keywords: ['standard', 'frand', 'rand', 'sep', 'discriminatory'],
        all: [
          /\bstandards?[- ](?:essential|setting|development|developing|body|bodies|organi[sz]ations?)\b|\bFRAND\b|\bRAND\b|\bSEPs?\b|\bfair,? reasonable,? and non-?discriminatory\b/i,
        ],
      },
    ],
  },

  'defensive-termination': {
    heading: /\bdefensive (?:termination|suspension)\b/i,
    sentences: [
      {
        // Terminate (or suspend) if the other party sues on patents / challenges them.
        keywords: ['terminat', 'revok', 'suspend'],
        all: [
          /\b(?:terminat(?:e|es|ed|ion)|revok(?:e|ed)|suspend)\b/i,
          /\b(?:brings?|brought|institutes?|initiates?|files?|asserts?|commences?|threatens?|maintains?|participates?|challenges?|contests?)\b[^.;]{0,160}\b(?:suit|action|claim|proceeding|litigation|challenge|invalid|validity|enforceability|infring)/i,
          /\bpatent|\binfring|\bvalidity\b|\binvalid/i,
        ],
      },
    ],
  },

  'covenant-not-to-sue': {
    heading: /\bcovenants? not to (?:sue|assert)\b|\bnon-?assertion\b/i,
    sentences: [
      {
        keywords: ['not to', 'assert', 'not sue', 'contest', 'challenge', 'attack', 'oppose'],
        all: [
          /\bcovenants? not to (?:sue|assert|bring)\b|\b(?:agrees?|covenants?|undertakes?) (?:that it (?:shall|will) )?not to (?:sue|assert|bring|institute|initiate)\b|\bnon-?assertion\b|\b(?:shall|will) not (?:sue|assert)\b[^.;]{0,100}\b(?:claim|patent|infring|action)|\b(?:not|never)\b[^.;]{0,40}\b(?:contest|challenge|attack|oppose)\b[^.;]{0,80}\b(?:validity|ownership|enforceability|patents?|trademarks?|marks?|title)\b/i,
        ],
      },
    ],
  },
};
