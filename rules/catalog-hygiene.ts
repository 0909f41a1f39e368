import { brokenCrossReference } from './broken-cross-reference.js';
import { duplicateDefinition } from './duplicate-definition.js';
import { inconsistentTermCase } from './inconsistent-term-case.js';
import { listNumberingGap } from './list-numbering-gap.js';
import { numberWordMismatch } from './number-word-mismatch.js';
import { unbalancedPunctuation } from './unbalanced-punctuation.js';
import { undefinedEffortsStandard } from './undefined-efforts-standard.js';
import { undefinedTerm } from './undefined-term.js';
import { unusedDefinition } from './unused-definition.js';
import { vagueDeadline } from './vague-deadline.js';

/** Documentation hygiene: definitions, cross-references, numbers, punctuation, timing words. */
export const hygieneRules = [
  undefinedTerm,
  duplicateDefinition,
  unusedDefinition,
  inconsistentTermCase,
  brokenCrossReference,
  numberWordMismatch,
  unbalancedPunctuation,
  listNumberingGap,
  vagueDeadline,
  undefinedEffortsStandard,
];
