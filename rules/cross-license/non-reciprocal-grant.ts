import type { Grant } from '../../engine/classify/grants.js';
import { runsBothWays } from '../../engine/classify/profile.js';
import type { Rule } from '../../engine/lint/rule.js';
import { documentAnchor } from '../support/anchors.js';
import { granteeName, grantorName, licenceGrants } from '../support/profile.js';
import { allSentences, appliesToCrossLicense } from './support.js';

/** The agreement says the asymmetry is intended and paid for. */
const EXPLICIT_ASYMMETRY =
  /\bbalancing payments?\b|\basymmetr|\bin consideration of the (?:broader|wider|greater|larger|narrower)\b|\bto compensate for the (?:difference|broader|wider)|\bnarrower (?:scope|licen[cs]e)s?\b/i;
const CORE_RIGHTS = ['make', 'have made', 'use', 'sell', 'offer', 'import'];

/** What the narrower grant lacks, side by side with the broader one. */
function differences(a: Grant, b: Grant): { narrowerIsB: string[]; narrowerIsA: string[] } {
  const narrowerIsB: string[] = [];
  const narrowerIsA: string[] = [];
  const side = (aHas: boolean, bHas: boolean, what: string) => {
    if (aHas && !bHas) narrowerIsB.push(what);
    if (bHas && !aHas) narrowerIsA.push(what);
  };
  side(a.exclusivity === 'exclusive', b.exclusivity === 'exclusive', 'exclusivity');
  side(a.sublicensable === 'yes', b.sublicensable === 'yes', 'the right to sublicense');
  const rightsA = a.rights.filter((r) => CORE_RIGHTS.includes(r));
  const rightsB = b.rights.filter((r) => CORE_RIGHTS.includes(r));
  const onlyA = rightsA.filter((r) => !rightsB.includes(r));
  const onlyB = rightsB.filter((r) => !rightsA.includes(r));
  if (rightsA.length > 0 && rightsB.length > 0) {
    if (onlyA.length > 0) narrowerIsB.push(`the right to ${onlyA.join(', ')}`);
    if (onlyB.length > 0) narrowerIsA.push(`the right to ${onlyB.join(', ')}`);
  }
  return { narrowerIsB, narrowerIsA };
}

