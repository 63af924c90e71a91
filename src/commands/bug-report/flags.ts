/** The flags of `mesh bug-report` (istioctl's names where it has them), and the options type derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, durationMs, listFlag, outputFlag, parsedFlag, portNumber, textFlag } from '../flags.js';
import { InvalidArgumentError } from 'commander';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/** The flags of `mesh bug-report`. */
export const bugReportFlags = {
  include: listFlag('--include <spec>', 'containers whose logs and config are collected: ns1,ns2/dep/pod/lbl=val/ann=val/cntr, globs allowed (repeatable)'),
  exclude: listFlag('--exclude <spec>', 'containers left out, after --include (same syntax; repeatable)'),
  duration: parsedFlag<number | undefined>('--duration <duration>', 'only log lines from this long ago until now, e.g. 30m (istioctl)', durationMs),
  since: parsedFlag<number | undefined>('--since <duration>', 'the same as --duration, as kubectl logs spells it', durationMs),
  startTime: textFlag('--start-time <time>', 'only log lines after this RFC 3339 time, e.g. 2026-12-01T10:00:00Z'),
  tail: parsedFlag<number | undefined>('--tail <lines>', 'at most this many of the newest lines per container log', positive),
  timeout: parsedFlag('--timeout <duration>', 'stop collecting after this long and archive what was gathered', durationMs, 30 * 60_000, '30m'),
  rqConcurrency: parsedFlag('--rq-concurrency <n>', 'requests to the cluster at once', positive, 8, '8'),
  outputDir: textFlag('--output-dir <dir>', 'directory for the archive (default: the current directory)'),
  proxyAdminPort: parsedFlag('--proxy-admin-port <port>', 'Envoy admin port of the proxies', portNumber, 15000, '15000'),
  skipProxyDebug: boolFlag('--skip-proxy-debug', 'do not fetch config dumps and admin endpoints of the proxies'),
  skipAnalyze: boolFlag('--skip-analyze', 'do not run the analyzers'),
  skipClusterDump: boolFlag('--skip-cluster-dump', 'do not save the Istio and Kubernetes resources'),
  dryRun: boolFlag('--dry-run', 'list what would be collected; fetch and write nothing'),
  output: outputFlag(['text', 'json', 'yaml'], 'text'),
};

/** Parsed flags of `mesh bug-report`. */
export type BugReportOptions = OptionsOf<typeof bugReportFlags>;
