// Creates a workload on the test cluster and compares the pod the API server creates (injected by the
// real istiod's webhook, or not) with the pod `mesh kube-inject` renders for the same object.
import type { KubernetesObject } from '@kubernetes/client-node';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { kube, waitFor } from '../helpers/kube.js';
import { runMesh } from '../helpers/mesh.js';
import { structuralDiff } from './structure.js';

/** A workload object as read from YAML. */
export type Obj = KubernetesObject & { spec?: { template?: PodLike } & Record<string, unknown> };
/** A Pod or a pod template. */
export type PodLike = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };

/**
 * The pod `mesh kube-inject` renders, with the cluster's injector and mesh ConfigMaps, for the object
 * as the API server defaults it (a server-side dry run, in `plainNs` for a Pod: no webhook injects
 * there). The webhook sees the Pod after defaulting: a container port without a protocol reaches it
 * as TCP, and the proxy's ISTIO_META_POD_PORTS lists what it saw; kube-inject, like istioctl's, works
 * on the file as written, so it is given the defaulted form.
 */
async function meshInjected(obj: Obj, namespace: string, plainNs: string, injectArgs: string[]): Promise<PodLike> {
  const { objects } = kube();
  const dryNs = obj.kind === 'Pod' ? plainNs : namespace;
  const defaulted = (await objects.create({ ...obj, metadata: { ...obj.metadata, namespace: dryNs } }, undefined, 'All')) as Obj;
  const { name, labels, annotations } = defaulted.metadata ?? {};
  const spec = structuredClone(defaulted.spec);
  // A Job's defaulted selector and pod labels carry its uid, another one in the dry run than in the real
  // create; without them kube-inject renders the rest, and the real pod's extra labels are not compared.
  if (obj.kind === 'Job' && spec?.template?.metadata?.labels) {
    delete spec.selector;
    for (const l of ['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name'])
      delete spec.template.metadata.labels[l];
  }
  const input = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name, namespace, labels, annotations }, spec };
  const res = await runMesh(['kube-inject', '-f', '-', ...injectArgs], { input: stringify(input) });
  expect(res.code, res.stderr).toBe(0);
  const out = parse(res.stdout) as Obj;
  return obj.kind === 'Pod' ? (out as PodLike) : (out.spec?.template ?? {});
}

/**
 * Creates `obj` in `namespace` and returns how its first pod differs from what `mesh kube-inject <injectArgs>`
 * renders for it (empty: the same sidecar), and that pod. `plainNs` is a namespace no webhook injects into.
 */
export async function injectionDiff(obj: Obj, namespace: string, plainNs: string, injectArgs: string[] = []): Promise<{ diff: string[]; pod: PodLike }> {
  const { core, objects } = kube();
  // A ServiceAccount the workload names must exist, or the API server creates no pod.
  const sa = (obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec) as { serviceAccountName?: string } | undefined;
  if (sa?.serviceAccountName) {
    for (const ns of [namespace, plainNs]) await core.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: sa.serviceAccountName } } });
  }
  const expected = await meshInjected(obj, namespace, plainNs, injectArgs);
  await objects.create({ ...obj, metadata: { ...obj.metadata, namespace } });
  const owner = obj.metadata?.name ?? '';
  const pod = await waitFor(`a pod of ${obj.kind} ${owner}`, async () =>
    (await core.listNamespacedPod({ namespace })).items.find(
      (p) => p.metadata?.name === owner || p.metadata?.generateName?.startsWith(`${owner}-`) || p.metadata?.name?.startsWith(`${owner}-`),
    ),
  );
  const diff = [
    ...structuralDiff(expected.metadata?.labels ?? {}, pod.metadata?.labels, 'metadata.labels'),
    ...structuralDiff(expected.metadata?.annotations ?? {}, pod.metadata?.annotations, 'metadata.annotations'),
    ...structuralDiff(expected.spec, pod.spec, 'spec'),
  ];
  return { diff, pod: pod as PodLike };
}
