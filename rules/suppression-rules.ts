import type { Rule } from '../engine/lint/rule.js';

// These two are raised by the engine while it applies suppression comments (it alone knows which
// findings a suppression hid); the entries here give them metadata, severity config and docs.

export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  description: 'A contract-lint-disable comment that suppresses no finding.',
  category: 'consistency',
  defaultSeverity: 'info',
  fixable: 'edit',
  messages: {},
  rationale:
    'A suppression that hides nothing is stale: the text changed or the rule stopped reporting. Removing it keeps the audit trail of accepted findings honest.',
  examples: {
    invalid: [
      {
        text: '<!-- contract-lint-disable-next-line vague-deadline -- agreed with the client -->\n\nThe Licensee shall pay within 30 days.\n',
      },
    ],
    valid: [
      {
        text: '<!-- contract-lint-disable-next-line vague-deadline -- agreed with the client -->\n\nThe Licensee shall promptly pay.\n',
      },
    ],
  },
  check() {},
};

export const suppressionWithoutReason: Rule = {
  id: 'suppression-without-reason',
  description: 'A contract-lint-disable comment with no reason after "--".',
  category: 'consistency',
  defaultSeverity: 'info',
  messages: {},
  rationale:
    'Suppressions are an audit trail: a reviewer reading the agreement later must see why a finding was accepted. Write the reason after two dashes: `<!-- contract-lint-disable vague-deadline -- timing set by the SOW -->`.',
  examples: {
    invalid: [
      {
        text: '<!-- contract-lint-disable-next-line vague-deadline -->\n\nThe Licensee shall promptly pay.\n',
      },
    ],
    valid: [
      {
        text: '<!-- contract-lint-disable-next-line vague-deadline -- set by the SOW -->\n\nThe Licensee shall promptly pay.\n',
      },
    ],
  },
  check() {},
};

export const suppressionRules = [unusedSuppression, suppressionWithoutReason];
