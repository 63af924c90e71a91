import { describe, expect, it } from 'vitest';
import { describeRef, keyOf, OWNER_LABEL } from '../../../../src/core/install/objects.js';
import { planInstall } from '../../../../src/core/install/plan.js';
import { runInstall } from '../../../../src/core/install/run-install.js';
import { deleteTargets, findUninstallTargets } from '../../../../src/core/install/run-uninstall.js';
import { deleteWaves, isRuntimeArtifact, purgeSet, uninstallSet } from '../../../../src/core/install/uninstall.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';
import { FakeClock, FakeCluster, RecordedProgress, readyOnRead } from '../../../helpers/fake-install-client.js';
import { PLAN_OPTIONS, sampleRender } from './fixtures.js';

const WAIT = { timeoutMs: 10_000, intervalMs: 1000 };
const opts = { revision: 'default', purge: false, istioNamespace: 'istio-system' };

function o(
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
  labels: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): KubeObject {
  return { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}), labels }, ...extra };
}

async function installedCluster(extra: KubeObject[] = []) {
  const cluster = new FakeCluster(extra);
  readyOnRead(cluster);
  await runInstall(planInstall(sampleRender(), PLAN_OPTIONS), cluster, new FakeClock(), new RecordedProgress(), { forceConflicts: false, wait: WAIT });
  // A canary revision's objects carry the revision in their names, as Istio renders them.
  const canary = sampleRender()
    .filter((r) => r.component === 'Pilot')
    .map((r) => ({ ...r, object: { ...r.object, metadata: { ...r.object.metadata, name: `${r.object.metadata?.name}-canary` } } }));
  await runInstall(planInstall(canary, { ...PLAN_OPTIONS, revision: 'canary' }), cluster, new FakeClock(), new RecordedProgress(), {
    forceConflicts: false,
    wait: WAIT,
  });
  return cluster;
}

