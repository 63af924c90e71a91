// mesh x envoy-stats and mesh x authz check over the fake context (pods whose Envoy admin port answers from the
// world's dumps map), and authz check against istioctl's own test case, read from the Go module cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import { runningPod } from '../helpers/pods.js';
import { goRawStringAfter, istioModuleDir } from '../helpers/istio-module.js';

const statsJson = JSON.stringify({ stats: [{ name: 'server.live', value: 1 }] });
function world(): FakeWorld {
  return {
    pods: [
      runningPod('productpage-1', 'bookinfo', { app: 'productpage' }, { 'prometheus.io/port': '15020', 'prometheus.io/path': '/stats/prometheus' }),
      runningPod('reviews-1', 'bookinfo', { app: 'reviews' }),
      runningPod('reviews-2', 'bookinfo', { app: 'reviews' }),
    ],
    dumps: {
      'productpage-1.bookinfo:15000/stats': 'server.live: 1\nserver.uptime: 42\n',
      'productpage-1.bookinfo:15000/stats?format=json': statsJson,
      'productpage-1.bookinfo:15000/stats/prometheus': '# TYPE envoy_server_live gauge\nenvoy_server_live{} 1\n',
      'productpage-1.bookinfo:15020/stats/prometheus': 'app_requests 7\nenvoy_server_live{} 1\n',
      'productpage-1.bookinfo:15000/clusters': 'outbound|9080||reviews.bookinfo.svc.cluster.local::10.0.0.7:9080::cx_active::0\n',
      'reviews-1.bookinfo:15000/clusters?format=json': '{"cluster_statuses":[]}',
      'reviews-2.bookinfo:15000/clusters?format=json': '{"cluster_statuses":[{"name":"x"}]}',
      'reviews-1.bookinfo:15000/clusters': 'a::1\n',
      'reviews-2.bookinfo:15000/clusters': 'b::2',
    },
  };
}

describe('mesh x envoy-stats', () => {
  it.each([
    [['productpage-1.bookinfo'], 'server.live: 1\nserver.uptime: 42\n'],
    [['productpage-1', '-n', 'bookinfo', '-o', 'prom'], '# TYPE envoy_server_live gauge\nenvoy_server_live{} 1\n'],
    [['productpage-1.bookinfo', '-o', 'prom-merged'], 'app_requests 7\nenvoy_server_live{} 1\n'],
    [['productpage-1.bookinfo', '--type', 'clusters'], 'outbound|9080||reviews.bookinfo.svc.cluster.local::10.0.0.7:9080::cx_active::0\n'],
    [['productpage-1.bookinfo', '-o', 'yaml'], 'stats:\n- name: server.live\n  value: 1\n'],
  ])('%j prints what Envoy answered', async (args, out) => {
    const r = await runWithWorld(['x', 'envoy-stats', ...args], world());
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(out);
  });

  it("keeps Envoy's uint64 counters whole in -o json", async () => {
    const w = world();
    w.dumps!['productpage-1.bookinfo:15000/stats?format=json'] = '{"stats":[{"name":"c","value":18446744073709551615}]}';
    const r = await runWithWorld(['x', 'envoy-stats', 'productpage-1.bookinfo', '-o', 'json'], w);
    expect(r.stdout).toContain('"value": 18446744073709551615\n');
  });

  it("asks every pod of -l, each under istioctl's header (JSON: keyed by pod)", async () => {
    const r = await runWithWorld(['x', 'es', '-n', 'bookinfo', '-l', 'app=reviews', '-t', 'clusters'], world());
    expect(r.stdout).toBe('\nThe result of pod reviews-1:\n\na::1\n\nThe result of pod reviews-2:\n\nb::2\n');
    const json = await runWithWorld(['x', 'es', '-n', 'bookinfo', '-l', 'app=reviews', '-t', 'clusters', '-o', 'json'], world());
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(['reviews-1', 'reviews-2']);
  });

  it.each([
    [['x', 'envoy-stats'], 64, 'error: x envoy-stats needs a pod (<pod-name[.namespace]>) or --selector\n'],
    [['x', 'envoy-stats', 'productpage-1.bookinfo', '-t', 'clusters', '-o', 'prom'], 64, 'error: --type clusters prints short, json or yaml, not prom\n'],
    [['x', 'envoy-stats', 'ghost.bookinfo'], 69, 'error: pod ghost in namespace bookinfo not found\n'],
    [['x', 'envoy-stats', 'reviews-1.bookinfo'], 69, 'error: cannot reach port 15000 of pod reviews-1.bookinfo: connection refused\n'],
  ])('%j fails with exit %i', async (argv, code, message) => {
    const r = await runWithWorld(argv, world());
    expect(r.code).toBe(code);
    expect(r.stderr).toBe(message);
  });
});

