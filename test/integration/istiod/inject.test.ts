// Injection by Istio's own webhook: the real istiod mutates the Pods the API server creates, and
// they must carry the sidecar that `mesh kube-inject` renders from the cluster's configuration.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kube, tempNamespace, waitFor } from '../helpers/kube.js';
import { runMesh } from '../helpers/mesh.js';
import { useRealIstiod } from './real-istiod.js';
import { structuralDiff } from './structure.js';

type Template = { metadata: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: unknown };

function deployment(name: string, namespace: string): k8s.V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, version: 'v1' } },
        spec: { containers: [{ name, image: 'docker.io/library/nginx:1.27', ports: [{ containerPort: 8080, name: 'http' }] }] },
      },
    },
  };
}

/**
 * The pod template `mesh kube-inject` renders, with the cluster's injector and mesh ConfigMaps, for the
 * Deployment as the API server defaults it (a server-side dry run). The webhook sees the Pod after
 * defaulting: a container port without a protocol reaches it as TCP, and the proxy's
 * ISTIO_META_POD_PORTS lists what it saw. kube-inject, like istioctl's, works on the file as written.
 */
async function meshInjected(doc: k8s.V1Deployment): Promise<Template> {
  const { apps } = kube();
  const defaulted = await apps.createNamespacedDeployment({ namespace: doc.metadata?.namespace ?? '', body: doc, dryRun: 'All' });
  const { name, namespace, labels, annotations } = defaulted.metadata ?? {};
  const input = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace, labels, annotations }, spec: defaulted.spec };
  const res = await runMesh(['kube-inject', '-f', '-'], { input: stringify(input) });
  expect(res.code, res.stderr).toBe(0);
  return (parse(res.stdout) as { spec: { template: Template } }).spec.template;
}

describe('the real istiod injects what mesh kube-inject renders', () => {
  useRealIstiod();
  const { apps, core } = kube();

  it('a Deployment in a namespace labelled istio-injection=enabled', async () => {
    const ns = await tempNamespace('inject', { 'istio-injection': 'enabled' });
    try {
      const doc = deployment('web', ns.name);
      const expected = await meshInjected(doc);
      await apps.createNamespacedDeployment({ namespace: ns.name, body: doc });
      const pod = await waitFor('the Deployment’s pod', async () => (await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=web' })).items[0]);
      const diff = [
        ...structuralDiff(expected.metadata.labels ?? {}, pod.metadata?.labels, 'metadata.labels'),
        ...structuralDiff(expected.metadata.annotations ?? {}, pod.metadata?.annotations, 'metadata.annotations'),
        ...structuralDiff(expected.spec, pod.spec, 'spec'),
      ];
      expect(diff).toEqual([]);
    } finally {
      await ns.remove();
    }
  });
});
