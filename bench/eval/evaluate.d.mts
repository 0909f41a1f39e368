/** Types for `evaluate.mjs` (so the vitest corpus test can import it from TypeScript). */
import type { ClauseIndex } from '../../engine/classify/types.js';
import type { ContractModel, LoadedDocument } from '../../engine/model/types.js';

export declare const ATTRIBUTION: string;

export interface Engine {
  loadFile(path: string): Promise<LoadedDocument>;
  buildModel(doc: LoadedDocument): ContractModel;
  classifyClauses(model: ContractModel): ClauseIndex;
}

export interface Metric {
  clause: string;
  labels: string;
  set: 'cuad' | 'agreements';
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Check {
  clause: string;
  labels: string;
  set: 'cuad' | 'agreements';
  // biome-ignore lint/suspicious/noExplicitAny: corpus records are loosely typed JSON
  truth(doc: any): boolean | undefined;
  predict?(index: ClauseIndex): boolean;
  labelColumn?: string;
}

export declare const CHECKS: Check[];

export interface Misses {
  clause: string;
  labels: string;
  fp: { file: string; evidence?: { source: string; text: string }[] }[];
  fn: { file: string; label?: string }[];
}

export interface Evaluation {
  attribution: string;
  documents: { cuad: number; agreements: number };
  metrics: Metric[];
  errors: { file: string; message: string }[];
  timing: { files: number; classifyTotalMs: number; slowest: { ms: number; file: string; kb: number } };
  misses(clause: string): Misses[];
}

export declare function parseCsv(text: string): string[][];

export declare function evaluate(
  corpusRoot: string,
  engine: Engine,
  options?: { sets?: ('cuad' | 'agreements')[]; checks?: Check[]; keepEvidence?: boolean },
): Promise<Evaluation>;
