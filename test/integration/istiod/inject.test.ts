// Injection by Istio's own webhook: the real istiod mutates the Pods the API server creates, and
// they must carry the sidecar that `mesh kube-inject` renders from the cluster's configuration.
// Inputs: the workloads of the kube-inject golden cases that run with the default configuration.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { kube, statusOf, tempNamespace } from '../helpers/kube.js';
import { injectionDiff, type Obj } from './injected.js';
import { useRealIstiod } from './real-istiod.js';

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

describe('the real istiod injects what mesh kube-inject renders', () => {
  useRealIstiod();
  const { objects } = kube();

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
          const { diff } = await injectionDiff(obj, ns.name, plain.name);
          expect(diff, `${obj.kind} ${obj.metadata?.name}`).toEqual([]);
        }
      } finally {
        await Promise.all([ns.remove(), plain.remove()]);
      }
    },
  );
});
