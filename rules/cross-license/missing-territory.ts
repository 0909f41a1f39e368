import type { Rule } from '../../engine/lint/rule.js';
import { grantorName } from '../support/profile.js';
import { scopedExclusiveGrants, territoryForAll } from './scope.js';
import { appliesToLicense } from './support.js';

export const missingTerritory: Rule = {
  id: 'missing-territory',
  description: 'A licence grant that does not say its territory ("worldwide" is an answer; silence is not).',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'The exclusive grant by {grantor} does not say where it applies (looked for a Territory, a country, "worldwide" or "throughout the world" in the grant and its paragraph): name the territory, or say "worldwide".',
  },
  rationale: `Patents are national, and so is a licence under them unless the grant says otherwise. A grant that
names no territory leaves open whether it reaches foreign counterparts and sales abroad. Say it
either way: a defined "Territory" (a list of countries or regions) or "worldwide".

Reported for exclusive (and partially exclusive) grants, where silence may give away every
country; a non-exclusive licence that does not name a territory is normal practice.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta an exclusive licence under the patents listed in Schedule A to make and sell products in all fields.\n',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta an exclusive licence under the patents listed in Schedule A to make and sell products in all fields in the United States.\n',
      },
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products in all fields.\n',
        note: 'A silent non-exclusive licence: not reported.',
      },
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive, worldwide licence under the patents listed in Schedule A to make and sell products in all fields.\n',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, report }) {
    const grants = scopedExclusiveGrants(model, clauses).filter((g) => !g.territory);
    if (grants.length === 0 || territoryForAll(model, clauses)) return;
    for (const g of grants) {
      report({
        messageId: 'missing',
        data: { grantor: grantorName(g, 'the licensor') },
        range: g.range,
        extra: { template: 'territory' },
      });
    }
  },
};
