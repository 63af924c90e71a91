// mesh precheck through the CLI against the scripted API server (test/cli/fake-apiserver.ts), fronted by a small
// proxy that adds what precheck asks and the fake lacks: GET /version and SelfSubjectAccessReviews, both scripted.
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.js';

interface Attributes {
  group: string;
  resource: string;
  verb: string;
  namespace?: string;
}

let api: FakeApiServer;
let proxy: http.Server;
let kubeconfig: string;
let gitVersion = 'v1.34.2';
let allow: (a: Attributes) => boolean = () => true;
const reviews: Attributes[] = [];

beforeAll(async () => {
  api = await startFakeApiServer();
  const target = new URL(/server: "([^"]+)"/.exec((await import('node:fs')).readFileSync(api.kubeconfig, 'utf8'))![1]!);
  proxy = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const send = (payload: unknown) => {
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method === 'GET' && req.url === '/version') return send({ major: '1', minor: gitVersion.split('.')[1], gitVersion });
      if (req.method === 'POST' && req.url === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
        const attrs = (JSON.parse(body) as { spec: { resourceAttributes: Attributes } }).spec.resourceAttributes;
        reviews.push(attrs);
        return send({ kind: 'SelfSubjectAccessReview', status: { allowed: allow(attrs) } });
      }
      const forward = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  kubeconfig = join(mkdtempSync(join(tmpdir(), 'mesh-precheck-')), 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: fake',
      `clusters: [{name: fake, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]`,
      'contexts: [{name: fake, context: {cluster: fake, user: u}}]',
      'users: [{name: u, user: {token: t}}]',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await api.close();
});

beforeEach(() => {
  gitVersion = 'v1.34.2';
  allow = () => true;
  reviews.length = 0;
  api.store.clear();
});

