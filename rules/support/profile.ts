import type { Grant } from '../../engine/classify/grants.js';
import type { AgreementProfile } from '../../engine/classify/profile.js';

/**
 * Questions the absence rules ask the agreement profile before they say a clause is missing:
 * is the clause called for by this kind of agreement at all?
 */

/** Present grants by one side to another (not covenants, promises, denials or improvement grant-backs). */
export function licenceGrants(profile: AgreementProfile): Grant[] {
  // One known end is enough: "Licensor grants License a licence" (a typo) is still Licensor's grant.
  return profile.grants.filter(
    (g) =>
      g.kind === 'grant' &&
      !g.grantBack &&
      (g.mutual ||
        (g.grantor !== undefined && g.grantee !== undefined) ||
        (g.named.grantor && g.grantee === undefined) ||
        (g.named.grantee && g.grantor === undefined)),
  );
}

/** An exclusive (or partially exclusive) present grant. */
export function exclusiveGrants(profile: AgreementProfile): Grant[] {
  return licenceGrants(profile).filter((g) => g.exclusivity === 'exclusive' || g.exclusivity === 'partial');
}

/** An exclusive licence under patents: the licensee depends on the patents being kept and enforced. */
export function exclusivePatentGrant(profile: AgreementProfile): Grant | undefined {
  return exclusiveGrants(profile).find((g) => g.subjects.includes('patents'));
}

/** A present licence under patents to the other side (not a grant-back). */
export function patentGrant(profile: AgreementProfile): Grant | undefined {
  return licenceGrants(profile).find((g) => g.subjects.includes('patents'));
}

/**
 * A one-off conveyance: an assignment (or a confirmatory instrument) with no continuing licence
 * between the parties, or one that says it is subject to the purchase agreement it completes.
 */
export function isConveyance(profile: AgreementProfile): boolean {
  return (
    profile.ending.kind === 'completed' ||
    (profile.kinds[0] === 'assignment' && licenceGrants(profile).length === 0)
  );
}

/**
 * Information changes hands: know-how, software, data or technology is licensed, the parties
 * work together or one serves the other, or one reports its sales to the other.
 */
export function exchangesInformation(profile: AgreementProfile): boolean {
  if (isConveyance(profile)) return false;
  const subjects = new Set(licenceGrants(profile).flatMap((g) => g.subjects));
  if (
    ['know-how', 'software', 'data', 'technology'].some((s) => subjects.has(s as Grant['subjects'][number]))
  )
    return true;
  if (profile.money.royaltyOnPayerFigures) return true;
  return profile.kinds.some((k) =>
    ['collaboration', 'services', 'franchise', 'nda', 'software-licence'].includes(k),
  );
}

/** The grantor as a message names it: a party the preamble names, else a neutral phrase. */
export function grantorName(g: Grant, otherwise = 'a party'): string {
  if (g.mutual) return 'each party';
  return g.named.grantor && g.grantor ? g.grantor : otherwise;
}

/** The grantee as a message names it. */
export function granteeName(g: Grant, otherwise = 'the other party'): string {
  if (g.mutual) return 'the other party';
  return g.named.grantee && g.grantee ? g.grantee : otherwise;
}

/** "The non-exclusive licence under patents granted by Alpha to Beta.": a grant, for related information. */
export function describeGrant(g: Grant): string {
  const who = g.mutual ? 'each party' : `${grantorName(g)} to ${granteeName(g)}`;
  const excl = g.exclusivity === 'unstated' ? '' : `${g.exclusivity} `;
  const what = g.subjects.includes('patents')
    ? ' under patents'
    : g.subjects.length
      ? ` of ${g.subjects[0]}`
      : '';
  return `The ${excl}licence${what} granted by ${who}.`;
}
