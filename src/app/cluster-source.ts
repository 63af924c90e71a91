/**
 * "Read the cluster into a snapshot source": one use-case for analyze, describe and precheck, so that the status
 * line, the read and the warning about kinds left out are the same everywhere.
 */
import type { CommandContext } from '../context.js';
import type { SnapshotSource } from '../core/analyze/index.js';
import { describeSkip } from '../core/model/cluster-read.js';

/** What to read, and how to word the warning about what could not be read. */
export interface ClusterSourceOptions {
  /** Analyzer kinds to list. */
  kinds: readonly string[];
  /** Bound on the whole read (--timeout). */
  timeoutMs: number;
  /**
   * The status line's text on a terminal, e.g. `Reading the cluster`; none when the caller already shows one (precheck
   * reads the cluster inside its own `Checking the cluster` line: two spinners would fight over the same line).
   */
  status?: string;
  /** What the command did without the kinds left out, ending the warning: `analyzers ran without them`. */
  without: string;
  /**
   * Warn about kinds the cluster does not serve. Precheck runs before a first install, when Istio's kinds are not
   * served yet: there only refusals are worth a warning.
   */
  warnNotServed?: boolean;
}

/** A snapshot source of everything the cluster gave, with the API server for messages. */
export interface ClusterSource {
  source: SnapshotSource;
  server: string;
}

/** Lists `kinds` from the cluster (connecting on first use); warns on stderr about kinds left out. */
export async function readClusterSource(ctx: CommandContext, options: ClusterSourceOptions): Promise<ClusterSource> {
  const cluster = await ctx.cluster();
  const status = options.status === undefined ? undefined : await ctx.progress.status(options.status);
  try {
    const read = await cluster.reader.read({
      kinds: options.kinds,
      istioNamespace: ctx.globals.istioNamespace,
      timeoutMs: options.timeoutMs,
      onProgress: (done, total) => status?.update(`${options.status}: ${done}/${total} kinds`),
    });
    const warned = options.warnNotServed === false ? read.skipped.filter((s) => s.reason !== 'notServed') : read.skipped;
    if (warned.length) ctx.err(`warning: could not read from ${read.server}: ${warned.map(describeSkip).join('; ')}; ${options.without}\n`);
    return {
      source: { objects: read.objects.map((object) => ({ object, origin: { type: 'cluster' } })), complete: read.complete },
      server: read.server,
    };
  } finally {
    status?.stop();
  }
}