export const nonReciprocalGrant: Rule = {
  id: 'non-reciprocal-grant',
  description:
    'In a cross-license, a party grants rights and receives none, or visibly narrower ones, with no stated reason.',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    oneWay:
      '{grantor} grants {grantee} a licence but receives none: the agreement is presented as a cross-license, so add the grant by {grantee} to {grantor} or retitle it as a licence.',
    narrower:
      'The grant by {grantor} to {grantee} is narrower than the grant it receives (it lacks {what}): make the scope comparable or state the asymmetry and its balancing payment.',
    improvementsOneWay:
      'Improvements flow one way only: {grantor} licenses its improvements to {grantee} but receives no licence to improvements of {grantee}.',
  },
  rationale: `A cross-license is an exchange: each side licenses its patents to the other. A grant that runs in
one direction only is a licence, not a cross-license; and where both grants exist, one that is
visibly narrower than the other — exclusive one way and non-exclusive the other, sublicensable one
way only, fewer rights, an improvements grant-back that flows one way — is either a drafting slip
or a deliberate imbalance that should be stated (typically with a balancing payment). The finding
points at both grants so a reviewer can compare them.

A one-way licence is reported only when the title or recitals call the agreement a cross-license
and no grant (or covenant not to sue) runs the other way, in any section, by licence-back, or
among more than two parties. Narrower grants and one-way improvement grant-backs are reported as
information: in a sale or a spin-off the asymmetry is usually the deal.`,
  examples: {
    invalid: [
      {
        text: '# Patent Cross-License Agreement\n\nThis Agreement is made between Alpha Ltd. ("Alpha") and Beta Inc. ("Beta").\n\n## 1. License Grants\n\n1.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n',
        note: 'Titled a cross-license, but only Alpha grants.',
      },
      {
        text: '# Patent Cross-License Agreement\n\nThis Agreement is made between Alpha Ltd. ("Alpha") and Beta Inc. ("Beta").\n\n## 1. License Grants\n\n1.1 Alpha grants Beta a non-exclusive licence, with the right to grant sublicences, under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n1.2 Beta grants Alpha a non-exclusive licence under the patents listed in Schedule B to make and sell products worldwide in all fields.\n',
        note: 'Only Beta may sublicense.',
      },
    ],
    valid: [
      {
        text: '# Patent Licence Agreement\n\nThis Agreement is made between Alpha Ltd. ("Alpha") and Beta Inc. ("Beta").\n\n## 1. License Grants\n\n1.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n1.2 Beta grants Alpha a non-exclusive licence under its Improvements.\n',
        note: 'A one-way licence with a grant-back of improvements, not presented as a cross-license.',
      },
      {
        text: '# Patent Cross-License Agreement\n\nThis Agreement is made between Alpha Ltd. ("Alpha") and Beta Inc. ("Beta").\n\n## 1. License Grants\n\n1.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields.\n\n1.2 Beta grants Alpha a non-exclusive licence under the patents listed in Schedule B to make and sell products worldwide in all fields.\n',
      },
    ],
  },
  appliesTo: appliesToCrossLicense,
  check({ model, profile, report }) {
    const all = profile.grants.filter(
      (g) =>
        (g.kind === 'grant' || g.kind === 'covenant') &&
        (g.mutual || (g.grantor && g.grantee && g.grantor !== g.grantee)),
    );
    const grants = [...licenceGrants(profile), ...all.filter((g) => g.grantBack)];
    if (grants.length === 0 || grants.some((g) => g.mutual && !g.grantBack)) return;
    // Grants (or covenants) run both ways: an exchange, whatever its sections or number of parties.
    const exchange = runsBothWays(all);
    const primary = new Map<string, Grant>();
    for (const g of grants) {
      if (g.grantBack || g.derivative || g.mutual) continue;
      const key = `${g.grantor}\u0000${g.grantee}`;
      if (!primary.has(key)) primary.set(key, g);
    }
    // Read only when a finding depends on it: most agreements never get that far.
    let explicitCache: boolean | undefined;
    const explicit = () => {
      explicitCache ??= allSentences(model).some((s) => EXPLICIT_ASYMMETRY.test(s.text));
      return explicitCache;
    };
    const done = new Set<string>();
    for (const [key, g] of primary) {
      if (done.has(key)) continue;
      const reverseKey = `${g.grantee}\u0000${g.grantor}`;
      done.add(key);
      done.add(reverseKey);
      const reverse = primary.get(reverseKey);
      if (!reverse) {
        // One-way licences are only a defect where the document presents itself as a cross-license.
        if (exchange || !profile.saysCrossLicence) continue;
        report({
          messageId: 'oneWay',
          data: { grantor: grantorName(g), grantee: granteeName(g) },
          range: g.range,
          related: [
            { message: 'The agreement is presented as a cross-license here.', range: documentAnchor(model) },
          ],
          extra: { template: 'reciprocal-grant' },
        });
        continue;
      }
      if (explicit()) continue;
      const { narrowerIsA, narrowerIsB } = differences(g, reverse);
      const [narrow, broad, what] =
        narrowerIsB.length >= narrowerIsA.length && narrowerIsB.length > 0
          ? [reverse, g, narrowerIsB]
          : narrowerIsA.length > 0
            ? [g, reverse, narrowerIsA]
            : [undefined, undefined, []];
      if (narrow && broad) {
        report({
          messageId: 'narrower',
          // Asymmetry is often the deal (a licence-back in a sale): worth a look, not a defect.
          severity: 'info',
          data: { grantor: grantorName(narrow), grantee: granteeName(narrow), what: what.join(' and ') },
          range: narrow.range,
          related: [{ message: `The broader grant by ${grantorName(broad)}.`, range: broad.range }],
          extra: { template: 'reciprocal-grant', lacks: what },
        });
      }
    }
    // Improvements licensed one way only (grant-backs), when no mutual improvements grant exists.
    const backs = grants.filter((g) => g.grantBack && g.improvements);
    if (backs.length > 0 && !backs.some((g) => g.mutual) && !explicit()) {
      const directions = new Set(backs.map((g) => `${g.grantor}\u0000${g.grantee}`));
      const first = backs[0];
      if (first && !directions.has(`${first.grantee}\u0000${first.grantor}`) && primary.size > 1) {
        report({
          messageId: 'improvementsOneWay',
          severity: 'info',
          data: { grantor: grantorName(first), grantee: granteeName(first) },
          range: first.range,
          extra: { template: 'reciprocal-grant' },
        });
      }
    }
  },
};
