/**
 * `x workload group create` and `x workload entry configure` against istioctl's own cases: the inputs and goldens of
 * istioctl/pkg/workload/testdata, read from the Go module cache at test time, through the fake context.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWithWorld } from '../helpers/fake-context.js';
import { istioModuleAvailable, istioPath } from '../helpers/istio-module.js';
import type { KubeObject } from '../../src/core/yaml/load.js';

const ISTIO = istioPath('istioctl', 'pkg', 'workload', 'testdata');
const have = istioModuleAvailable && existsSync(ISTIO);

const cm = (namespace: string, name: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});

describe('mesh x workload group create', () => {
  it("prints istioctl's minimal WorkloadGroup", async () => {
    const r = await runWithWorld(['x', 'workload', 'group', 'create', '--name', 'foo', '-n', 'bar']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'apiVersion: networking.istio.io/v1\nkind: WorkloadGroup\nmetadata:\n  name: foo\n  namespace: bar\nspec:\n  metadata: {}\n  template:\n    serviceAccount: default\n',
    );
  });

  it.each([['experimental'], ['exp']])('prints the full one with short flags, under the alias %s', async (alias) => {
    const r = await runWithWorld([
      alias,
      'workload',
      'group',
      'create',
      '--name',
      'foo',
      '-n',
      'bar',
      '-l',
      'app=foo,bar=baz',
      '-p',
      'grpc=3550,http=8080',
      '-a',
      'annotation=foobar',
      '--serviceAccount',
      'test',
      '--weight',
      '100',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'apiVersion: networking.istio.io/v1\nkind: WorkloadGroup\nmetadata:\n  name: foo\n  namespace: bar\nspec:\n  metadata:\n    annotations:\n      annotation: foobar\n    labels:\n      app: foo\n      bar: baz\n  template:\n    ports:\n      grpc: 3550\n      http: 8080\n    serviceAccount: test\n    weight: 100\n',
    );
  });

  it.each([
    [['--name', 'foo'], 'error: expecting a workload namespace'],
    [['-n', 'bar'], 'error: expecting a workload name'],
  ])('%j is a usage error', async (args, line) => {
    const r = await runWithWorld(['x', 'workload', 'group', 'create', ...args]);
    expect(r.code).toBe(64);
    expect(r.stderr.split('\n')[0]).toBe(line);
  });
});

describe.skipIf(!have)("mesh x workload entry configure on istioctl's testdata", () => {
  const cases = have
    ? [
        ...readdirSync(join(ISTIO, 'vmconfig')).map((d) => ({ dir: join(ISTIO, 'vmconfig', d), name: d, revision: 'rev-1' })),
        { dir: join(ISTIO, 'vmconfig-nil-proxy-metadata'), name: 'nil-proxy-metadata', revision: '' },
      ]
    : [];
  const ips: Record<string, [string, string | undefined]> = {
    ipv4: ['10.10.10.10', '10.10.10.11'],
    ipv6: ['fd00:10:96::1', 'fd00:10:96::2'],
    'nil-proxy-metadata': ['10.10.10.10', undefined],
  };

  it.each(cases)("$name: each file equals istioctl's golden", async ({ dir, name, revision }) => {
    const [internal, ingress] = ips[name]!;
    const meshFile = join(dir, 'meshconfig.yaml');
    const world = {
      objects: [
        cm('bar', 'istio-ca-root-cert', { 'root-cert.pem': 'fake-CA-cert' }),
        cm('istio-system', revision ? `istio-${revision}` : 'istio', { mesh: existsSync(meshFile) ? readFileSync(meshFile, 'utf8') : 'defaultConfig: {}' }),
      ],
      files: { 'wg.yaml': readFileSync(join(dir, 'workloadgroup.yaml'), 'utf8') },
      tokens: { 'bar/vm-serviceaccount': '' },
    };
    const args = ['x', 'workload', 'entry', 'configure', '-f', 'wg.yaml', '--internalIP', internal, '--clusterID', 'Kubernetes', '-o', 'out'];
    if (ingress) args.push('--ingressIP', ingress);
    if (revision) args.push('--revision', revision);
    const r = await runWithWorld(args, world);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Configuration generation into directory out was successful\n');
    for (const file of ['cluster.env', 'hosts', 'istio-token', 'mesh.yaml', 'root-cert.pem']) {
      expect(r.ctx.written.get(`out/${file}`), file).toBe(readFileSync(join(dir, `${file}.golden`), 'utf8'));
    }
  });

  it('without --clusterID and without the injector ConfigMap, says which flag to pass (exit 69)', async () => {
    const r = await runWithWorld(['x', 'workload', 'entry', 'configure', '-f', 'wg.yaml', '-o', 'out'], {
      files: { 'wg.yaml': readFileSync(join(ISTIO, 'vmconfig-nil-proxy-metadata', 'workloadgroup.yaml'), 'utf8') },
    });
    expect(r.code).toBe(69);
    expect(r.stderr.split('\n')[0]).toBe('error: failed to automatically determine the --clusterID: ConfigMap istio-system/istio-sidecar-injector not found');
  });

  it.each([
    [['--name', 'foo', '-o', 'temp'], 'error: expecting a WorkloadGroup artifact file or the name and namespace of an existing WorkloadGroup'],
    [['-f', 'file'], 'error: expecting an output directory'],
    [['-f', 'file', '-o', 'd', '--internalIP', '1.1.1.1', '--externalIP', '2.2.2.2'], 'error: the flags --internalIP and --externalIP are mutually exclusive'],
  ])('%j is a usage error', async (args, line) => {
    const r = await runWithWorld(['x', 'workload', 'entry', 'configure', ...args]);
    expect(r.code).toBe(64);
    expect(r.stderr.split('\n')[0]).toBe(line);
  });
});

describe('mesh x workload entry configure from the cluster', () => {
  const group: KubeObject = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'WorkloadGroup',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { metadata: { labels: { app: 'web', version: 'v2' } }, template: { ports: { http: 8080, grpc: 9090 }, serviceAccount: 'web', network: 'vm-net' } },
  };
  const objects = (): KubeObject[] => [
    group,
    cm('shop', 'istio-ca-root-cert', { 'root-cert.pem': 'ROOT' }),
    cm('istio-system', 'istio', { mesh: 'trustDomain: example.org\ndefaultConfig:\n  meshId: m1\n  statusPort: 15999\n' }),
    cm('istio-system', 'istio-sidecar-injector', { values: JSON.stringify({ global: { multiCluster: { clusterName: 'east' } } }) }),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'istio-eastwestgateway', namespace: 'istio-system' },
      spec: {},
      status: { loadBalancer: { ingress: [{ ip: '192.0.2.7' }] } },
    },
  ];

  it('reads the group, the cluster ID, the gateway address and a token from the cluster', async () => {
    const r = await runWithWorld(['x', 'workload', 'entry', 'configure', '--name', 'web', '-n', 'shop', '-o', 'vm'], {
      objects: objects(),
      tokens: { 'shop/web': 'TOKEN' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.ctx.written.get('vm/hosts')).toBe('192.0.2.7 istiod.istio-system.svc\n');
    expect(r.ctx.written.get('vm/istio-token')).toBe('TOKEN');
    expect(r.ctx.written.get('vm/root-cert.pem')).toBe('ROOT');
    const env = r.ctx.written.get('vm/cluster.env')!;
    expect(env).toContain("ISTIO_INBOUND_PORTS='8080,9090'\n");
    expect(env).toContain("ISTIO_LOCAL_EXCLUDE_PORTS='22,15090,15021,15999'\n");
    expect(env).toContain("ISTIO_META_CLUSTER_ID='east'\n");
    expect(env).toContain('ISTIO_META_POD_PORTS=\'[{"name":"grpc","containerPort":9090,"protocol":""},{"name":"http","containerPort":8080,"protocol":""}]\'\n');
    expect(env).toContain("CANONICAL_REVISION='v2'\nCANONICAL_SERVICE='web'\n");
    expect(env).not.toContain('CA_ADDR');
    const mesh = r.ctx.written.get('vm/mesh.yaml')!;
    expect(mesh).toContain('  meshId: m1\n');
    expect(mesh).toContain('    TRUST_DOMAIN: example.org\n');
    expect(mesh).toContain('    ISTIO_META_NETWORK: vm-net\n');
    expect(r.stderr).toContain('Warning: a security token for namespace "shop" and service account "web" has been generated and stored at "vm/istio-token"');
  });

  it('names a WorkloadGroup that is not there (exit 69)', async () => {
    const r = await runWithWorld(['x', 'workload', 'entry', 'configure', '--name', 'api', '-n', 'shop', '-o', 'vm'], { objects: objects() });
    expect(r.code).toBe(69);
    expect(r.stderr.split('\n')[0]).toBe('error: workloadgroup api not found in namespace shop');
    expect(r.ctx.written.size).toBe(0);
  });

  it('names a service account that is not there (exit 69), writing nothing', async () => {
    const r = await runWithWorld(['x', 'workload', 'entry', 'configure', '--name', 'web', '-n', 'shop', '-o', 'vm'], { objects: objects() });
    expect(r.code).toBe(69);
    expect(r.stderr.split('\n')[0]).toMatch(/^error: cannot create a token for service account web in namespace shop: .*not found$/);
    expect(r.ctx.written.size).toBe(0);
  });

  it('writes an empty hosts file and warns when no gateway address is known', async () => {
    const r = await runWithWorld(['x', 'workload', 'entry', 'configure', '--name', 'web', '-n', 'shop', '-o', 'vm'], {
      objects: objects().filter((o) => o.kind !== 'Service'),
      tokens: { 'shop/web': 'T' },
    });
    expect(r.code).toBe(0);
    expect(r.ctx.written.get('vm/hosts')).toBe('');
    expect(r.stderr).toContain('warning: could not auto-detect the IP for istiod.istio-system.svc/istio-system. Use --ingressIP');
  });
});