/** A listener dump whose chains carry the RBAC filters of the policies given. */
function dumpWith(http: object[], tcp: object[] = []): string {
  const hcm = {
    name: 'envoy.filters.network.http_connection_manager',
    typed_config: { http_filters: http.map((c) => ({ name: 'envoy.filters.http.rbac', typed_config: c })) },
  };
  const chains = [{ filters: [hcm] }, { filters: tcp.map((c) => ({ name: 'envoy.filters.network.rbac', typed_config: c })) }];
  return JSON.stringify({
    configs: [
      { '@type': 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump', dynamic_listeners: [{ active_state: { listener: { filter_chains: chains } } }] },
    ],
  });
}

describe('mesh x authz check', () => {
  const dump = dumpWith(
    [
      { rules: { action: 'DENY', policies: { 'ns[shop]-policy[deny-admin]-rule[0]': {} } } },
      { rules: { policies: { 'ns[shop]-policy[allow-get]-rule[0]': {}, 'ns[shop]-policy[allow-get]-rule[1]': {} } } },
    ],
    [
      {
        rules: { action: 'LOG', policies: { 'ns[istio-system]-policy[audit]-rule[0]': {} } },
        shadow_rules: { policies: { 'istio-ext-authz-ns[shop]-policy[ext]-rule[0]': {} } },
      },
    ],
  );

  it('lists the policies of a pod by action, then name, with their rule counts', async () => {
    const w: FakeWorld = { pods: [runningPod('httpbin-1', 'shop')], dumps: { 'httpbin-1.shop:15000/config_dump': dump } };
    const r = await runWithWorld(['x', 'authz', 'check', 'httpbin-1.shop'], w);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'ACTION   AuthorizationPolicy   RULES\n' +
        'DENY     deny-admin.shop       1\n' +
        'ALLOW    allow-get.shop        2\n' +
        'LOG      audit.istio-system    1\n' +
        'CUSTOM   ext.shop              1\n',
    );
    const json = await runWithWorld(['x', 'authz', 'check', '-f', 'd.json', '-o', 'json'], { files: { 'd.json': dump } });
    expect(JSON.parse(json.stdout)[1]).toEqual({ action: 'ALLOW', policy: 'allow-get.shop', rules: 2 });
  });

  it.each([
    [['x', 'authz', 'check'], 64, 'error: x authz check needs either a pod (<pod-name[.namespace]>) or --file, got neither\n'],
    [['x', 'authz', 'check', '-f', 'missing.json'], 65, 'error: missing.json: no such file or directory\n'],
    [['x', 'authz', 'check', 'ghost'], 69, 'error: pod ghost in namespace default not found\n'],
  ])('%j fails with exit %i', async (argv, code, message) => {
    const r = await runWithWorld(argv, {});
    expect(r.code).toBe(code);
    expect(r.stderr).toBe(message);
  });

  const istio = istioModuleDir();
  it.skipIf(!istio)("prints istioctl's expected table for istioctl's own config dump (istioctl/pkg/authz testdata)", async () => {
    const dir = join(istio!, 'istioctl', 'pkg', 'authz');
    const expected = goRawStringAfter(readFileSync(join(dir, 'authz_test.go'), 'utf8'), '"testdata/configdump.yaml"},\n\t\t\tExpectedOutput:');
    const r = await runWithWorld(['x', 'authz', 'check', '-f', 'configdump.yaml'], {
      files: { 'configdump.yaml': readFileSync(join(dir, 'testdata', 'configdump.yaml'), 'utf8') },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });
});
