/**
 * `x metrics`: a workload's server-side request rate, error rate and latency percentiles from Istio's standard
 * metrics in Prometheus, with the PromQL istioctl sends (`istio_requests_total` and
 * `istio_request_duration_milliseconds` reported by the destination, matched by workload name and namespace prefix).
 * Pure: the queries, reading Prometheus' answers, and the rows.
 */
import { ClusterError } from '../../errors.js';
import { formatGoDuration } from '../duration.js';

/** The five queries of one workload (`name[.namespace]`) over `durationMs`, keyed by what they measure. */
export function workloadQueries(workload: string, durationMs: number): { totalRps: string; errorRps: string; p50: string; p90: string; p99: string } {
  const [name = '', namespace = ''] = workload.split('.');
  const window = formatGoDuration(durationMs);
  const labels = `destination_workload=~"${name}.*", destination_workload_namespace=~"${namespace}.*",reporter="destination"`;
  const latency = (q: string) => `histogram_quantile(${q}, sum(rate(istio_request_duration_milliseconds_bucket{${labels}}[${window}])) by (le))`;
  return {
    totalRps: `sum(rate(istio_requests_total{${labels}}[${window}]))`,
    errorRps: `sum(rate(istio_requests_total{${labels},response_code=~"[45][0-9]{2}"}[${window}]))`,
    // Go's %f: six decimals.
    p50: latency('0.500000'),
    p90: latency('0.900000'),
    p99: latency('0.990000'),
  };
}

/**
 * The value of an instant query's answer (`/api/v1/query`): the first sample of a vector, 0 for an empty one (no
 * traffic), as istioctl reads it. Anything else is a ClusterError naming the query.
 */
export function vectorValue(body: string, query: string): number {
  let answer: { status?: string; error?: string; data?: { resultType?: string; result?: { value?: [number, string] }[] } };
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    throw new ClusterError(`Prometheus answered '${query}' with something that is not JSON (is port 9090 Prometheus?)`);
  }
  if (answer.status !== 'success') throw new ClusterError(`Prometheus refused '${query}': ${answer.error ?? answer.status ?? 'no status'}`);
  if (answer.data?.resultType !== 'vector')
    throw new ClusterError(`Prometheus answered '${query}' with a ${answer.data?.resultType ?? 'missing'} result, not a vector`);
  const first = answer.data.result?.[0]?.value?.[1];
  return first === undefined ? 0 : Number(first);
}

/** One workload's figures; latencies in whole milliseconds, NaN when Prometheus has no samples to rank. */
export interface WorkloadMetrics {
  workload: string;
  totalRps: number;
  errorRps: number;
  p50LatencyMs: number;
  p90LatencyMs: number;
  p99LatencyMs: number;
}

/** Rounds a latency down to whole milliseconds, as istioctl's time.Duration conversion does. */
export function latencyMs(value: number): number {
  return Number.isFinite(value) ? Math.trunc(value) : Number.NaN;
}