describe('mesh precheck (scripted API server)', () => {
  it('passes on a supported cluster where everything is allowed: success line on stderr, nothing on stdout, exit 0', async () => {
    const r = await runCli(['precheck', '--kubeconfig', kubeconfig]);
    expect(r.stderr).toContain('\u2714 No issues found when checking the cluster. Istio is safe to install or upgrade!');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    // The permissions come from the render: istiod's Deployment in istio-system, CRDs cluster-wide, prune lists.
    const asked = reviews.map((a) => `${a.verb} ${a.group}/${a.resource} ${a.namespace ?? '*'}`);
    expect(asked).toContain('patch apps/deployments istio-system');
    expect(asked).toContain('create apiextensions.k8s.io/customresourcedefinitions *');
    expect(asked).toContain('list /secrets *');
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('Kubernetes too old: IST0142 with the supported range, exit 79', async () => {
    gitVersion = 'v1.29.4';
    const r = await runCli(['precheck', '--kubeconfig', kubeconfig]);
    expect(r.stdout).toBe('Error [IST0142] (Cluster) Kubernetes v1.29.4 is older than Istio 1.30 supports (1.32 - 1.36).\n');
    expect(r.stderr).toContain('Issues found when checking the cluster. Istio may not be safe to install or upgrade.');
    expect(r.code).toBe(79);
  });

  it('Kubernetes newer than tested: an Info note, shown only on request, never a failure', async () => {
    gitVersion = 'v1.38.0';
    expect((await runCli(['precheck', '--kubeconfig', kubeconfig])).code).toBe(0);
    const r = await runCli(['precheck', '--output-threshold', 'info', '--kubeconfig', kubeconfig]);
    expect(r.stdout).toContain('Info [MESH0002] (Cluster) Kubernetes v1.38.0 is newer than the versions Istio 1.30 is tested on (1.32 - 1.36)');
    expect(r.code).toBe(0);
  });

  it('missing permissions: IST0141 per resource naming each missing verb, as JSON', async () => {
    allow = (a) =>
      !(a.resource === 'clusterroles' && a.verb !== 'get') && !(a.resource === 'configmaps' && a.namespace === 'istio-system' && a.verb === 'delete');
    const r = await runCli(['precheck', '-o', 'json', '--kubeconfig', kubeconfig]);
    expect(r.code).toBe(79);
    const msgs = JSON.parse(r.stdout) as { code: string; level: string; origin: string; message: string }[];
    expect(msgs.map((m) => [m.code, m.level, m.origin])).toEqual([
      ['IST0141', 'Error', 'Cluster'],
      ['IST0141', 'Error', 'Cluster'],
    ]);
    expect(msgs.map((m) => m.message)).toEqual([
      'Missing permission to delete configmaps in namespace istio-system, which mesh install needs (no rule allows it; see kubectl auth can-i delete configmaps -n istio-system).',
      'Missing permission to list, create, patch, delete clusterroles.rbac.authorization.k8s.io cluster-wide, which mesh install needs (no rule allows it; see kubectl auth can-i list clusterroles.rbac.authorization.k8s.io).',
    ]);
  });

  it('permissions follow the flags: a --revision canary in another namespace is checked there', async () => {
    const r = await runCli([
      'precheck',
      '--revision',
      'canary',
      '--set',
      'values.global.istioNamespace=mesh-cp',
      '--set',
      'namespace=mesh-cp',
      '--kubeconfig',
      kubeconfig,
    ]);
    expect(r.code).toBe(0);
    const namespaces = new Set(reviews.map((a) => a.namespace).filter(Boolean));
    expect(namespaces).toContain('mesh-cp');
    expect(namespaces).not.toContain('istio-system');
  });

  it('an istiod of an older version with the same revision is noted (Info); one three minors behind is a Warning', async () => {
    const deploy = (version: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'istiod', namespace: 'istio-system', labels: { app: 'istiod' } },
      spec: { template: { spec: { containers: [{ name: 'discovery', image: `docker.io/istio/pilot:${version}` }] } } },
    });
    api.store.set('apps/deployments/istio-system/istiod', deploy('1.29.1') as never);
    let r = await runCli(['precheck', '--output-threshold', 'Info', '--kubeconfig', kubeconfig]);
    expect(r.stdout).toContain(
      'Info [MESH0003] (Deployment istio-system/istiod) Istio 1.29.1 runs here as revision default (istio-system/istiod); installing 1.30.3 without --revision replaces it in place.',
    );
    expect(r.code).toBe(0);
    api.store.set('apps/deployments/istio-system/istiod', deploy('1.27.0') as never);
    r = await runCli(['precheck', '--kubeconfig', kubeconfig]);
    expect(r.stdout).toContain('Warning [MESH0004] (Deployment istio-system/istiod) Istio 1.27.0 runs here');
    expect(r.code).toBe(79);
    expect((await runCli(['precheck', '--failure-threshold', 'Error', '--kubeconfig', kubeconfig])).code).toBe(0);
  });

  it('--from-version: IST0169 when the legacy zipkin Service exists; bad versions are usage errors before any cluster call', async () => {
    api.store.set('/services/istio-system/zipkin', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'zipkin', namespace: 'istio-system' } } as never);
    const r = await runCli(['precheck', '--skip-controlplane', '--from-version', '1.20', '--kubeconfig', kubeconfig]);
    expect(r.stdout).toMatch(
      /^Warning \[IST0169\] \(Service istio-system\/zipkin\) The configuration "meshConfig.defaultConfig.tracer" changed in release 1.22/,
    );
    expect(r.code).toBe(79);
    expect((await runCli(['precheck', '--skip-controlplane', '--from-version', '1.25', '--kubeconfig', kubeconfig])).code).toBe(0);
    const bad = await runCli(['precheck', '--from-version', '2.0', '--kubeconfig', '/nonexistent']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--from-version: expected major version 1, got "2.0"');
  });

  it('Gateway API CRDs that do not serve v1beta1/v1 are reported by the analyzer precheck runs (IST0156, IST0172)', async () => {
    api.store.set('apiextensions.k8s.io/customresourcedefinitions//httproutes.gateway.networking.k8s.io', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'httproutes.gateway.networking.k8s.io' },
      spec: {
        group: 'gateway.networking.k8s.io',
        scope: 'Namespaced',
        names: { kind: 'HTTPRoute', plural: 'httproutes' },
        versions: [{ name: 'v1alpha2', served: true }],
      },
    } as never);
    const r = await runCli(['precheck', '--kubeconfig', kubeconfig]);
    expect(r.stdout).toBe(
      [
        'Error [IST0156] (CustomResourceDefinition httproutes.gateway.networking.k8s.io) This Gateway API CRD serves versions v1alpha2, but Istio needs v1beta1.',
        'Warning [IST0172] (CustomResourceDefinition httproutes.gateway.networking.k8s.io) This Gateway API CRD serves versions v1alpha2, but not v1, which later Istio releases require.',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(79);
  });

  it('an unreachable cluster is one error line, exit 69', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-precheck-down-'));
    const dead = join(dir, 'kubeconfig');
    writeFileSync(dead, kubeconfig ? (await import('node:fs')).readFileSync(kubeconfig, 'utf8').replace(/127\.0\.0\.1:\d+/, '127.0.0.1:1') : '');
    const r = await runCli(['precheck', '--kubeconfig', dead]);
    expect(r.code).toBe(69);
    expect(r.stderr.split('\n')[0]).toMatch(/^error: cannot read the Kubernetes version: cluster unreachable at http:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)$/);
    expect(r.stderr).not.toContain('warning:');
  });
});

