/**
 * The engine: load → model → rules → findings. It knows nothing of LSP or the terminal; the
 * language server and the CLI are adapters over these functions.
 */

export { looksLikeAgreement } from './classify/agreement.js';
export {
  type ChecklistItem,
  type ChecklistStatus,
  clauseChecklist,
  KEY_CLAUSES,
} from './classify/checklist.js';
export { classifyClauses } from './classify/clauses.js';
export { coverageSpans } from './classify/coverage.js';
export { describeProfile } from './classify/describe-profile.js';
export type { Exclusivity, Grant, GrantKind, LicensedSubject } from './classify/grants.js';
export { readGrants } from './classify/grants.js';
export {
  type AgreementKind,
  type AgreementProfile,
  type Ending,
  type MasterAgreement,
  type MoneyFlow,
  profileAgreement,
} from './classify/profile.js';
export type { ClauseHit, ClauseIndex, ClauseType } from './classify/types.js';
export { CLAUSE_TYPES } from './classify/types.js';
export { CONFIG_FILE_NAMES } from './config/discover.js';
export { IGNORE_FILE_NAMES, IgnoreRules } from './config/ignore.js';
export { type Catalog, ConfigResolver, type EffectiveRule, type Preset } from './config/resolve.js';
export { buildConfigSchema } from './config/schema.js';
export {
  ConfigError,
  type ConfigFile,
  type ResolvedConfig,
  type RuleSetting,
  type SeveritySetting,
} from './config/types.js';
export {
  type FileResult,
  LintCancelled,
  type LintControl,
  type LocatedFinding,
  lintDocument,
  lintFile,
  SUPPRESSION_WITHOUT_REASON,
  UNUSED_SUPPRESSION,
} from './lint/lint.js';
export {
  formatMessage,
  type Rule,
  type RuleCategory,
  type RuleContext,
  type RuleExample,
  ruleDocsUrl,
} from './lint/rule.js';
export type * from './lint/types.js';
export {
  DEFAULT_MEMORY_MB,
  overMemoryBudget,
  overTimeBudget,
  timeBudgetSeconds,
} from './load/budget.js';
export { isLoadError, LoadError, type LoadErrorCode } from './load/errors.js';
export {
  formatOf,
  loadBytes,
  loadFile,
  MAX_DOCX_BYTES,
  MAX_TEXT_BYTES,
  SUPPORTED_EXTENSIONS,
} from './load/index.js';
export { IncrementalMarkdown } from './load/markdown-incremental.js';
export { loadText } from './load/text.js';
export { allSections, buildModel } from './model/build.js';
export { describeModel } from './model/describe.js';
export { type SectionAt, sectionAt } from './model/section-at.js';
export type * from './model/types.js';
export {
  type AnnotatedFile,
  type AnnotateFileOptions,
  annotateFile,
  buildReviewCopy,
  type ClauseSuggestion,
  type PlacedFinding,
  REVIEW_AUTHOR,
  REVIEWED_SUFFIX,
  type ReviewCopy,
  type ReviewOptions,
  ReviewWriteError,
  reviewCopyPath,
} from './review/index.js';
export { LineIndex } from './text/line-index.js';
export { detached, forgetTextMemos, useTextMemos } from './text/memo.js';
