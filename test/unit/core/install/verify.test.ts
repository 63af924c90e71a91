import { describe, expect, it } from 'vitest';
import { describeDrift, diffObject, formatVerifyReport } from '../../../../src/core/install/verify.js';
import { planInstall } from '../../../../src/core/install/plan.js';
import { runVerify } from '../../../../src/core/install/run-verify.js';
import { runInstall } from '../../../../src/core/install/run-install.js';
import { keyOf } from '../../../../src/core/install/objects.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';
import { FakeClock, FakeCluster, RecordedProgress, readyOnRead } from '../../../helpers/fake-install-client.js';
import { PLAN_OPTIONS, sampleRender } from './fixtures.js';

const dep = (image: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'istiod', namespace: 'istio-system', resourceVersion: '9', managedFields: [{ manager: 'mesh' }], ...extra },
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'discovery', image },
          { name: 'sidecar', image: 'x' },
        ],
      },
    },
  },
  status: { replicas: 1 },
});

describe('diffObject', () => {
  it('ignores status and server-owned metadata', () => {
    expect(diffObject(dep('a'), { ...dep('a', { resourceVersion: '10', generation: 3 }), status: { replicas: 0 } })).toEqual([]);
  });

  it('reports changed fields by path, matching named list items by name', () => {
    const live = dep('docker.io/istio/pilot:1.29.0');
    const want = dep('docker.io/istio/pilot:1.30.3');
    (want.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers.reverse();
    const drift = diffObject(live, want);
    expect(drift.map(describeDrift)).toEqual([
      'spec.template.spec.containers[name=discovery].image: cluster has "docker.io/istio/pilot:1.29.0", mesh wants "docker.io/istio/pilot:1.30.3"',
    ]);
  });

  it('shows only the lines that differ in multi-line text such as mesh config', () => {
    const live: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'istio' },
      data: { mesh: 'accessLogFile: /dev/stdout\ndefaultConfig:\n  discoveryAddress: istiod:15012\n' },
    };
    const want: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'istio' },
      data: { mesh: 'defaultConfig:\n  discoveryAddress: istiod:15012\nenablePrometheusMerge: true\n' },
    };
    expect(diffObject(live, want).map(describeDrift)).toEqual([
      'data.mesh: text differs: only the cluster has "accessLogFile: /dev/stdout"; only mesh has "enablePrometheusMerge: true"',
    ]);
  });

  it('reports added and removed keys and list length changes', () => {
    const live: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio', labels: { extra: 'y' } }, data: { mesh: 'a' }, args: [1, 2] };
    const want: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio' }, data: { mesh: 'a', meshNetworks: 'n' }, args: [1] };
    expect(diffObject(live, want).map(describeDrift)).toEqual([
      'metadata.labels: cluster has {"extra":"y"}, mesh wants absent',
      'data.meshNetworks: cluster has absent, mesh wants "n"',
      'args: cluster has [1,2], mesh wants [1]',
    ]);
  });
});

describe('runVerify', () => {
  async function installed() {
    const cluster = new FakeCluster();
    readyOnRead(cluster);
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    await runInstall(plan, cluster, new FakeClock(), new RecordedProgress(), { forceConflicts: false, wait: { timeoutMs: 1000, intervalMs: 500 } });
    return { cluster, plan };
  }

  it('passes on a fresh install, using dry-run applies only', async () => {
    const { cluster, plan } = await installed();
    cluster.calls.length = 0;
    const report = await runVerify(plan, cluster);
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ ok: plan.objects.length, missing: 0, 'not-ready': 0, drift: 0 });
    expect(cluster.calls.filter((c) => c.startsWith('apply')).every((c) => c.startsWith('apply(dry-run)'))).toBe(true);
    expect(formatVerifyReport(report)).toBe(`✔ all ${plan.objects.length} objects of the install are present, ready and match the render\n`);
  });

  it('reports missing, drifted and not-ready objects with a reason per pod', async () => {
    const { cluster, plan } = await installed();
    const svc = plan.objects.find((o) => o.kind === 'Service' && o.metadata?.name === 'istiod')!;
    cluster.objects.delete(keyOf(svc));
    const cm = plan.objects.find((o) => o.kind === 'ConfigMap')!;
    cluster.objects.set(keyOf(cm), { ...cluster.objects.get(keyOf(cm))!, data: { mesh: 'edited by hand' } });
    // The fake's dry run merges the render over the live object, as the server would: the edit is reverted.
    cluster.statusHooks.set('Deployment', (o) => ({ ...o, status: { replicas: 1, updatedReplicas: 1, availableReplicas: 0 } }));
    cluster.objects.set('pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'istiod-x', namespace: 'istio-system', labels: { app: 'istiod' } },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', message: '0/1 nodes are available: 1 Insufficient memory.' }] },
    });
    const liveCm = cluster.objects.get(keyOf(cm))!;
    const realApply = cluster.apply.bind(cluster);
    cluster.apply = async (obj, options) => (keyOf(obj) === keyOf(cm) ? { ...liveCm, data: obj.data } : realApply(obj, options));
    const report = await runVerify(plan, cluster);
    expect(report.ok).toBe(false);
    expect(report.counts).toEqual({ ok: plan.objects.length - 4, missing: 1, 'not-ready': 2, drift: 1 });
    const text = formatVerifyReport(report);
    expect(text).toContain('✘ Service istio-system/istiod: missing\n');
    expect(text).toContain('✘ ConfigMap istio-system/istio: drift\n    data.mesh: cluster has "edited by hand", mesh wants "accessLogFile: \\"\\""\n');
    expect(text).toContain(
      '✘ Deployment istio-system/istiod: not-ready\n    0/1 replicas ready\n    pod istiod-x: Pending and unschedulable: 0/1 nodes are available: 1 Insufficient memory.\n',
    );
    expect(text.trimEnd().split('\n').pop()).toBe(`${plan.objects.length} objects checked: ${plan.objects.length - 4} ok, 1 missing, 2 not ready, 1 drifted`);
  });
});

describe("diffObject and istiod's run-time changes", () => {
  const hook = (failurePolicy: string, caBundle?: string, sideEffects = 'None'): KubeObject => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: 'istio-validator-istio-system' },
    webhooks: [
      { name: 'rev.validation.istio.io', failurePolicy, sideEffects, clientConfig: { service: { name: 'istiod' }, ...(caBundle ? { caBundle } : {}) } },
    ],
  });
  it('does not count the failurePolicy and caBundle istiod sets as drift', () => {
    expect(diffObject(hook('Fail', 'LS0t'), hook('Ignore'))).toEqual([]);
  });
  it('still reports other webhook changes', () => {
    expect(diffObject(hook('Fail', 'LS0t', 'Some'), hook('Ignore', 'LS0t')).map((d) => d.path)).toEqual(['webhooks[name=rev.validation.istio.io].sideEffects']);
  });
});
