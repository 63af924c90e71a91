import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import { injectorConfigMap, injectorWebhook, namespace, podObject } from '../helpers/injector-objects.js';
import type { PodInfo } from '../../src/core/model/pods.js';

const podInfo = (name: string, ns: string, labels: Record<string, string> = {}): PodInfo => ({
  name,
  namespace: ns,
  labels,
  annotations: {},
  phase: 'Running',
  ready: true,
  creationTimestamp: '2026-12-01T00:00:00Z',
});
const deployment = (name: string, ns: string, labels: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns },
  spec: { template: { metadata: { labels } } },
});

const world = (extra: FakeWorld = {}): FakeWorld => ({
  objects: [
    injectorWebhook('default'),
    injectorWebhook('canary'),
    namespace('shop', { 'istio-injection': 'enabled' }),
    namespace('lab', { 'istio.io/rev': 'canary' }),
    namespace('plain'),
  ],
  pods: [podInfo('web-1', 'shop', { app: 'web' }), podInfo('opt-out', 'shop', { 'sidecar.istio.io/inject': 'false' })],
  ...extra,
});

describe('mesh x check-inject', () => {
  it("prints istioctl's table for a pod", async () => {
    const r = await runWithWorld(['x', 'check-inject', 'web-1.shop'], world());
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      [
        'WEBHOOK                        REVISION  INJECTED  REASON',
        'istio-sidecar-injector         default   ✔         Namespace label istio-injection=enabled matches',
        'istio-sidecar-injector-canary  canary    ✘         No matching namespace labels (istio.io/rev=canary) or pod labels (istio.io/rev=canary)',
        '',
      ].join('\n'),
    );
  });

  it('explains an opted-out pod, as JSON', async () => {
    const r = await runWithWorld(['exp', 'check-inject', 'opt-out', '-n', 'shop', '-o', 'json'], world());
    expect(JSON.parse(r.stdout)[0]).toEqual({
      webhook: 'istio-sidecar-injector',
      revision: 'default',
      injected: false,
      reason: 'Pod has sidecar.istio.io/inject=false label, preventing injection',
    });
  });

  it("checks a deployment that has no pods yet by its template's labels, and a namespace", async () => {
    const w = world({ objects: [...world().objects!, deployment('api', 'lab', { app: 'api' })] });
    const dep = await runWithWorld(['x', 'check-inject', 'deployment/api', '-n', 'lab', '-o', 'yaml'], w);
    expect(dep.code, dep.stderr).toBe(0);
    expect(dep.stdout).toContain('reason: Namespace label istio.io/rev=canary matches');
    const ns = await runWithWorld(['x', 'check-inject', 'namespace/plain', '-o', 'json'], w);
    expect(JSON.parse(ns.stdout).map((v: { injected: boolean }) => v.injected)).toEqual([false, false]);
  });

  it('checks labels with -l before a pod exists', async () => {
    const r = await runWithWorld(['x', 'check-inject', '-n', 'plain', '-l', 'istio.io/rev=canary,app=x', '-o', 'json'], world());
    expect(JSON.parse(r.stdout)[1]).toMatchObject({ injected: true, reason: 'Pod label istio.io/rev=canary matches' });
  });

  it('exits 79 when two webhooks would inject, naming them', async () => {
    const copy = injectorWebhook('canary');
    copy.metadata!.name = 'istio-sidecar-injector-canary-copy';
    const r = await runWithWorld(['x', 'check-inject', '-n', 'lab', '-l', 'app=x'], { ...world(), objects: [...world().objects!, copy] });
    expect(r.code).toBe(79);
    expect(r.stdout.split('✔').length - 1).toBe(2);
    expect(r.stderr).toBe(
      'error: multiple webhooks will inject (istio-sidecar-injector-canary, istio-sidecar-injector-canary-copy), which can lead to errors\n',
    );
  });

  it.each([
    [['x', 'check-inject'], world(), 64, 'error: check-inject requires only [<resource-type>/]<resource-name>[.<namespace>], or specify labels flag'],
    [['x', 'check-inject', 'nope.shop'], world(), 69, 'error: pod nope in namespace shop not found'],
    [['x', 'check-inject', 'namespace/ghost'], world(), 69, 'error: namespace "ghost" not found'],
    [['x', 'check-inject', 'web-1.shop'], { ...world(), objects: [namespace('shop')] }, 69, 'error: no Istio injection webhooks present in the cluster'],
    [['x', 'check-inject', '-l', 'a!=b', '-n', 'shop'], world(), 64, 'error: --labels: "a!=b" is not a key=value pair'],
    [['x', 'check-inject', 'web-1.shop'], { noCluster: true }, 69, 'error: no cluster configured'],
  ])('%j fails with exit %i on one line', async (argv, w, code, line) => {
    const r = await runWithWorld(argv as string[], w as FakeWorld);
    expect(r.code).toBe(code);
    expect(r.stderr.split('\n')[0]!.startsWith(line)).toBe(true);
  });
});

