import { describe, expect, it } from 'vitest';
import { formatGoDuration } from '../../../../src/core/duration.js';
import { latencyMs, vectorValue } from '../../../../src/core/metrics/queries.js';
import { statsRequest } from '../../../../src/core/proxy-config/stats.js';

describe("Go's duration format", () => {
  it.each([
    [0, '0s'],
    [999, '999ms'],
    [1000, '1s'],
    [1001, '1.001s'],
    [1520, '1.52s'],
    [60_000, '1m0s'],
    [65_000, '1m5s'],
    [3_723_500, '1h2m3.5s'],
    [3_600_000, '1h0m0s'],
    [-1500, '-1.5s'],
  ])('%i ms is %s', (ms, text) => expect(formatGoDuration(ms)).toBe(text));
});

describe('Prometheus answers', () => {
  it('takes the first sample of a vector, 0 for none, NaN as NaN', () => {
    const v = (result: unknown[]) => JSON.stringify({ status: 'success', data: { resultType: 'vector', result } });
    expect(vectorValue(v([{ value: [1, '2.5'] }, { value: [1, '9'] }]), 'q')).toBe(2.5);
    expect(vectorValue(v([]), 'q')).toBe(0);
    expect(Number.isNaN(vectorValue(v([{ value: [1, 'NaN'] }]), 'q'))).toBe(true);
    expect(latencyMs(12.9)).toBe(12);
  });

  it('names the query for anything else', () => {
    expect(() => vectorValue('{"status":"success","data":{"resultType":"matrix","result":[]}}', 'up')).toThrow(
      "Prometheus answered 'up' with a matrix result, not a vector",
    );
    expect(() => vectorValue('<html>', 'up')).toThrow('not JSON');
  });
});

describe('envoy-stats requests', () => {
  it("finds the merged metrics from the pod's annotations, with istioctl's defaults", () => {
    expect(statsRequest('server', 'prom-merged', {})).toEqual({ port: 9090, path: '/metrics' });
    expect(statsRequest('server', 'prom-merged', { 'prometheus.io/port': '15020', 'prometheus.io/path': '/stats/prometheus' })).toEqual({
      port: 15020,
      path: '/stats/prometheus',
    });
    expect(() => statsRequest('server', 'prom-merged', { 'prometheus.io/port': 'http' })).toThrow('is not a port');
    expect(statsRequest('cluster', 'yaml')).toEqual({ path: '/clusters?format=json' });
  });
});