// The same checks over the fake context's precheck port (test/helpers/fake-context.ts): the questions are answered
// from data, so these are about what precheck concludes, not about the requests it sends.
describe('mesh precheck over the fake context', () => {
  const ok =
    '✔ No issues found when checking the cluster. Istio is safe to install or upgrade!\n' +
    '  To get started, check out https://istio.io/latest/docs/setup/getting-started/.\n';

  it('passes on a supported cluster where everything is allowed', async () => {
    expect(await runWithWorld(['precheck'])).toMatchObject({ code: 0, stdout: '', stderr: ok });
  });

  it('fails on a Kubernetes version Istio 1.30 does not support', async () => {
    const r = await runWithWorld(['precheck'], { kubernetesVersion: 'v1.28.3' });
    expect(r.code).toBe(79);
    expect(r.stdout).toBe('Error [IST0142] (Cluster) Kubernetes v1.28.3 is older than Istio 1.30 supports (1.32 - 1.36).\n');
  });

  it('names a permission the install would need and the user lacks', async () => {
    const r = await runWithWorld(['precheck'], { allow: (p) => !(p.resource === 'deployments' && p.verb === 'create') });
    expect(r.code).toBe(79);
    expect(r.stdout).toContain('Error [IST0141] (Cluster) Missing permission to create deployments.apps in namespace istio-system');
  });

  it('notes a control plane of another version that the install would replace', async () => {
    const istiod = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'istiod', namespace: 'istio-system', labels: { app: 'istiod', 'istio.io/rev': 'default' } },
      spec: { template: { spec: { containers: [{ name: 'discovery', image: 'docker.io/istio/pilot:1.28.1' }] } } },
    };
    const r = await runWithWorld(['precheck', '--output-threshold', 'Info'], { objects: [istiod] });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Info \[MESH0003\] \(Deployment istio-system\/istiod\) Istio 1\.28\.1 runs here as revision default/);
  });

  it('warns about kinds it may not read, not about kinds not served before a first install', async () => {
    const r = await runWithWorld(['precheck'], {
      skipped: [
        { kind: 'Namespace', reason: 'forbidden' },
        { kind: 'VirtualService', reason: 'notServed' },
      ],
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: could not read from https://fake-cluster.invalid: Namespace: forbidden (403); analyzers ran without them\n${ok}`);
  });
});