describe('mesh x injector list', () => {
  const listWorld = (): FakeWorld => ({
    objects: [
      injectorWebhook('default'),
      injectorWebhook('canary'),
      injectorConfigMap('default'),
      injectorConfigMap('canary', '1.30.3-canary'),
      namespace('istio-system'),
      namespace('kube-system'),
      namespace('shop', { 'istio-injection': 'enabled' }),
      namespace('lab', { 'istio.io/rev': 'canary' }),
      namespace('old', { 'istio.io/rev': 'gone' }),
      namespace('mesh-free', { 'istio.io/dataplane-mode': 'ambient' }),
      podObject('a', 'shop', { revision: 'default' }),
      podObject('b', 'shop', { revision: 'canary' }),
      podObject('c', 'shop', { labels: { 'sidecar.istio.io/inject': 'false' } }),
      podObject('d', 'kube-system'),
    ],
  });

  it("prints istioctl's two tables", async () => {
    const r = await runWithWorld(['x', 'injector', 'list'], listWorld());
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      [
        'NAMESPACE ISTIO-REVISION POD-REVISIONS',
        'lab       canary         <no pods>',
        'old       MISSING/gone   <no pods>',
        'shop      default        <non-Istio>: 1 (injection disabled: 1)',
        'shop      default        canary: 1 NEEDS RESTART: 1',
        'shop      default        default: 1',
        '',
        'NAMESPACES INJECTOR-HOOK                 ISTIO-REVISION SIDECAR-IMAGE',
        'shop       istio-sidecar-injector        default        docker.io/istio/proxyv2:1.30.3',
        'lab        istio-sidecar-injector-canary canary         docker.io/istio/proxyv2:1.30.3-canary',
        '',
      ].join('\n'),
    );
  });

  it('narrows to -n, and gives the data with -o json', async () => {
    const r = await runWithWorld(['x', 'injector', 'list', '-n', 'lab', '-o', 'json'], listWorld());
    const data = JSON.parse(r.stdout);
    expect(data.namespaces).toEqual([{ namespace: 'lab', istioRevision: 'canary', podRevision: 'canary', pods: 0, injectionDisabled: 0, needsRestart: 0 }]);
    expect(data.hooks).toEqual([
      { hook: 'istio-sidecar-injector', revision: 'default', sidecarImage: 'docker.io/istio/proxyv2:1.30.3' },
      { namespace: 'lab', hook: 'istio-sidecar-injector-canary', revision: 'canary', sidecarImage: 'docker.io/istio/proxyv2:1.30.3-canary' },
    ]);
  });

  it('says so when nothing is injected', async () => {
    const r = await runWithWorld(['x', 'injector', 'list'], { objects: [namespace('plain')] });
    expect(r.stdout).toBe('No Istio injected namespaces present.\n\nNo Istio injection hooks present.\n');
  });
});
