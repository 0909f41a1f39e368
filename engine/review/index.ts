export { REVIEW_AUTHOR } from '../load/docx/review-author.js';
export {
  type AnnotatedFile,
  type AnnotateFileOptions,
  annotateFile,
  REVIEWED_SUFFIX,
  ReviewWriteError,
  reviewCopyPath,
} from './annotate-file.js';
export type { ClauseSuggestion } from './comment-text.js';
export { buildReviewCopy, type PlacedFinding, type ReviewCopy, type ReviewOptions } from './review-copy.js';
