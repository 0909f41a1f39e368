import type { Rule } from '../../engine/lint/rule.js';
import { scopedGrants, territoryForAll } from './scope.js';
import { appliesToCrossLicense } from './support.js';

export const missingTerritory: Rule = {
  id: 'missing-territory',
  description: 'A licence grant that does not say its territory ("worldwide" is an answer; silence is not).',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing: 'The grant by {grantor} does not say where it applies: name the territory, or say "worldwide".',
  },
  rationale: `Patents are national, and so is a licence under them unless the grant says otherwise. A grant that
names no territory leaves open whether it reaches foreign counterparts and sales abroad. Say it
either way: a defined "Territory" (a list of countries or regions) or "worldwide".`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products in all fields.\n',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive, worldwide licence under the patents listed in Schedule A to make and sell products in all fields.\n',
      },
    ],
  },
  appliesTo: appliesToCrossLicense,
  check({ model, clauses, report }) {
    const grants = scopedGrants(model, clauses).filter((g) => !g.territory);
    if (grants.length === 0 || territoryForAll(model, clauses)) return;
    for (const g of grants) {
      report({
        messageId: 'missing',
        data: { grantor: g.mutual ? 'each party' : (g.grantor ?? 'the licensor') },
        range: g.range,
        extra: { template: 'territory' },
      });
    }
  },
};
