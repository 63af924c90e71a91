import { describe, expect, it } from 'vitest';
import { describeRef, OWNER_LABEL, componentInfo } from '../../../../src/core/install/objects.js';
import { planInstall, pruneSet } from '../../../../src/core/install/plan.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';
import { PLAN_OPTIONS, sampleRender } from './fixtures.js';

describe('planInstall', () => {
  const plan = planInstall(sampleRender(), PLAN_OPTIONS);

  it("orders components by dependency, with Istio's progress titles", () => {
    expect(plan.steps.map((s) => s.component.title)).toEqual(['Istio core', 'Istiod', 'Ingress gateways']);
  });

  it('applies CRDs → namespace → RBAC → config → workloads → services → webhooks', () => {
    expect(plan.objects.map(describeRef)).toEqual([
      'CustomResourceDefinition destinationrules.networking.istio.io',
      'CustomResourceDefinition virtualservices.networking.istio.io',
      'Namespace istio-system',
      'ServiceAccount istio-system/istio-reader-service-account',
      'ValidatingWebhookConfiguration istiod-default-validator',
      'ServiceAccount istio-system/istiod',
      'ClusterRole istiod-clusterrole-istio-system',
      'ClusterRoleBinding istiod-clusterrole-istio-system',
      'ConfigMap istio-system/istio',
      'Deployment istio-system/istiod',
      'Service istio-system/istiod',
      'HorizontalPodAutoscaler istio-system/istiod',
      'PodDisruptionBudget istio-system/istiod',
      'MutatingWebhookConfiguration istio-sidecar-injector',
      'ServiceAccount istio-system/istio-ingressgateway-service-account',
      'Deployment istio-system/istio-ingressgateway',
      'Service istio-system/istio-ingressgateway',
    ]);
  });

  it('waits for the workloads of each step', () => {
    expect(plan.steps.map((s) => s.waits.map(describeRef))).toEqual([[], ['Deployment istio-system/istiod'], ['Deployment istio-system/istio-ingressgateway']]);
  });

  it('stamps owner, component, revision and version labels, but not on the namespace it adds', () => {
    const istiod = plan.objects.find((o) => o.kind === 'Deployment' && o.metadata?.name === 'istiod')!;
    expect(istiod.metadata?.labels).toEqual({
      app: 'istiod',
      [OWNER_LABEL]: 'mesh',
      'operator.istio.io/component': 'Pilot',
      'istio.io/rev': 'default',
      'operator.istio.io/version': '1.30.3',
    });
    const ns = plan.objects.find((o) => o.kind === 'Namespace')!;
    expect(ns.metadata?.labels).toBeUndefined();
  });

  it('puts namespaced objects without a namespace in the control-plane namespace and drops duplicates', () => {
    const p = planInstall(
      [
        { component: 'pilot', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } },
        { component: 'pilot', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'istio-system' } } },
        { component: 'pilot', object: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } } },
      ],
      PLAN_OPTIONS,
    );
    expect(p.objects.map(describeRef)).toEqual(['Namespace istio-system', 'ClusterRole r', 'ConfigMap istio-system/x']);
  });

  it('keeps the revision label the renderer set and uses the given revision otherwise', () => {
    const p = planInstall([{ component: 'Pilot', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'n' } } }], {
      ...PLAN_OPTIONS,
      revision: 'canary',
    });
    expect(p.objects[1]!.metadata?.labels?.['istio.io/rev']).toBe('canary');
  });
});

describe('componentInfo', () => {
  it.each([
    ['Base', 'Istio core'],
    ['base', 'Istio core'],
    ['pilot', 'Istiod'],
    ['istiod', 'Istiod'],
    ['IngressGateways', 'Ingress gateways'],
    ['egressGateways', 'Egress gateways'],
    ['cni', 'CNI'],
    ['ztunnel', 'Ztunnel'],
    ['Addons', 'Addons'],
  ])('%s → %s', (name, title) => expect(componentInfo(name).title).toBe(title));
});

describe('pruneSet', () => {
  const plan = planInstall(sampleRender(), PLAN_OPTIONS);
  const owned = (kind: string, name: string, labels: Record<string, string> = {}, apiVersion = 'v1'): KubeObject => ({
    apiVersion,
    kind,
    metadata: {
      name,
      namespace: 'istio-system',
      labels: { [OWNER_LABEL]: 'mesh', 'operator.istio.io/component': 'EgressGateways', 'istio.io/rev': 'default', ...labels },
    },
  });

  it('selects mesh-owned objects of the same revision that the render no longer has, webhooks/services before workloads', () => {
    const live = [
      ...plan.objects, // everything still wanted stays
      owned('Deployment', 'istio-egressgateway', {}, 'apps/v1'),
      owned('Service', 'istio-egressgateway'),
      owned('ServiceAccount', 'istio-egressgateway-service-account'),
      owned('Service', 'canary-only', { 'istio.io/rev': 'canary' }),
      owned('Service', 'kept', { 'install.operator.istio.io/owning-resource-not-pruned': 'true' }),
      owned('CustomResourceDefinition', 'gone.networking.istio.io', {}, 'apiextensions.k8s.io/v1'),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'user-svc', namespace: 'istio-system', labels: { 'operator.istio.io/component': 'Pilot' } } },
      { ...owned('Service', 'istio-egressgateway') }, // listed twice (two API versions)
    ];
    expect(pruneSet(plan, live).map(describeRef)).toEqual([
      'Service istio-system/istio-egressgateway',
      'Deployment istio-system/istio-egressgateway',
      'ServiceAccount istio-system/istio-egressgateway-service-account',
    ]);
  });

  it('is empty when the cluster holds exactly the render', () => {
    expect(pruneSet(plan, plan.objects)).toEqual([]);
  });
});
