import { describe, expect, it } from 'vitest';
import { parseSyncz } from '../../../../src/core/proxy-status/syncz.js';
import { buildReport, outOfSync, proxyNamespace, syncState } from '../../../../src/core/proxy-status/status.js';
import { humanDuration, stateText } from '../../../../src/core/proxy-status/table.js';
import { renderTable } from '../../../../src/render/table.js';
import { compareTypes, shortType, TYPE_URL } from '../../../../src/core/proxy-status/types.js';
import { compareConfigDumps, normalizeKeys, parseConfigDump } from '../../../../src/core/proxy-status/compare.js';
import { comparisonReport } from '../../../../src/core/proxy-status/compare-report.js';
import { InputError } from '../../../../src/errors.js';
import { unifiedDiff } from '../../../../src/render/diff.js';

describe('syncState', () => {
  it.each([
    [{ typeUrl: 'x' }, 'NOT SENT'],
    [{ typeUrl: 'x', acked: 'a' }, 'NOT SENT'],
    [{ typeUrl: 'x', sent: 'a', acked: 'a' }, 'SYNCED'],
    [{ typeUrl: 'x', sent: 'b', acked: 'a' }, 'STALE'],
    [{ typeUrl: 'x', sent: 'b' }, 'STALE'],
    [{ typeUrl: 'x', sent: 'a', acked: 'a', lastError: 'nack' }, 'ERROR'],
  ])('%o is %s', (t, state) => expect(syncState(t)).toBe(state));
});

describe('parseSyncz', () => {
  it('reports non-JSON, non-lists and entries without a proxy ID as reasons', () => {
    expect(parseSyncz('<html>')).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    expect(parseSyncz('{"a":1}')).toEqual({ ok: false, reason: 'the answer is not a JSON list of proxies' });
    expect(parseSyncz('[{"proxy_type":"sidecar"}]')).toEqual({ ok: false, reason: 'entry 0 has no "proxy" ID' });
  });
  it('reads null and [] as no proxies', () => {
    expect(parseSyncz('null')).toEqual({ ok: true, entries: [] });
    expect(parseSyncz('[]')).toEqual({ ok: true, entries: [] });
  });
  it('prefers resources over the legacy per-type fields and drops Go zero times', () => {
    const r = parseSyncz(
      JSON.stringify([{ proxy: 'a.b', cluster_sent: 'old', resources: { [TYPE_URL.route]: { sent: '1', sentTime: '0001-01-01T00:00:00Z' } } }]),
    );
    expect(r).toEqual({ ok: true, entries: [{ proxy: 'a.b', types: [{ typeUrl: TYPE_URL.route, sent: '1' }] }] });
  });
});

describe('buildReport', () => {
  it('filters by the namespace after the last dot of the proxy ID and sorts by proxy then istiod', () => {
    const entries = [
      { proxy: 'z.ns1', types: [] },
      { proxy: 'a.b.ns1', types: [] },
      { proxy: 'c.ns2', types: [] },
    ];
    const report = buildReport(
      [
        { name: 'i2', namespace: 'istio-system', entries },
        { name: 'i1', namespace: 'istio-system', entries: [{ proxy: 'z.ns1', types: [] }] },
      ],
      { namespace: 'ns1' },
    );
    expect(report.proxies.map((p) => `${p.name}@${p.istiod}`)).toEqual(['a.b.ns1@i2', 'z.ns1@i1', 'z.ns1@i2']);
    expect(report.istiods).toEqual([
      { name: 'i1', namespace: 'istio-system', proxies: 1 },
      { name: 'i2', namespace: 'istio-system', proxies: 2 },
    ]);
    expect(proxyNamespace('pod.with.dots.ns')).toBe('ns');
  });
  it('counts proxies out of sync, ERROR before STALE', () => {
    const types = (s: Record<string, string>) => [{ typeUrl: TYPE_URL.cluster, ...s }];
    const report = buildReport([
      {
        name: 'i',
        namespace: 'n',
        entries: [
          { proxy: 'a.x', types: types({ sent: '1', acked: '1' }) },
          { proxy: 'b.x', types: types({ sent: '2', acked: '1' }) },
          { proxy: 'c.x', types: [...types({ sent: '2', acked: '1' }), { typeUrl: TYPE_URL.listener, sent: '1', lastError: 'bad' }] },
        ],
      },
    ]);
    expect(outOfSync(report)).toEqual({ stale: 1, error: 1 });
  });
});

describe('types', () => {
  it('puts CDS, LDS, EDS, RDS first, then the rest by URL; unknown types keep their URL', () => {
    const urls = [TYPE_URL.secret, TYPE_URL.route, 'type.googleapis.com/a.Custom', TYPE_URL.cluster, TYPE_URL.endpoint, TYPE_URL.listener];
    expect(urls.sort(compareTypes).map(shortType)).toEqual(['CDS', 'LDS', 'EDS', 'RDS', 'type.googleapis.com/a.Custom', 'SDS']);
  });
});

