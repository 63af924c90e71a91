/** Hand-written render fixtures: a small control plane shaped like Istio's, deliberately out of order. */
import type { RenderedObject } from '../../../../src/core/install/plan.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';

const ns = 'istio-system';

function obj(apiVersion: string, kind: string, name: string, namespace?: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}), labels: { app: name } }, ...extra };
}

function deployment(name: string, image: string): KubeObject {
  return obj('apps/v1', 'Deployment', name, ns, {
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: name === 'istiod' ? 'discovery' : 'istio-proxy', image }] } },
    },
  });
}

function crd(plural: string, group = 'networking.istio.io'): KubeObject {
  return obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', `${plural}.${group}`, undefined, { spec: { group } });
}

/** Base + Pilot + ingress gateway, listed in a scrambled order. */
export function sampleRender(): RenderedObject[] {
  return [
    { component: 'Pilot', object: obj('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'istio-sidecar-injector') },
    { component: 'Pilot', object: deployment('istiod', 'docker.io/istio/pilot:1.30.3') },
    { component: 'IngressGateways', object: obj('v1', 'Service', 'istio-ingressgateway', ns) },
    { component: 'Pilot', object: obj('v1', 'Service', 'istiod', ns) },
    { component: 'Base', object: obj('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'istiod-default-validator') },
    { component: 'Pilot', object: obj('v1', 'ConfigMap', 'istio', ns, { data: { mesh: 'accessLogFile: ""' } }) },
    { component: 'IngressGateways', object: deployment('istio-ingressgateway', 'docker.io/istio/proxyv2:1.30.3') },
    { component: 'Base', object: crd('virtualservices') },
    { component: 'Pilot', object: obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'istiod-clusterrole-istio-system') },
    { component: 'Pilot', object: obj('v1', 'ServiceAccount', 'istiod', ns) },
    { component: 'Base', object: crd('destinationrules') },
    { component: 'Pilot', object: obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'istiod-clusterrole-istio-system') },
    { component: 'IngressGateways', object: obj('v1', 'ServiceAccount', 'istio-ingressgateway-service-account', ns) },
    { component: 'Pilot', object: obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'istiod', ns) },
    { component: 'Pilot', object: obj('policy/v1', 'PodDisruptionBudget', 'istiod', ns) },
    { component: 'Base', object: obj('v1', 'ServiceAccount', 'istio-reader-service-account', ns) },
  ];
}

export const PLAN_OPTIONS = { namespace: ns, revision: 'default', version: '1.30.3' };
