import { pathToFileURL } from 'node:url';
import {
  annotateFile,
  ConfigError,
  ConfigResolver,
  formatOf,
  isLoadError,
  ReviewWriteError,
  reviewCopyPath,
} from '../engine/index.js';
import { catalog } from '../rules/index.js';
import { clauseSuggestion } from './clause-suggestion.js';
import { pathOf } from './linter.js';
import type { Settings } from './settings.js';

/**
 * `workspace/executeCommand` contractLint.server.exportReviewCopy [{ uri, redline?, force? }]:
 * writes the Word review copy of a .docx beside it (see engine/review) and says where. The
 * client asks before overwriting: a first call without `force` answers `exists` instead.
 */
export const EXPORT_REVIEW_COPY_COMMAND = 'contractLint.server.exportReviewCopy';

export interface ExportReviewCopyArgs {
  /** file: URI of the .docx. */
  uri: string;
  redline?: boolean;
  force?: boolean;
}

export type ExportReviewCopyResult =
  | { status: 'written'; out: string; outUri: string; comments: number; trackedChanges: number }
  | { status: 'exists'; out: string; outUri: string }
  | { status: 'error'; message: string };

export async function exportReviewCopy(
  raw: unknown,
  settingsFor: (uri: string) => Promise<Settings>,
): Promise<ExportReviewCopyResult> {
  const args = (raw ?? {}) as Partial<ExportReviewCopyArgs>;
  const path = typeof args.uri === 'string' ? pathOf(args.uri) : undefined;
  if (!path || formatOf(path) !== 'docx') {
    return { status: 'error', message: 'only a Word .docx file on disk has a review copy' };
  }
  const out = reviewCopyPath(path);
  const outUri = pathToFileURL(out).href;
  try {
    const settings = await settingsFor(args.uri as string);
    const resolver = new ConfigResolver(catalog);
    const config = resolver.forFile(path);
    // As for linting in the editor: the folder's config wins over the editor's preset.
    const preset =
      config.preset === undefined && settings.preset && catalog.presets[settings.preset]
        ? settings.preset
        : undefined;
    const known = Object.entries(settings.rules).filter(([id]) => catalog.rules.some((r) => r.id === id));
    const rules = resolver.effectiveRules(config, {
      rules: Object.fromEntries(known),
      ...(preset ? { preset } : {}),
    });
    const { copy } = await annotateFile(path, rules, {
      out,
      redline: args.redline === true,
      force: args.force === true,
      clauseFor: clauseSuggestion,
    });
    return { status: 'written', out, outUri, comments: copy.comments, trackedChanges: copy.trackedChanges };
  } catch (error) {
    if (error instanceof ReviewWriteError && error.exists) return { status: 'exists', out, outUri };
    if (isLoadError(error) || error instanceof ReviewWriteError || error instanceof ConfigError)
      return { status: 'error', message: error.message };
    throw error;
  }
}
