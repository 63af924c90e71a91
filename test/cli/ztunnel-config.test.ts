/**
 * `mesh ztunnel-config` against a fake cluster (test/helpers/fake-context.ts): which ztunnel it asks (daemonset,
 * --node, a ztunnel or a workload pod), what it asks (GET /config_dump, POST /logging), the workload filter a
 * workload pod argument implies, and the one-line errors of a node without ztunnel or a missing daemonset.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import type { PodInfo } from '../../src/core/model/pods.js';
import type { KubeObject } from '../../src/core/yaml/load.js';

const dump = readFileSync(new URL('../fixtures/ztunnel/ambient.config_dump.json', import.meta.url), 'utf8');
const golden = (name: string) => readFileSync(new URL(`../golden/ztunnel-config/${name}`, import.meta.url), 'utf8');

const pod = (name: string, namespace: string, nodeName: string, labels: Record<string, string>): PodInfo => ({
  name,
  namespace,
  labels,
  annotations: {},
  phase: 'Running',
  ready: true,
  creationTimestamp: '2026-11-01T00:00:00Z',
  nodeName,
});
const daemonset: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'ztunnel', namespace: 'istio-system' },
  spec: { selector: { matchLabels: { app: 'ztunnel' } } },
};
const ztunnels = [pod('ztunnel-n5bg2', 'istio-system', 'worker-1', { app: 'ztunnel' }), pod('ztunnel-qk2pp', 'istio-system', 'worker-2', { app: 'ztunnel' })];
const workloads = [
  pod('productpage-v1-675fc69cf-jscn2', 'bookinfo', 'worker-1', { app: 'productpage' }),
  pod('sleep-7656cf8794-lxcmx', 'default', 'worker-2', { app: 'sleep' }),
  pod('pending-0', 'default', '', { app: 'pending' }),
  pod('on-worker-9', 'default', 'worker-9', { app: 'x' }),
];
const world = (extra: FakeWorld = {}): FakeWorld => ({
  objects: [daemonset],
  pods: [...ztunnels, ...workloads],
  dumps: { 'ztunnel-n5bg2.istio-system:15000/config_dump': dump, 'ztunnel-qk2pp.istio-system:15000/config_dump': dump },
  ...extra,
});

describe('mesh ztunnel-config on a cluster', () => {
  it('asks a ztunnel of daemonset/ztunnel for its /config_dump and prints what it prints for the file', async () => {
    const r = await runWithWorld(['zc', 'workload'], world());
    expect(r).toMatchObject({ code: 0, stdout: golden('workload.out.txt'), stderr: '' });
    expect(r.ctx.requests).toEqual(['GET ztunnel-n5bg2.istio-system:15000/config_dump']);
  });

  it('asks the ztunnel on --node, on --proxy-admin-port', async () => {
    const r = await runWithWorld(
      ['zc', 'svc', '--node', 'worker-2', '--proxy-admin-port', '15099'],
      world({ dumps: { 'ztunnel-qk2pp.istio-system:15099/config_dump': dump } }),
    );
    expect(r).toMatchObject({ code: 0, stdout: golden('service.out.txt') });
    expect(r.ctx.requests).toEqual(['GET ztunnel-qk2pp.istio-system:15099/config_dump']);
  });

  it('asks a ztunnel named as a pod (the namespace defaults to the Istio namespace)', async () => {
    const r = await runWithWorld(['zc', 'policies', 'ztunnel-qk2pp'], world());
    expect(r).toMatchObject({ code: 0, stdout: golden('policy.out.txt') });
    expect(r.ctx.requests).toEqual(['GET ztunnel-qk2pp.istio-system:15000/config_dump']);
  });

  it("resolves a workload pod to the ztunnel of its node and shows only that workload's rows", async () => {
    const r = await runWithWorld(['zc', 'workload', 'productpage-v1-675fc69cf-jscn2.bookinfo'], world());
    expect(r.ctx.requests).toEqual(['GET ztunnel-n5bg2.istio-system:15000/config_dump']);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'NAMESPACE POD NAME                       ADDRESS     NODE     WAYPOINT PROTOCOL',
      'bookinfo  productpage-v1-675fc69cf-jscn2 10.244.1.11 worker-1 waypoint HBONE',
    ]);
    const cons = await runWithWorld(['zc', 'cons', 'sleep-7656cf8794-lxcmx', '-n', 'default', '--raw'], world());
    expect(cons.ctx.requests).toEqual(['GET ztunnel-qk2pp.istio-system:15000/config_dump']);
    expect(cons.stdout.split('\n').filter(Boolean).slice(1)).toHaveLength(2);
    expect(cons.stdout).not.toMatch(/productpage/);
  });

  it('refuses to pick one of several ztunnels for certificates and connections', async () => {
    const r = await runWithWorld(['zc', 'certificate'], world());
    expect(r).toMatchObject({ code: 64, stdout: '' });
    expect(r.stderr).toBe(
      'error: ztunnel pod name or --node must be set: this differs from one ztunnel to the next\nhint: ztunnels run on: worker-1 (ztunnel-n5bg2), worker-2 (ztunnel-qk2pp)\n',
    );
    expect(r.ctx.requests).toEqual([]);
  });

  it.each([
    [['zc', 'w', '--node', 'worker-7'], 'error: no ztunnel pod on node worker-7\nhint: daemonset/ztunnel in istio-system has pods on: worker-1, worker-2\n'],
    [
      ['zc', 'w', 'on-worker-9.default'],
      'error: no ztunnel pod on node worker-9 (the node of pod on-worker-9.default)\nhint: daemonset/ztunnel in istio-system has pods on: worker-1, worker-2\n',
    ],
    [['zc', 'w', 'pending-0.default'], 'error: pod pending-0.default is not scheduled to a node\n'],
    [['zc', 'w', 'nope.default'], 'error: pod nope in namespace default not found\n'],
  ])('says in one line why %j has no ztunnel (exit 69)', async (argv, stderr) => {
    expect(await runWithWorld(argv, world())).toMatchObject({ code: 69, stdout: '', stderr });
  });

  it('says when there is no ztunnel daemonset (not an ambient install)', async () => {
    const r = await runWithWorld(['zc', 'all'], world({ objects: [] }));
    expect(r).toMatchObject({ code: 69, stdout: '' });
    expect(r.stderr).toMatch(/^error: no ztunnel in namespace istio-system: daemonset\/ztunnel not found\nhint: ztunnel runs with the ambient profile/);
  });

  it('names the ztunnel whose answer is not a ztunnel dump', async () => {
    const r = await runWithWorld(['zc', 'w', '--node', 'worker-1'], world({ dumps: { 'ztunnel-n5bg2.istio-system:15000/config_dump': '{"configs": []}' } }));
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: \/config_dump of ztunnel-n5bg2\.istio-system: this is an Envoy config dump/);
  });

  describe('log', () => {
    const logging = (query: string, answer = 'current log level is info\n') => ({
      [`ztunnel-n5bg2.istio-system:15000/logging?${query}`]: answer,
      [`ztunnel-qk2pp.istio-system:15000/logging?${query}`]: answer,
    });

    it('shows the levels of every ztunnel', async () => {
      const r = await runWithWorld(['zc', 'log'], world({ dumps: logging('level=') }));
      expect(r).toMatchObject({
        code: 0,
        stdout: 'ztunnel-n5bg2.istio-system:\ncurrent log level is info\n\nztunnel-qk2pp.istio-system:\ncurrent log level is info\n\n',
      });
      expect(r.ctx.requests).toEqual(['POST ztunnel-n5bg2.istio-system:15000/logging?level=', 'POST ztunnel-qk2pp.istio-system:15000/logging?level=']);
    });

    it("sends the levels in ztunnel's spelling, and --reset as istioctl does", async () => {
      const one = await runWithWorld(['zc', 'log', 'ztunnel-qk2pp', '--level', 'warning'], world({ dumps: logging('level=warn') }));
      expect(one.ctx.requests).toEqual(['POST ztunnel-qk2pp.istio-system:15000/logging?level=warn']);
      const some = await runWithWorld(
        ['zc', 'log', '--node', 'worker-1', '--level', 'access:debug,info'],
        world({ dumps: logging('level=access:debug,info') }),
      );
      expect(some.ctx.requests).toEqual(['POST ztunnel-n5bg2.istio-system:15000/logging?level=access:debug,info']);
      const reset = await runWithWorld(['zc', 'log', 'ztunnel-qk2pp', '-r'], world({ dumps: logging('level=info&reset') }));
      expect(reset).toMatchObject({ code: 0, stderr: 'log level reset; using default value "info" for ztunnel\n' });
    });

    it.each([
      [['zc', 'log', '--level', 'loud'], 'error: unrecognized logging level: loud\n'],
      [['zc', 'log', '--level', 'access:loud'], 'error: unrecognized logging level: loud\n'],
      [['zc', 'log', '--level', 'info', '-r'], 'error: --level cannot be combined with --reset\n'],
      [['zc', 'log', '-o', 'json'], 'error: --output is not applicable for this command\n'],
      [
        ['zc', 'log', 'productpage-v1-675fc69cf-jscn2.bookinfo'],
        'error: ztunnel-config log is only supported by ztunnel proxies: productpage-v1-675fc69cf-jscn2.bookinfo is not one\n',
      ],
    ])('refuses %j before changing anything (exit 64)', async (argv, stderr) => {
      const r = await runWithWorld(argv, world({ dumps: logging('level=') }));
      expect(r).toMatchObject({ code: 64, stdout: '', stderr });
      expect(r.ctx.requests).toEqual([]);
    });

    it('goes on past a ztunnel that does not answer, then fails naming it', async () => {
      const r = await runWithWorld(['zc', 'log', '--level', 'debug'], world({ dumps: { 'ztunnel-qk2pp.istio-system:15000/logging?level=debug': 'ok\n' } }));
      expect(r.code).toBe(69);
      expect(r.stdout).toBe('ztunnel-qk2pp.istio-system:\nok\n\n');
      expect(r.stderr).toBe('error: ztunnel-n5bg2.istio-system: cannot reach port 15000 of pod ztunnel-n5bg2.istio-system: connection refused\n');
    });
  });
});
