// mesh x metrics over the fake context: a Prometheus pod whose port 9090 answers instant queries from the dumps
// map, keyed by the exact PromQL istioctl sends and the pinned clock's time.
import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import { runningPod } from '../helpers/pods.js';
import { workloadQueries } from '../../src/core/metrics/queries.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const vector = (v?: string) =>
  JSON.stringify({ status: 'success', data: { resultType: 'vector', result: v === undefined ? [] : [{ metric: {}, value: [NOW / 1000, v] }] } });
const key = (query: string) => `prometheus-7d8f.istio-system:9090/api/v1/query?query=${encodeURIComponent(query)}&time=${(NOW / 1000).toFixed(3)}`;

function world(answers: Record<string, [string, string?][]>, durationMs = 60_000): FakeWorld {
  const dumps: Record<string, string> = {};
  for (const [workload, values] of Object.entries(answers)) {
    const q = workloadQueries(workload, durationMs);
    [q.totalRps, q.errorRps, q.p50, q.p90, q.p99].forEach((query, i) => (dumps[key(query)] = values[i]![1] ?? vector(values[i]![0] || undefined)));
  }
  return { now: NOW, pods: [runningPod('prometheus-7d8f', 'istio-system', { 'app.kubernetes.io/name': 'prometheus' })], dumps };
}

describe('mesh x metrics', () => {
  it('sends istioctl’s PromQL', () => {
    const q = workloadQueries('productpage-v1.bookinfo', 120_000);
    expect(q.totalRps).toBe(
      'sum(rate(istio_requests_total{destination_workload=~"productpage-v1.*", destination_workload_namespace=~"bookinfo.*",reporter="destination"}[2m0s]))',
    );
    expect(q.errorRps).toContain(',reporter="destination",response_code=~"[45][0-9]{2}"}[2m0s]))');
    expect(q.p99).toBe(
      'histogram_quantile(0.990000, sum(rate(istio_request_duration_milliseconds_bucket{destination_workload=~"productpage-v1.*", destination_workload_namespace=~"bookinfo.*",reporter="destination"}[2m0s])) by (le))',
    );
  });

  it("prints istioctl's right-aligned table, one line per workload", async () => {
    const w = world({
      'productpage-v1.bookinfo': [['12.3456'], ['0.5'], ['4.9'], ['1520.7'], ['65000']],
      'reviews-v1': [[''], [''], ['NaN'], ['NaN'], ['NaN']],
    });
    const r = await runWithWorld(['x', 'metrics', 'productpage-v1.bookinfo', 'reviews-v1'], w);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '                                  WORKLOAD    TOTAL RPS    ERROR RPS  P50 LATENCY  P90 LATENCY  P99 LATENCY\n' +
        '                   productpage-v1.bookinfo       12.346        0.500          4ms        1.52s         1m5s\n' +
        '                                reviews-v1        0.000        0.000            -            -            -\n',
    );
    const json = await runWithWorld(['x', 'm', 'reviews-v1', '-o', 'json'], w);
    expect(JSON.parse(json.stdout)).toEqual([{ workload: 'reviews-v1', totalRps: 0, errorRps: 0, p50LatencyMs: null, p90LatencyMs: null, p99LatencyMs: null }]);
  });

  it('queries over -d', async () => {
    const r = await runWithWorld(['x', 'metrics', 'ratings', '-d', '30s'], world({ ratings: [['1'], ['0'], ['1'], ['2'], ['3']] }, 30_000));
    expect(r.code).toBe(0);
    expect(r.ctx.requests[0]).toContain(encodeURIComponent('[30s]'));
  });

  it('says in one line that Prometheus is not installed', async () => {
    const r = await runWithWorld(['x', 'metrics', 'productpage-v1'], { pods: [] });
    expect(r.code).toBe(69);
    expect(r.stderr).toBe(
      'error: Prometheus is not installed in namespace istio-system: no running pod labelled app.kubernetes.io/name=prometheus or app=prometheus\n' +
        "hint: install Istio's addon (kubectl apply -f samples/addons/prometheus.yaml), or pass -i for the namespace it runs in\n",
    );
  });

  it('names the query Prometheus refused', async () => {
    const bad = JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' });
    const r = await runWithWorld(['x', 'metrics', 'ratings'], world({ ratings: [['1', bad], ['0'], ['1'], ['2'], ['3']] }));
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/^error: Prometheus refused 'sum\(rate\(istio_requests_total\{destination_workload=~"ratings\.\*".*: parse error\n$/);
  });

  it('needs a workload', async () => {
    const r = await runWithWorld(['x', 'metrics'], {});
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("missing required argument 'workload'");
  });
});
