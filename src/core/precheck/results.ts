/**
 * Precheck findings become analysis messages (same catalog, same formats, same thresholds as `mesh analyze`),
 * merged with the messages of the analyzers precheck runs, sorted and de-duplicated, then judged.
 */
import { compareStrings } from '../tree.js';
import { atLeast, formatMessage, MESSAGES, type AnalysisMessage, type Level } from '../model/messages.js';
import type { PrecheckFinding } from './types.js';

/** The analyzer name precheck's own checks are reported under (`--verbose`, JSON `analyzer`). */
export const PRECHECK_ANALYZER = 'precheck';

/** Turns one finding into a message; findings without a resource are about the cluster (istioctl's origin `Cluster`). */
export function toMessage(f: PrecheckFinding): AnalysisMessage {
  const type = MESSAGES[f.code];
  const message: AnalysisMessage = { code: f.code, level: type.level, name: type.name, message: formatMessage(f.code, f.args), analyzer: PRECHECK_ANALYZER };
  if (f.resource) {
    const r = f.resource;
    message.origin = r.namespace ? `${r.kind} ${r.namespace}/${r.name}` : `${r.kind} ${r.name}`;
    message.resource = { ...r };
  } else message.origin = 'Cluster';
  return message;
}

/** The outcome of a precheck. */
export interface PrecheckOutcome {
  /** Messages at or above the output threshold, worst first, then by code and origin. */
  shown: AnalysisMessage[];
  /** True when some message (shown or not) reaches the failure threshold. */
  failed: boolean;
}

const LEVEL_ORDER: Record<Level, number> = { Error: 0, Warning: 1, Info: 2 };

/** Merges, de-duplicates (same code, origin and text) and sorts the messages; applies both thresholds. */
export function judge(messages: readonly AnalysisMessage[], thresholds: { output: Level; failure: Level }): PrecheckOutcome {
  const unique = new Map<string, AnalysisMessage>();
  for (const m of messages) unique.set(`${m.code}\u0000${m.origin ?? ''}\u0000${m.message}`, m);
  const sorted = [...unique.values()].sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.origin ?? '', b.origin ?? '') ||
      compareStrings(a.message, b.message),
  );
  return {
    shown: sorted.filter((m) => atLeast(m.level, thresholds.output)),
    failed: sorted.some((m) => atLeast(m.level, thresholds.failure)),
  };
}

/** The analyzers precheck runs on the live cluster (see docs/commands/precheck.md: the ones about installing or upgrading, not app config). */
export const PRECHECK_ANALYZERS = [
  'annotations.AlphaAnalyzer',
  'deprecation.DeprecationAnalyzer',
  'k8sgateway.CRDVersionAnalyzer',
  'webhook.Analyzer',
] as const;
