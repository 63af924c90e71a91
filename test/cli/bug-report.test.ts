/** `mesh bug-report` over the fake context: what goes into the archive, what is redacted, what is left out and why. */
import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import { untar } from '../helpers/untar.js';
import type { KubeObject } from '../../src/core/yaml/load.js';

function pod(namespace: string, name: string, containers: string[], labels: Record<string, string> = {}, owner?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels,
      ...(owner ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner }] } : {}),
    } as KubeObject['metadata'],
    spec: { containers: containers.map((c) => ({ name: c, image: c === 'istio-proxy' ? 'docker.io/istio/proxyv2:1.30.3' : `example/${c}:1` })) },
    status: { phase: 'Running' },
  };
}

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUabc\n-----END CERTIFICATE-----';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

const world = (extra: FakeWorld = {}): FakeWorld => ({
  interrupt: 'never',
  objects: [
    pod('istio-system', 'istiod-1', ['discovery'], { app: 'istiod', 'pod-template-hash': 'abc12' }, 'istiod-abc12'),
    pod('shop', 'web-1', ['web', 'istio-proxy'], { app: 'web', 'pod-template-hash': 'x9y8z' }, 'web-x9y8z'),
    pod('shop', 'db-1', ['db', 'istio-proxy'], { app: 'db' }),
    pod('kube-system', 'coredns-1', ['coredns', 'istio-proxy'], { app: 'coredns' }),
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, status: { nodeInfo: { kubeletVersion: 'v1.34.2', osImage: 'Debian' } } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cacerts', namespace: 'istio-system' }, data: { 'ca-key.pem': 'c2VjcmV0' } },
    { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'web', namespace: 'shop' }, spec: { hosts: ['web'] } },
  ],
  logs: {
    'istiod-1.istio-system/discovery': `2026-12-01T00:00:00Z info ads starting\nissued token ${JWT}\n`,
    'web-1.shop/istio-proxy': `envoy ready\nloaded cert\n${PEM}\n`,
  },
  dumps: {
    'istiod-1.istio-system:15014/debug/syncz': '[]',
    'web-1.shop:15000/config_dump?include_eds':
      '{"configs":[{"dynamic_active_secrets":[{"secret":{"tls_certificate":{"private_key":{"inline_bytes":"c2VjcmV0IGtleQ=="}}}}]}]}',
  },
  ...extra,
});

async function archive(r: Awaited<ReturnType<typeof runWithWorld>>): Promise<Map<string, string>> {
  const bytes = r.ctx.streamed.get('./bug-report.tar.gz');
  expect(bytes, r.stderr).toBeDefined();
  return untar(bytes!);
}

