import type { Rule } from '../../engine/lint/rule.js';
import { ambiguousExclusivity } from './ambiguous-exclusivity.js';
import { improvementsAfterTermination } from './improvements-after-termination.js';
import { missingAssignmentClause } from './missing-assignment-clause.js';
import { missingConfidentiality } from './missing-confidentiality.js';
import { missingDefensiveTermination } from './missing-defensive-termination.js';
import { missingDisputeResolution } from './missing-dispute-resolution.js';
import { missingEnforcementProvisions } from './missing-enforcement-provisions.js';
import { missingFieldOfUse } from './missing-field-of-use.js';
import { missingGoverningLaw } from './missing-governing-law.js';
import { missingPaymentTerms } from './missing-payment-terms.js';
import { missingProsecutionAllocation } from './missing-prosecution-allocation.js';
import { missingTerritory } from './missing-territory.js';
import { nonReciprocalGrant } from './non-reciprocal-grant.js';
import { royaltyWithoutRate } from './royalty-without-rate.js';
import { standardsWithoutSepPolicy } from './standards-without-sep-policy.js';
import { unidentifiedLicensedPatents } from './unidentified-licensed-patents.js';

/** The cross-license rule pack, in review order (scope, money, governance, boilerplate, exit). */
export const crossLicenseRules: Rule<object>[] = [
  nonReciprocalGrant,
  ambiguousExclusivity,
  unidentifiedLicensedPatents,
  missingFieldOfUse,
  missingTerritory,
  missingPaymentTerms,
  royaltyWithoutRate,
  missingProsecutionAllocation,
  missingEnforcementProvisions,
  missingDisputeResolution,
  missingGoverningLaw,
  missingConfidentiality,
  missingAssignmentClause,
  standardsWithoutSepPolicy,
  missingDefensiveTermination,
  improvementsAfterTermination,
];

/**
 * Rule ids that run only on cross-licenses (title, recitals or two-way grants) when gated. The
 * others run on any agreement that grants a licence, and ask the agreement's profile whether the
 * clause they look for is called for (prosecution only for exclusive patent licences, and so on).
 */
export const CROSS_LICENSE_ONLY = [
  'non-reciprocal-grant',
  'standards-without-sep-policy',
  'improvements-after-termination',
];

/** Rule ids that run on any agreement granting a licence when gated. */
export const LICENSE_LIKE = crossLicenseRules
  .map((r) => r.id)
  .filter((id) => !CROSS_LICENSE_ONLY.includes(id));
