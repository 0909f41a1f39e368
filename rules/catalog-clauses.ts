import type { Rule } from '../engine/lint/rule.js';
import { improvementsFlowUnspecified } from './improvements-flow-unspecified.js';
import { incompleteAuditClause } from './incomplete-audit-clause.js';
import { missingAuditClause } from './missing-audit-clause.js';
import { missingTerminationClause } from './missing-termination-clause.js';
import { missingTerminationEffects } from './missing-termination-effects.js';
import { terminationWithoutCurePeriod } from './termination-without-cure-period.js';
import { undefinedImprovement } from './undefined-improvement.js';
import { vagueCoverage } from './vague-coverage.js';

/** Rules about what an agreement's clauses say (or fail to say). */
export const clauseRules: Rule<object>[] = [
  vagueCoverage as Rule<object>,
  missingTerminationClause,
  terminationWithoutCurePeriod,
  missingTerminationEffects,
  missingAuditClause,
  incompleteAuditClause,
  undefinedImprovement,
  improvementsFlowUnspecified,
];
