/**
 * `mesh analyze` core: select analyzers, run them over a snapshot, and decide the outcome against thresholds.
 * Pure: the command reads files and the cluster (adapters) and renders (src/render/analyze.ts).
 */
import { UsageError } from '../../errors.js';
import { ANALYZERS } from './analyzers/index.js';
import { atLeast, type Level } from '../model/messages.js';
import { runAnalyzers } from './run.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Suppression } from './suppress.js';
import type { AnalysisMessage, Analyzer } from './types.js';
import { compareStrings } from '../tree.js';

export { buildSnapshot, fileSource, type Snapshot, type SnapshotSource } from '../model/snapshot.js';
export { kindOf } from '../model/resource.js';
export { parseSuppressions } from './suppress.js';
export { isMessageCode, LEVELS, type Level } from '../model/messages.js';

/** What to analyze and how to judge it. */
export interface AnalyzeOptions {
  /** `--analyzer` names; empty means all. */
  only: readonly string[];
  /** Namespaces whose cluster resources are reported; undefined = all (-A). */
  namespaces?: ReadonlySet<string>;
  suppressions: readonly Suppression[];
  /** Messages below this level are not shown (`--output-threshold`). */
  outputThreshold: Level;
  /** Messages at or above this level fail the run (`--failure-threshold`). */
  failureThreshold: Level;
}

/** The outcome. */
export interface AnalyzeResult {
  /** Messages to show (at or above the output threshold). */
  shown: AnalysisMessage[];
  /** True when some message (shown or not) reaches the failure threshold. */
  failed: boolean;
  /** Names of the analyzers that ran. */
  executed: string[];
}

/**
 * The analyzers `--analyzer` names select (without names: all but the opt-in ones); unknown names are a usage
 * error listing the valid ones.
 */
export function selectAnalyzers(names: readonly string[]): readonly Analyzer[] {
  if (names.length === 0) return ANALYZERS.filter((a) => !a.meta.optIn);
  const unknown = names.filter((n) => !ANALYZERS.some((a) => a.meta.name === n));
  if (unknown.length) {
    throw new UsageError(`unknown analyzer ${unknown.map((u) => `"${u}"`).join(', ')}`, { hint: 'run `mesh analyze -L` to list analyzer names' });
  }
  return ANALYZERS.filter((a) => names.includes(a.meta.name));
}

/** Runs the selected analyzers over the snapshot and applies both thresholds. */
export function analyzeSnapshot(snapshot: Snapshot, options: AnalyzeOptions): AnalyzeResult {
  const { messages, executed } = runAnalyzers(snapshot, {
    analyzers: selectAnalyzers(options.only),
    namespaces: options.namespaces,
    suppressions: options.suppressions,
    outputThreshold: options.outputThreshold,
  });
  return {
    shown: messages.filter((m) => atLeast(m.level, options.outputThreshold)),
    failed: messages.some((m) => atLeast(m.level, options.failureThreshold)),
    executed,
  };
}

/** `-L`: every analyzer's name and description, sorted by name, in istioctl's layout. */
export function listAnalyzers(): string {
  return [...ANALYZERS]
    .sort((a, b) => compareStrings(a.meta.name, b.meta.name))
    .map((a) => `* ${a.meta.name}:\n    ${a.meta.description}\n`)
    .join('');
}
