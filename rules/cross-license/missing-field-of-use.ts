import type { Rule } from '../../engine/lint/rule.js';
import { grantorName } from '../support/profile.js';
import { fieldForAll, scopedExclusiveGrants } from './scope.js';
import { appliesToLicense } from './support.js';

export const missingFieldOfUse: Rule = {
  id: 'missing-field-of-use',
  description:
    'A licence grant that does not say its field of use ("all fields" is an answer; silence is not).',
  category: 'cross-license',
  defaultSeverity: 'warning',
  fixable: 'template',
  messages: {
    missing:
      'The exclusive grant by {grantor} does not say its field of use (looked for a Field, "for use in", "solely for", "limited to" or "in all fields" in the grant and its paragraph): limit it to a defined Field of Use, or say "in all fields".',
  },
  rationale: `The field of use says which products or market segments a licence covers. In a cross-license the
fields are often the heart of the bargain (each side keeps its core market), and a grant that is
silent about them is read broadly by one side and narrowly by the other. Say it either way: a
defined "Field of Use" for a limited licence, or "in all fields of use" for an unlimited one.

Reported for exclusive (and partially exclusive) grants: a silent non-exclusive licence leaves the
licensor free to license anyone else in every field, so its silence is normal practice.`,
  examples: {
    invalid: [
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta an exclusive licence under the patents listed in Schedule A to make and sell products worldwide.\n',
      },
    ],
    valid: [
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide in all fields of use.\n',
      },
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta an exclusive licence under the patents listed in Schedule A to make and sell products in the Field of Use worldwide.\n',
      },
      {
        text: '## 2. License Grant\n\n2.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A to make and sell products worldwide.\n',
        note: 'A silent non-exclusive licence takes nothing the licensor has not kept: not reported.',
      },
    ],
  },
  appliesTo: appliesToLicense,
  check({ model, clauses, report }) {
    const grants = scopedExclusiveGrants(model, clauses).filter((g) => !g.field);
    if (grants.length === 0 || fieldForAll(model, clauses)) return;
    for (const g of grants) {
      report({
        messageId: 'missing',
        data: { grantor: grantorName(g, 'the licensor') },
        range: g.range,
        extra: { template: 'field-of-use' },
      });
    }
  },
};