const runtime = [
  o('v1', 'ConfigMap', 'istio-ca-root-cert', 'default', { 'istio.io/config': 'true' }),
  o('v1', 'ConfigMap', 'istio-ca-root-cert', 'shop'),
  o('v1', 'ConfigMap', 'istio-namespace-controller-election', 'istio-system'),
  o('coordination.k8s.io/v1', 'Lease', 'istio-gateway-deployment-default', 'istio-system'),
  o('v1', 'Secret', 'istio-ca-secret', 'istio-system'),
  o('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'istio-revision-tag-prod', undefined, { 'istio.io/tag': 'prod' }),
  o('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'wasmplugins.extensions.istio.io', undefined, {}, { spec: { group: 'extensions.istio.io' } }),
];
const unrelated = [
  o('v1', 'ConfigMap', 'app-config', 'shop'),
  o('coordination.k8s.io/v1', 'Lease', 'kube-scheduler', 'kube-system'),
  o(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
    'gateways.gateway.networking.k8s.io',
    undefined,
    {},
    { spec: { group: 'gateway.networking.k8s.io' } },
  ),
  o('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'cert-manager-webhook'),
  o('v1', 'Secret', 'cacerts', 'istio-system'),
];

describe('uninstall targets', () => {
  it("without --purge: the revision's objects except the shared Istio core, webhooks first", async () => {
    const cluster = await installedCluster();
    const targets = await findUninstallTargets(cluster, opts);
    expect(targets.map(describeRef)).toEqual([
      'MutatingWebhookConfiguration istio-sidecar-injector',
      'PodDisruptionBudget istio-system/istiod',
      'HorizontalPodAutoscaler istio-system/istiod',
      'Service istio-system/istiod',
      'Service istio-system/istio-ingressgateway',
      'Deployment istio-system/istiod',
      'Deployment istio-system/istio-ingressgateway',
      'ConfigMap istio-system/istio',
      'ClusterRoleBinding istiod-clusterrole-istio-system',
      'ClusterRole istiod-clusterrole-istio-system',
      'ServiceAccount istio-system/istiod',
      'ServiceAccount istio-system/istio-ingressgateway-service-account',
    ]);
  });

  it('with --revision canary: only canary objects', async () => {
    const cluster = await installedCluster();
    const targets = await findUninstallTargets(cluster, { ...opts, revision: 'canary' });
    expect(targets).toHaveLength(9);
    expect(targets.every((t) => t.metadata?.name?.endsWith('-canary'))).toBe(true);
  });

  it('with --purge: everything mesh owns, Istio CRDs and run-time artifacts, never unrelated objects; CRDs last', async () => {
    const cluster = await installedCluster([...runtime, ...unrelated]);
    const targets = await findUninstallTargets(cluster, { ...opts, purge: true });
    const names = targets.map(describeRef);
    for (const r of runtime) expect(names).toContain(describeRef(r));
    for (const u of unrelated) expect(names).not.toContain(describeRef(u));
    expect(names).toContain('ValidatingWebhookConfiguration istiod-default-validator');
    expect(names.slice(-3)).toEqual([
      'CustomResourceDefinition wasmplugins.extensions.istio.io',
      'CustomResourceDefinition virtualservices.networking.istio.io',
      'CustomResourceDefinition destinationrules.networking.istio.io',
    ]);
    expect(names.indexOf('MutatingWebhookConfiguration istio-revision-tag-prod')).toBeLessThan(names.indexOf('Deployment istio-system/istiod'));
  });

  it('deletes wave by wave and waits for each to be gone; the cluster keeps only unrelated objects after a purge', async () => {
    const cluster = await installedCluster([...runtime, ...unrelated]);
    const targets = await findUninstallTargets(cluster, { ...opts, purge: true });
    const progress = new RecordedProgress();
    await deleteTargets(targets, cluster, new FakeClock(), progress, WAIT);
    // The namespace mesh created is kept: it may hold the user's own objects (cacerts, gateways).
    expect([...cluster.objects.values()].map(describeRef).sort()).toEqual([...unrelated.map(describeRef), 'Namespace istio-system'].sort());
    expect(progress.lines.at(-1)).toBe(`✔ Removed ${targets.length} objects`);
    const calls = cluster.calls.filter((c) => c.startsWith('delete') || c.startsWith('get'));
    expect(calls.indexOf('get Deployment istio-system/istiod')).toBeLessThan(calls.indexOf('delete ConfigMap istio-system/istio'));
  });

  it('times out when an object never goes away (a finalizer), naming it', async () => {
    const cluster = new FakeCluster();
    const stuck = o('v1', 'ConfigMap', 'istio', 'istio-system', { [OWNER_LABEL]: 'mesh', 'operator.istio.io/component': 'Pilot', 'istio.io/rev': 'default' });
    cluster.objects.set(keyOf(stuck), stuck);
    cluster.delete = async () => true; // accepted but never removed
    await expect(deleteTargets([stuck], cluster, new FakeClock(), new RecordedProgress(), WAIT)).rejects.toThrow(
      '1 objects still present 10s after deletion: ConfigMap istio-system/istio',
    );
  });
});

describe('pure sets', () => {
  it("uninstallSet ignores objects without mesh's owner label", () => {
    const foreign = o('v1', 'ConfigMap', 'istio', 'istio-system', { 'operator.istio.io/component': 'Pilot', 'istio.io/rev': 'default' });
    expect(uninstallSet([foreign], opts)).toEqual([]);
  });

  it.each(runtime.map((r) => [describeRef(r), r] as const))('%s is a run-time artifact', (_n, r) => expect(isRuntimeArtifact(r, 'istio-system')).toBe(true));
  it.each(unrelated.map((r) => [describeRef(r), r] as const))('%s is not', (_n, r) => expect(isRuntimeArtifact(r, 'istio-system')).toBe(false));

  it('leader-election locks count only in the control-plane namespace', () => {
    expect(isRuntimeArtifact(o('v1', 'ConfigMap', 'istio-leader', 'other'), 'istio-system')).toBe(false);
  });

  it('purgeSet deduplicates and deleteWaves groups by tier in reverse apply order', () => {
    const cm = o('v1', 'ConfigMap', 'istio-ca-root-cert', 'a');
    const set = purgeSet([cm], [cm, runtime[5]!, runtime[6]!], 'istio-system');
    expect(deleteWaves(set).map((w) => w.map((x) => x.kind))).toEqual([['MutatingWebhookConfiguration'], ['ConfigMap'], ['CustomResourceDefinition']]);
  });
});
