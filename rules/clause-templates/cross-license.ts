import type { ContractModel } from '../../engine/model/types.js';

/**
 * Clause templates of the cross-license pack: what the "insert clause template" fix offers for
 * each "missing" finding (`extra.template` is the id). `{PartyA}` / `{PartyB}` are the parties'
 * defined names, in the order the preamble introduces them (see `fillCrossLicenseTemplate`).
 *
 * The texts are kept clean under the rules themselves: numbers written twice agree, no vague
 * deadlines, no cross-references to section numbers, and no capitalised terms beyond "Party",
 * "Agreement", "Licensed Patents", "Confidential Information" and "Improvements", which the
 * templates define where they introduce them.
 */
export interface CrossLicenseTemplate {
  id: string;
  /** Shown in the editor's quick-fix menu. */
  title: string;
  /** Heading when the clause is inserted as a new article. */
  heading: string;
  /** One string per numbered sub-clause. */
  paragraphs: string[];
}

const list: CrossLicenseTemplate[] = [
  {
    id: 'reciprocal-grant',
    title: 'Insert the reciprocal licence grant',
    heading: 'License Grants',
    paragraphs: [
      '{PartyB} grants to {PartyA} a non-exclusive, non-transferable licence under the Licensed Patents of {PartyB} to make, have made, use, sell, offer for sale and import products in the Field of Use in the Territory, on the same terms as the licence granted by {PartyA} to {PartyB}.',
    ],
  },
  {
    id: 'exclusivity',
    title: 'State the exclusivity of each licence',
    heading: 'Exclusivity',
    paragraphs: [
      'Each licence granted under this Agreement is non-exclusive. Nothing in this Agreement restricts either Party from granting licences under its own patents to any third party.',
    ],
  },
  {
    id: 'licensed-patents',
    title: 'Define the Licensed Patents (schedule and patent families)',
    heading: 'Licensed Patents',
    paragraphs: [
      '"Licensed Patents" means, for each Party, the patents and patent applications listed for that Party in the schedule of licensed patents attached to this Agreement, together with all continuations, continuations-in-part, divisionals, reissues, re-examinations, extensions and foreign counterparts of any of them.',
    ],
  },
  {
    id: 'field-of-use',
    title: 'Insert a field-of-use definition',
    heading: 'Field of Use',
    paragraphs: [
      '"Field of Use" means [describe the products or market segments covered]. Each licence granted under this Agreement is limited to the Field of Use, and no licence is granted outside it.',
    ],
  },
  {
    id: 'territory',
    title: 'Insert a territory definition',
    heading: 'Territory',
    paragraphs: [
      '"Territory" means worldwide. Each licence granted under this Agreement extends to the Territory.',
    ],
  },
  {
    id: 'payment-terms',
    title: 'Insert payment terms (royalty-free, or balancing payment)',
    heading: 'Payments',
    paragraphs: [
      'The licences granted under this Agreement are royalty-free and fully paid-up, except as set out in this clause.',
      '{PartyB} shall pay {PartyA} a balancing payment of [amount] within thirty (30) days after the Effective Date, in consideration of the difference in value between the portfolios licensed by the Parties.',
    ],
  },
  {
    id: 'royalty-terms',
    title: 'Insert royalty rate, base and payment period',
    heading: 'Royalties',
    paragraphs: [
      '{PartyB} shall pay {PartyA} a royalty of [rate] percent of the net sales of licensed products, being the gross amounts invoiced less returns, rebates and taxes.',
      'Royalties are payable within forty-five (45) days after the end of each calendar quarter, together with a written report of the net sales on which they are calculated.',
    ],
  },
  {
    id: 'prosecution',
    title: 'Insert a prosecution and maintenance clause',
    heading: 'Prosecution and Maintenance',
    paragraphs: [
      'Each Party controls, at its own cost, the filing, prosecution and maintenance of its Licensed Patents, including continuations, divisionals and foreign counterparts.',
      'A Party that decides to abandon or let lapse a Licensed Patent shall give the other Party at least sixty (60) days\u2019 written notice before the deadline, and the other Party may take over its prosecution and maintenance at its own cost.',
    ],
  },
  {
    id: 'enforcement',
    title: 'Insert an enforcement clause (who sues, cooperation, recoveries)',
    heading: 'Enforcement',
    paragraphs: [
      'Each Party shall notify the other Party in writing within thirty (30) days after it learns of a suspected infringement of a Licensed Patent.',
      'The Party owning the infringed Licensed Patent has the first right to bring an action against the infringer at its own cost. The other Party shall cooperate in the action at the suing Party\u2019s expense.',
      'Any recovery is first applied to reimburse both Parties\u2019 costs of the action, and the remainder is retained by the suing Party.',
    ],
  },
  {
    id: 'dispute-resolution',
    title: 'Insert a dispute-resolution clause (escalation, then arbitration)',
    heading: 'Dispute Resolution',
    paragraphs: [
      'The Parties shall first try to resolve any dispute arising out of this Agreement by negotiation in good faith between senior executives of {PartyA} and {PartyB}.',
      'A dispute not resolved within sixty (60) days after written notice of it shall be finally resolved by arbitration under the rules of [arbitral institution], by three (3) arbitrators, seated in [city].',
    ],
  },
  {
    id: 'governing-law',
    title: 'Insert a governing-law clause',
    heading: 'Governing Law',
    paragraphs: [
      'This Agreement and any dispute arising out of it are governed by the laws of [jurisdiction], without regard to its conflict-of-laws rules.',
    ],
  },
  {
    id: 'confidentiality',
    title: 'Insert a confidentiality clause',
    heading: 'Confidentiality',
    paragraphs: [
      '"Confidential Information" means non-public information disclosed by one Party to the other Party under this Agreement, including the terms of this Agreement.',
      'Each Party shall keep the Confidential Information of the other Party confidential, use it only to perform this Agreement, and disclose it only to its employees and advisers who need to know it and are bound by obligations of confidence at least as protective as this clause.',
      'These obligations last for five (5) years after this Agreement ends.',
    ],
  },
  {
    id: 'assignment',
    title: 'Insert an assignment and change-of-control clause',
    heading: 'Assignment',
    paragraphs: [
      'Neither {PartyA} nor {PartyB} may assign or transfer this Agreement or any licence under it without the prior written consent of the other Party, except to a successor to all or substantially all of the business to which this Agreement relates that agrees in writing to be bound by it.',
      'A Party that undergoes a change of control shall notify the other Party in writing within thirty (30) days after it, and the licences granted to that Party do not extend to the patents or products of its acquirer.',
    ],
  },
  {
    id: 'sep-policy',
    title: 'Insert a standards (SEP / FRAND) licensing clause',
    heading: 'Standard-Essential Patents',
    paragraphs: [
      'Where a Licensed Patent is or becomes essential to an industry standard, each Party shall honour any licensing declaration it has made to the standard-setting organisation, and the licences under this Agreement are granted on terms consistent with that declaration, including fair, reasonable and non-discriminatory terms.',
    ],
  },
  {
    id: 'defensive-termination',
    title: 'Insert a defensive-termination clause',
    heading: 'Defensive Termination',
    paragraphs: [
      'If {PartyA} or any of its Affiliates brings a patent infringement action against {PartyB}, or challenges the validity of a Licensed Patent of {PartyB}, {PartyB} may terminate the licence it granted to {PartyA} by written notice, and the same applies with the roles of the Parties reversed.',
    ],
  },
  {
    id: 'improvements-after-termination',
    title: 'Insert the treatment of improvements after termination',
    heading: 'Improvements after Termination',
    paragraphs: [
      'On expiry or termination of this Agreement, each Party keeps ownership of the Improvements it made during the term, and the licences to Improvements made during the term survive on the terms on which they were granted.',
    ],
  },
];

export const CROSS_LICENSE_TEMPLATES: ReadonlyMap<string, CrossLicenseTemplate> = new Map(
  list.map((t) => [t.id, t]),
);

/** Fills `{PartyA}` / `{PartyB}` with the parties' defined names ("the first Party" when unknown). */
export function fillCrossLicenseTemplate(text: string, model: ContractModel | undefined): string {
  const names = (model?.parties ?? []).map((p) => p.shortName ?? p.name);
  const values: Record<string, string> = {
    PartyA: names[0] ?? 'the first Party',
    PartyB: names[1] ?? 'the second Party',
  };
  return text.replace(/\{(PartyA|PartyB)\}/g, (whole, key: string) => values[key] ?? whole);
}