describe('table', () => {
  it('pads every column but the last to its widest cell plus 5 spaces, like Go tabwriter', () => {
    expect(renderTable(['A', 'BB', 'C'], [['long', '', 'x']])).toBe('A        BB     C\nlong            x\n');
  });
  it('colours cells after measuring them', () => {
    expect(renderTable([], [[{ text: 'ab', style: 'broken' }, 'c']], { color: true, noHeader: true })).toBe('\x1b[31mab\x1b[0m     c\n');
  });
  it.each([
    [0, '0s'],
    [-1500, '0s'],
    [-2500, '<invalid>'],
    [119_000, '119s'],
    [120_000, '2m'],
    [150_000, '2m30s'],
    [600_000, '10m'],
    [179 * 60_000, '179m'],
    [3 * 3_600_000, '3h'],
    [7.5 * 3_600_000, '7h30m'],
    [47 * 3_600_000, '47h'],
    [50 * 3_600_000, '2d2h'],
    [10 * 86_400_000, '10d'],
    [800 * 86_400_000, '2y70d'],
    [9 * 365 * 86_400_000, '9y'],
  ])('humanDuration(%d) = %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
  it('dates a state by its last send, never NOT SENT', () => {
    expect(stateText({ type: 'CDS', typeUrl: 'x', status: 'SYNCED', lastSent: '2026-01-01T00:00:00Z' }, Date.parse('2026-01-01T00:00:45Z'))).toBe(
      'SYNCED (45s)',
    );
    expect(stateText({ type: 'CDS', typeUrl: 'x', status: 'NOT SENT', lastSent: '2026-01-01T00:00:00Z' }, 0)).toBe('NOT SENT');
  });
});

describe('config dump comparison', () => {
  it('camelCases snake_case keys and sorts keys, leaving dotted map keys alone', () => {
    expect(normalizeKeys({ version_info: 1, b: { 'envoy.filters.http.router': { max_ejection_percent: 2 } }, a: [{ port_value: 3 }] })).toEqual({
      a: [{ portValue: 3 }],
      b: { 'envoy.filters.http.router': { maxEjectionPercent: 2 } },
      versionInfo: 1,
    });
    expect(Object.keys(normalizeKeys({ z: 1, a: 2 }) as object)).toEqual(['a', 'z']);
  });
  it('rejects what is not a config dump with an InputError naming the origin', () => {
    expect(() => parseConfigDump('nope', 'dump.json')).toThrow(InputError);
    expect(() => parseConfigDump('{"foo": []}', 'dump.json')).toThrow('dump.json: not an Envoy config dump (no "configs" list)');
  });
  it('ignores versions, timestamps, draining listeners and entry order', () => {
    const cluster = (name: string, extra = {}) => ({ cluster: { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', name, ...extra } });
    const istiod = [{ '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump', dynamicActiveClusters: [cluster('a'), cluster('b')] }];
    const envoy = [
      {
        '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
        dynamicActiveClusters: [{ ...cluster('b'), versionInfo: 'v2', lastUpdated: 'x' }, cluster('a')],
      },
    ];
    const c = compareConfigDumps(istiod, envoy);
    expect(c.sections.map((s) => [s.name, s.match])).toEqual([
      ['Clusters', true],
      ['Listeners', true],
      ['Routes', true],
    ]);
    const changed = compareConfigDumps(istiod, [{ '@type': istiod[0]!['@type'], dynamicActiveClusters: [cluster('a', { type: 'EDS' }), cluster('b')] }]);
    const report = comparisonReport(changed, 'p.ns', 'istiod-1', (a, b) => (a === b ? '' : 'DIFF'));
    expect(report).toEqual({
      proxy: 'p.ns',
      istiod: 'istiod-1',
      match: false,
      sections: [
        { name: 'Clusters', match: false, diff: 'DIFF' },
        { name: 'Listeners', match: true },
        { name: 'Routes', match: true },
      ],
    });
  });
});

describe('the diff proxy-status prints', () => {
  it("diffs with 7 lines of context and istioctl's labels", () => {
    const a = `${Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n')}\n`;
    const patch = unifiedDiff(a, a.replace('l10\n', 'L10\n'), 'Istiod Routes', 'Envoy Routes', false, 7, 10_000);
    expect(patch.split('\n').slice(0, 3)).toEqual(['--- Istiod Routes', '+++ Envoy Routes', '@@ -4,15 +4,15 @@']);
  });
  it('gives up with a note instead of running for minutes on texts too different to diff', () => {
    const text = (seed: number) => `${Array.from({ length: 3000 }, (_, i) => `"k": "${seed}-${(i * 7919 + seed) % 3000}"`).join('\n')}\n`;
    expect(unifiedDiff(text(1), text(2), 'Istiod Clusters', 'Envoy Clusters', false, 7, 1)).toBe(
      '--- Istiod Clusters\n+++ Envoy Clusters\n@@ too different to diff within 0.001s (3000 lines against 3000) @@\n',
    );
  });
});
