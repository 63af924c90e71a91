// Injection by Istio's own webhook: the real istiod mutates the Pods the API server creates, and
// they must carry the sidecar that `mesh kube-inject` renders from the cluster's configuration.
// Inputs: the workloads of the kube-inject golden cases that run with the default configuration.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { kube, statusOf, tempNamespace, waitFor } from '../helpers/kube.js';
import { runMesh } from '../helpers/mesh.js';
import { useRealIstiod } from './real-istiod.js';
import { structuralDiff } from './structure.js';

type Obj = KubernetesObject & { spec?: { template?: PodLike } & Record<string, unknown> };
type PodLike = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };

const GOLDEN = 'test/golden/inject';
// Kinds whose pods the test cluster's controllers create (a CronJob's wait for its schedule; DeploymentConfig is OpenShift's).
const WORKLOADS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController']);

// Golden inputs the API server refuses (kube-inject works on files, valid or not); their test checks that refusal.
const REFUSED: Record<string, string> = { 'init-containers': 'spec.selector does not match the template labels' };

/** Golden cases run with mesh's default configuration (no .args) that inject without error, with their workloads. */
function cases(): Array<[string, Obj[]]> {
  return readdirSync(GOLDEN)
    .filter((f) => f.endsWith('.in.yaml'))
    .map((f) => f.slice(0, -'.in.yaml'.length))
    .filter((c) => !existsSync(join(GOLDEN, `${c}.args`)) && !existsSync(join(GOLDEN, `${c}.err.txt`)))
    .sort()
    .map((c): [string, Obj[]] => [
      c,
      parseAllDocuments(readFileSync(join(GOLDEN, `${c}.in.yaml`), 'utf8'), { version: '1.1' })
        .map((d) => d.toJS() as Obj)
        .filter((o) => o && WORKLOADS.has(o.kind ?? '')),
    ])
    .filter(([, objs]) => objs.length > 0);
}

/**
 * The pod `mesh kube-inject` renders, with the cluster's injector and mesh ConfigMaps, for the object
 * as the API server defaults it (a server-side dry run, in `plainNs` for a Pod: no webhook injects
 * there). The webhook sees the Pod after defaulting: a container port without a protocol reaches it
 * as TCP, and the proxy's ISTIO_META_POD_PORTS lists what it saw; kube-inject, like istioctl's, works
 * on the file as written, so it is given the defaulted form.
 */
async function meshInjected(obj: Obj, namespace: string, plainNs: string): Promise<PodLike> {
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
  const res = await runMesh(['kube-inject', '-f', '-'], { input: stringify(input) });
  expect(res.code, res.stderr).toBe(0);
  const out = parse(res.stdout) as Obj;
  return obj.kind === 'Pod' ? (out as PodLike) : (out.spec?.template ?? {});
}

describe('the real istiod injects what mesh kube-inject renders', () => {
  useRealIstiod();
  const { core, objects } = kube();

  it.each(Object.entries(REFUSED))('%s is refused by the API server (%s), so it has no pod to compare', async (name) => {
    const objs = cases().find(([c]) => c === name)?.[1] ?? [];
    const ns = await tempNamespace('inject', { 'istio-injection': 'enabled' });
    try {
      const codes = await Promise.all(
        objs.map((o) =>
          objects.create({ ...o, metadata: { ...o.metadata, namespace: ns.name } }).then(
            () => 201,
            (e: unknown) => statusOf(e),
          ),
        ),
      );
      expect(codes).toContain(422);
    } finally {
      await ns.remove();
    }
  });

  it.each(cases().filter(([c]) => !(c in REFUSED)))(
    '%s: the pods the API server creates, in a namespace labelled istio-injection=enabled',
    async (_name, objs) => {
      const ns = await tempNamespace('inject', { 'istio-injection': 'enabled' });
      const plain = await tempNamespace('plain');
      try {
        for (const obj of objs) {
          // A ServiceAccount the workload names must exist, or the API server creates no pod.
          const sa = (obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec) as { serviceAccountName?: string } | undefined;
          if (sa?.serviceAccountName) {
            for (const namespace of [ns.name, plain.name])
              await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: sa.serviceAccountName } } });
          }
          const expected = await meshInjected(obj, ns.name, plain.name);
          await objects.create({ ...obj, metadata: { ...obj.metadata, namespace: ns.name } });
          const owner = obj.metadata?.name ?? '';
          const pod = await waitFor(`a pod of ${obj.kind} ${owner}`, async () =>
            (await core.listNamespacedPod({ namespace: ns.name })).items.find(
              (p) => p.metadata?.name === owner || p.metadata?.generateName?.startsWith(`${owner}-`) || p.metadata?.name?.startsWith(`${owner}-`),
            ),
          );
          const diff = [
            ...structuralDiff(expected.metadata?.labels ?? {}, pod.metadata?.labels, 'metadata.labels'),
            ...structuralDiff(expected.metadata?.annotations ?? {}, pod.metadata?.annotations, 'metadata.annotations'),
            ...structuralDiff(expected.spec, pod.spec, 'spec'),
          ];
          expect(diff, `${obj.kind} ${owner}`).toEqual([]);
        }
      } finally {
        await Promise.all([ns.remove(), plain.remove()]);
      }
    },
  );
});