describe('mesh bug-report', () => {
  it('archives versions, resources, logs, dumps and debug endpoints, redacted, with a summary', async () => {
    const r = await runWithWorld(['bug-report'], world());
    expect(r.code, r.stderr).toBe(0);
    const files = await archive(r);
    const names = [...files.keys()];
    expect(names).toContain('bug-report/versions.txt');
    expect(files.get('bug-report/versions.txt')).toMatch(/Kubernetes: v1\.34\.2[\s\S]*node-1: kubelet v1\.34\.2[\s\S]*docker\.io\/istio\/proxyv2:1\.30\.3: 3/);
    expect(names).toContain('bug-report/resources/VirtualService.yaml');
    expect(names).toContain('bug-report/analyze/analyze.txt');
    expect(names).toContain('bug-report/istio/istio-system/istiod-1/discovery.log');
    expect(names).toContain('bug-report/istio/istio-system/istiod-1/debug/syncz');
    expect(names).toContain('bug-report/proxies/shop/web-1/istio-proxy.log');
    expect(names).toContain('bug-report/proxies/shop/web-1/config_dump');
    expect(names).toContain('bug-report/summary.json');
    // Secrets are never read; keys, tokens and certificates are redacted wherever they appear.
    expect(names.some((n) => n.includes('Secret'))).toBe(false);
    const all = [...files.values()].join('\n');
    expect(all).not.toContain('c2VjcmV0');
    expect(all).not.toContain(JWT);
    expect(all).not.toContain('MIIBszCCAVmgAwIBAgIUabc');
    expect(files.get('bug-report/proxies/shop/web-1/istio-proxy.log')).toBe(
      'envoy ready\nloaded cert\n-----BEGIN CERTIFICATE-----\n<redacted>\n-----END CERTIFICATE-----\n',
    );
    // kube-system is never collected; application containers are not either.
    expect(names.some((n) => n.includes('coredns'))).toBe(false);
    expect(r.ctx.logRequests.some((l) => l.startsWith('web-1.shop/web '))).toBe(false);
    expect(r.stdout).toMatch(
      /^Wrote \.\/bug-report\.tar\.gz: \d+ entries, .* \d+ values redacted\nCollected from 4 pods: 1 istiod, 2 proxy, 0 ztunnel, 0 cni\n/,
    );
  });

  it('lists what it could not collect, with the reason (logs of pods on a node without a kubelet)', async () => {
    const r = await runWithWorld(['bug-report', '-o', 'json'], world());
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { leftOut: { what: string; reason: string }[] };
    expect(summary.leftOut).toContainEqual({
      what: 'proxies/shop/db-1/istio-proxy.log',
      reason: 'cannot read the log of container istio-proxy of pod db-1.shop: HTTP 502: no kubelet on the node',
    });
    expect(summary.leftOut.find((l) => l.what === 'proxies/shop/db-1/config_dump')?.reason).toMatch(/connection refused/);
    const inArchive = JSON.parse((await archive(r)).get('bug-report/summary.json')!) as { leftOut: unknown[] };
    expect(inArchive.leftOut).toEqual(summary.leftOut);
  });

  it('--include selects proxies in istioctl syntax; istiod is always collected', async () => {
    const r = await runWithWorld(['bug-report', '--include', 'shop/web', '--skip-proxy-debug', '--dry-run', '-o', 'json'], world());
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { tasks: string[] };
    expect(plan.tasks.filter((t) => t.startsWith('proxies/'))).toEqual(['proxies/shop/web-1/istio-proxy.log']);
    expect(plan.tasks).toContain('istio/istio-system/istiod-1/discovery.log');
    expect(r.ctx.streamed.size).toBe(0);
  });

  it('--exclude leaves pods out by label glob', async () => {
    const r = await runWithWorld(['bug-report', '--exclude', '///app=d*', '--dry-run', '-o', 'json'], world());
    const plan = JSON.parse(r.stdout) as { tasks: string[] };
    expect(plan.tasks.some((t) => t.includes('db-1'))).toBe(false);
    expect(plan.tasks.some((t) => t.includes('web-1'))).toBe(true);
  });

  it('passes --duration and --tail to the log reads', async () => {
    const r = await runWithWorld(['bug-report', '--duration', '30m', '--tail', '100'], world());
    expect(r.code).toBe(0);
    expect(r.ctx.logRequests).toContain('web-1.shop/istio-proxy {"sinceSeconds":1800,"tailLines":100}');
  });

  it('says when no istiod runs in the Istio namespace', async () => {
    const r = await runWithWorld(['bug-report', '-i', 'mesh-system'], world());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('istio/mesh-system: no istiod pods (app=istiod) in namespace mesh-system');
  });

  it('archives what was gathered when interrupted, and exits 130', async () => {
    const r = await runWithWorld(['bug-report', '-o', 'json'], world({ interrupt: 'now' }));
    expect(r.code).toBe(130);
    const summary = JSON.parse(r.stdout) as { interrupted: string; leftOut: { reason: string }[] };
    expect(summary.interrupted).toBe('SIGINT');
    expect(summary.leftOut.some((l) => /interrupted \(SIGINT\)/.test(l.reason))).toBe(true);
    expect((await archive(r)).has('bug-report/versions.txt')).toBe(true);
  });

  it.each([
    [['--duration', '1h', '--since', '1h'], '--duration and --since say the same thing'],
    [['--include', 'a/b/c/d=e/f/g/h'], 'bad selection spec'],
    [['--include', '///l*=v'], "key cannot have '*' wildcards"],
    [['--start-time', 'yesterday'], '--start-time: bad time'],
  ])('rejects %j with one line and exit 64', async (args, message) => {
    const r = await runWithWorld(['bug-report', ...args], world());
    expect(r.code).toBe(64);
    expect(r.stderr.split('\n')[0]).toContain(message);
  });

  it('exits 69 with one line without a cluster', async () => {
    const r = await runWithWorld(['bug-report'], { noCluster: true });
    expect(r.code).toBe(69);
    expect(r.stderr.split('\n')[0]).toMatch(/^error: /);
  });
});

describe('mesh bug-report summary text', () => {
  it('counts the entries left out for one reason past the first few', async () => {
    const pods = Array.from({ length: 8 }, (_, i) => pod('shop', `app-${i}`, ['istio-proxy'], { app: 'a' }));
    const r = await runWithWorld(['bug-report', '--skip-proxy-debug', '--skip-cluster-dump', '--rq-concurrency', '1'], { interrupt: 'now', objects: pods });
    expect(r.code).toBe(130);
    const lines = r.stdout.split('\n').filter((l) => l.includes('not started: interrupted (SIGINT)'));
    expect(lines).toEqual([
      '  proxies/shop/app-1/istio-proxy.log: not started: interrupted (SIGINT)',
      '  proxies/shop/app-2/istio-proxy.log: not started: interrupted (SIGINT)',
      '  proxies/shop/app-3/istio-proxy.log: not started: interrupted (SIGINT)',
      '  ... and 4 more: not started: interrupted (SIGINT) (all in summary.json)',
    ]);
  });
});
