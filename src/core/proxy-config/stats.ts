/**
 * `x envoy-stats`: which Envoy admin path answers each `--type` and `-o`, as istioctl asks them (`/stats`,
 * `/stats?format=json`, `/stats/prometheus`, `/clusters`, `/clusters?format=json`), and where the merged
 * Prometheus metrics (Envoy's and the application's, pilot-agent's port 15020) are, from the pod's
 * `prometheus.io/*` annotations. Pure.
 */
import { UsageError } from '../../errors.js';

/** The output formats envoy-stats prints. */
export const STATS_FORMATS = ['short', 'json', 'yaml', 'prom', 'prom-merged'] as const;
/** One of STATS_FORMATS. */
export type StatsFormat = (typeof STATS_FORMATS)[number];

/** Where one request goes: a port (undefined: Envoy's admin port) and a path. */
export interface StatsRequest {
  port?: number;
  path: string;
}

/**
 * The request for `type` (server or clusters, istioctl also takes `cluster`) in `format`; `annotations` are the pod's,
 * for prom-merged (istioctl's defaults /metrics and 9090 when they are missing).
 */
export function statsRequest(type: string, format: StatsFormat, annotations: Readonly<Record<string, string>> = {}): StatsRequest {
  const json = format === 'json' || format === 'yaml';
  if (type === 'cluster' || type === 'clusters') {
    if (format === 'prom' || format === 'prom-merged') throw new UsageError(`--type clusters prints short, json or yaml, not ${format}`);
    return { path: json ? '/clusters?format=json' : '/clusters' };
  }
  if (type !== 'server' && type !== '') throw new UsageError(`--type: unknown stats type "${type}" (server or clusters)`);
  if (format === 'prom') return { path: '/stats/prometheus' };
  if (format === 'prom-merged') {
    // Annotation keys are compared as Prometheus label names, as istioctl does (prometheus.io/port → prometheus_io_port).
    const find = (name: string) => Object.entries(annotations).find(([k]) => k.replace(/[^a-zA-Z0-9_]/g, '_') === name)?.[1];
    const portText = find('prometheus_io_port');
    const port = portText === undefined ? 9090 : Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`the pod's prometheus.io/port annotation "${portText}" is not a port`);
    return { port, path: find('prometheus_io_path') ?? '/metrics' };
  }
  return { path: json ? '/stats?format=json' : '/stats' };
}
