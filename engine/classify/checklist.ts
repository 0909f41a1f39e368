import type { Finding } from '../lint/types.js';
import type { ClauseIndex, ClauseType } from './types.js';

export type ChecklistStatus = 'present' | 'missing' | 'incomplete';

export interface ChecklistItem {
  /** Stable key used in reports ("termination", "audit", …). */
  key: string;
  label: string;
  status: ChecklistStatus;
  /** Rule ids whose findings made the item incomplete. */
  because?: string[];
}

interface KeyClause {
  key: string;
  label: string;
  /** Present when any of these clause types is found. */
  types: ClauseType[];
  /** Findings of these rules mark a present clause as incomplete. */
  incompleteWhen: string[];
}

/** The clauses a reviewer checks first in any licence-like agreement, in review order. */
export const KEY_CLAUSES: KeyClause[] = [
  {
    key: 'grant',
    label: 'Licence grant',
    types: ['license-grant'],
    incompleteWhen: [
      'vague-coverage',
      'ambiguous-exclusivity',
      'missing-field-of-use',
      'missing-territory',
      'unidentified-licensed-patents',
      'non-reciprocal-grant',
    ],
  },
  {
    key: 'payment',
    label: 'Payment terms',
    types: ['payment', 'royalty'],
    incompleteWhen: ['royalty-without-rate'],
  },
  { key: 'audit', label: 'Audit rights', types: ['audit'], incompleteWhen: ['incomplete-audit-clause'] },
  {
    key: 'term',
    label: 'Term and termination',
    types: ['term', 'termination'],
    incompleteWhen: [
      'termination-without-cure-period',
      'missing-termination-effects',
      'improvements-after-termination',
    ],
  },
  {
    key: 'improvements',
    label: 'Improvements',
    types: ['improvements'],
    incompleteWhen: ['undefined-improvement', 'improvements-flow-unspecified'],
  },
  { key: 'confidentiality', label: 'Confidentiality', types: ['confidentiality'], incompleteWhen: [] },
  { key: 'governing-law', label: 'Governing law', types: ['governing-law'], incompleteWhen: [] },
  { key: 'disputes', label: 'Dispute resolution', types: ['dispute-resolution'], incompleteWhen: [] },
  {
    key: 'assignment',
    label: 'Assignment / change of control',
    types: ['assignment', 'change-of-control'],
    incompleteWhen: [],
  },
  { key: 'prosecution', label: 'Prosecution and maintenance', types: ['prosecution'], incompleteWhen: [] },
  { key: 'enforcement', label: 'Enforcement', types: ['enforcement'], incompleteWhen: [] },
];

/** Present / missing / incomplete for each key clause of one agreement. */
export function clauseChecklist(clauses: ClauseIndex, findings: Pick<Finding, 'ruleId'>[]): ChecklistItem[] {
  const ruleIds = new Set(findings.map((f) => f.ruleId));
  return KEY_CLAUSES.map((clause) => {
    const present = clause.types.some((t) => clauses.has(t));
    if (!present) return { key: clause.key, label: clause.label, status: 'missing' };
    const because = clause.incompleteWhen.filter((id) => ruleIds.has(id));
    return because.length > 0
      ? { key: clause.key, label: clause.label, status: 'incomplete', because }
      : { key: clause.key, label: clause.label, status: 'present' };
  });
}
