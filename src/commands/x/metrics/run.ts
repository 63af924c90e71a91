/** The body of `mesh x metrics`, loaded lazily: five instant queries per workload to the Prometheus pod. */
import type { CommandContext } from '../../../context.js';
import { ClusterError, ExitCode } from '../../../errors.js';

/** The labels the Istio Prometheus addon carries (istioctl's), then the older addon's. */
const PROMETHEUS_SELECTORS = ['app.kubernetes.io/name=prometheus', 'app=prometheus'];
const PROMETHEUS_PORT = 9090;

/** Queries Prometheus for each workload and prints the table (or -o json|yaml). */
export async function runMetrics(ctx: CommandContext, opts: { duration: number; output: 'short' | 'json' | 'yaml' }, workloads: string[]): Promise<number> {
  const [cluster, q] = await Promise.all([ctx.cluster(), import('../../../core/metrics/queries.js')]);
  const ns = ctx.globals.istioNamespace;
  let prometheus;
  for (const selector of PROMETHEUS_SELECTORS) {
    prometheus = (await cluster.pods.list(ns, selector)).find((p) => p.phase === 'Running');
    if (prometheus) break;
  }
  if (!prometheus) {
    throw new ClusterError(`Prometheus is not installed in namespace ${ns}: no running pod labelled ${PROMETHEUS_SELECTORS.join(' or ')}`, {
      hint: "install Istio's addon (kubectl apply -f samples/addons/prometheus.yaml), or pass -i for the namespace it runs in",
    });
  }
  const seconds = (ctx.clock.now() / 1000).toFixed(3);
  const ask = async (query: string): Promise<number> =>
    q.vectorValue(await cluster.request(prometheus, PROMETHEUS_PORT, `/api/v1/query?query=${encodeURIComponent(query)}&time=${seconds}`), query);
  const rows = [];
  for (const workload of workloads) {
    const queries = q.workloadQueries(workload, opts.duration);
    const [totalRps, errorRps, p50, p90, p99] = await Promise.all([queries.totalRps, queries.errorRps, queries.p50, queries.p90, queries.p99].map(ask));
    rows.push({
      workload,
      totalRps: totalRps!,
      errorRps: errorRps!,
      p50LatencyMs: q.latencyMs(p50!),
      p90LatencyMs: q.latencyMs(p90!),
      p99LatencyMs: q.latencyMs(p99!),
    });
  }
  if (opts.output === 'short') {
    const { renderMetricsTable } = await import('../../../render/metrics.js');
    ctx.out(renderMetricsTable(rows));
  } else {
    const { renderData } = await import('../../../render/format.js');
    // JSON has no NaN: a percentile without samples is null.
    ctx.out(
      renderData(
        rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' && Number.isNaN(v) ? null : v]))),
        opts.output,
      ),
    );
  }
  return ExitCode.Ok;
}
