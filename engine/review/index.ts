export { REVIEW_AUTHOR } from '../load/docx/review-author.js';
export type { ClauseSuggestion } from './comment-text.js';
export { buildReviewCopy, type PlacedFinding, type ReviewCopy, type ReviewOptions } from './review-copy.js';
