/**
 * Cluster objects for the injection commands' tests: injector webhook configurations shaped as Istio 1.30's
 * charts render them (a revision's namespace and object webhooks, the default revision's istio-injection pair),
 * namespaces, pods and the injector ConfigMap. Built by code, so that tests read as the situation they set up.
 */
import type { KubeObject } from '../../src/core/yaml/load.js';

const expr = (key: string, operator: string, values?: string[]) => (values ? { key, operator, values } : { key, operator });
const notOptedOut = expr('sidecar.istio.io/inject', 'NotIn', ['false']);

/** The injector MutatingWebhookConfiguration of `revision` ('default' also takes istio-injection=enabled). */
export function injectorWebhook(revision: string): KubeObject {
  const webhooks: object[] = [
    {
      name: 'rev.namespace.sidecar-injector.istio.io',
      namespaceSelector: { matchExpressions: [expr('istio.io/rev', 'In', [revision]), expr('istio-injection', 'DoesNotExist')] },
      objectSelector: { matchExpressions: [notOptedOut] },
    },
    {
      name: 'rev.object.sidecar-injector.istio.io',
      namespaceSelector: { matchExpressions: [expr('istio.io/rev', 'DoesNotExist'), expr('istio-injection', 'DoesNotExist')] },
      objectSelector: { matchExpressions: [notOptedOut, expr('istio.io/rev', 'In', [revision])] },
    },
  ];
  if (revision === 'default') {
    webhooks.push(
      {
        name: 'namespace.sidecar-injector.istio.io',
        namespaceSelector: { matchExpressions: [expr('istio-injection', 'In', ['enabled'])] },
        objectSelector: { matchExpressions: [notOptedOut] },
      },
      {
        name: 'object.sidecar-injector.istio.io',
        namespaceSelector: { matchExpressions: [expr('istio-injection', 'DoesNotExist'), expr('istio.io/rev', 'DoesNotExist')] },
        objectSelector: { matchExpressions: [expr('sidecar.istio.io/inject', 'In', ['true']), expr('istio.io/rev', 'DoesNotExist')] },
      },
    );
  }
  const name = revision === 'default' ? 'istio-sidecar-injector' : `istio-sidecar-injector-${revision}`;
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name, labels: { app: 'sidecar-injector', 'istio.io/rev': revision } },
    webhooks,
  } as KubeObject;
}

/** A namespace with labels. */
export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } };
}

/** A pod object (for listings), injected by `revision` when given. */
export function podObject(name: string, ns: string, options: { revision?: string; labels?: Record<string, string> } = {}): KubeObject {
  const annotations: Record<string, string> = options.revision ? { 'sidecar.istio.io/status': JSON.stringify({ revision: options.revision }) } : {};
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: options.labels ?? {}, annotations } };
}

/** The istio-sidecar-injector ConfigMap of a revision, with the values the proxy image is read from. */
export function injectorConfigMap(revision: string, tag = '1.30.3'): KubeObject {
  const name = revision === 'default' ? 'istio-sidecar-injector' : `istio-sidecar-injector-${revision}`;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'istio-system', labels: { 'istio.io/rev': revision } },
    data: { values: JSON.stringify({ global: { hub: 'docker.io/istio', tag, proxy: { image: 'proxyv2' } } }) },
  };
}
