/**
 * `mesh x metrics`'s table, laid out as istioctl's (Go's tabwriter with minimum width 13, padding 2, cells aligned
 * right, the workload column 40 wide), so that scripts reading istioctl's columns read mesh's. NaN latencies (no
 * samples) print as `-`.
 */
import { formatGoDuration } from '../core/duration.js';
import type { WorkloadMetrics } from '../core/metrics/queries.js';

const line = (cells: string[]): string => `${cells.map((c) => c.padStart(Math.max(c.length + 2, 13))).join('')}\n`;
const latency = (ms: number): string => (Number.isNaN(ms) ? '-' : formatGoDuration(ms));
const rate = (v: number): string => (Number.isNaN(v) ? 'NaN' : v.toFixed(3));

/** The header and one line per workload. */
export function renderMetricsTable(rows: readonly WorkloadMetrics[]): string {
  const header = line(['WORKLOAD'.padStart(40), 'TOTAL RPS', 'ERROR RPS', 'P50 LATENCY', 'P90 LATENCY', 'P99 LATENCY']);
  return (
    header +
    rows
      .map((r) =>
        line([r.workload.padStart(40), rate(r.totalRps), rate(r.errorRps), latency(r.p50LatencyMs), latency(r.p90LatencyMs), latency(r.p99LatencyMs)]),
      )
      .join('')
  );
}
