// Two real istiods, the default revision and a canary: a namespace labelled istio.io/rev=canary is
// injected by the canary's istiod as `mesh kube-inject --revision canary` renders it, `mesh tag set`
// moves a tag's namespaces from one revision to the other, and `mesh uninstall --revision canary`
// removes the canary while its istiod runs, leaving nothing of it behind.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIstiod, type LocalIstiod } from '../helpers/istiod.js';
import { kube, tempNamespace } from '../helpers/kube.js';
import { meshInstall, runMesh, type MeshResult } from '../helpers/mesh.js';
import { injectionDiff, type Obj } from './injected.js';
import { useRealIstiod } from './real-istiod.js';

function ok(res: MeshResult): void {
  expect(res.code, `mesh exited ${res.code}\nstdout:\n${res.stdout}\nstderr:\n${res.stderr}`).toBe(0);
}

function deployment(name: string): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'docker.io/library/nginx:1.27' }] } },
    },
  };
}

/** The revision recorded in a pod's sidecar.istio.io/status annotation (the istiod that injected it). */
function injectedBy(pod: { metadata?: { annotations?: Record<string, string> } }): string | undefined {
  const status = pod.metadata?.annotations?.['sidecar.istio.io/status'];
  return status ? (JSON.parse(status) as { revision?: string }).revision : undefined;
}

describe('a canary revision with its own real istiod', () => {
  useRealIstiod();
  let canary: LocalIstiod | undefined;
  let plain: Awaited<ReturnType<typeof tempNamespace>>;
  beforeAll(async () => {
    ok(await meshInstall(['--set', 'profile=demo', '--revision', 'canary']));
    canary = await startIstiod({ revision: 'canary' });
    plain = await tempNamespace('plain');
  });
  afterAll(async () => {
    await canary?.stop();
    await plain?.remove();
  });

  it('a namespace labelled istio.io/rev=canary gets the sidecar mesh kube-inject --revision canary renders', async () => {
    const ns = await tempNamespace('canary', { 'istio.io/rev': 'canary' });
    try {
      const { diff, pod } = await injectionDiff(deployment('web'), ns.name, plain.name, ['--revision', 'canary']);
      expect(diff).toEqual([]);
      expect(injectedBy(pod)).toBe('canary');
    } finally {
      await ns.remove();
    }
  });

  it('mesh tag set moves the namespaces of a tag from the default revision to the canary', async () => {
    ok(await runMesh(['tag', 'set', 'prod', '--revision', 'default']));
    const ns = await tempNamespace('prod', { 'istio.io/rev': 'prod' });
    try {
      const before = await injectionDiff(deployment('before'), ns.name, plain.name, ['--revision', 'default']);
      expect(before.diff).toEqual([]);
      expect(injectedBy(before.pod)).toBe('default');
      ok(await runMesh(['tag', 'set', 'prod', '--revision', 'canary', '--overwrite']));
      const after = await injectionDiff(deployment('after'), ns.name, plain.name, ['--revision', 'canary']);
      expect(after.diff).toEqual([]);
      expect(injectedBy(after.pod)).toBe('canary');
    } finally {
      await ns.remove();
      ok(await runMesh(['tag', 'remove', 'prod', '-y']));
    }
  });

  it('mesh uninstall --revision canary removes the canary while its istiod runs; the default revision still injects', async () => {
    ok(await runMesh(['uninstall', '--revision', 'canary', '-y']));
    const { apps, kc } = kube();
    const admission = kc.makeApiClient(k8s.AdmissionregistrationV1Api);
    const selector = 'istio.io/rev=canary';
    expect((await apps.listNamespacedDeployment({ namespace: 'istio-system', labelSelector: selector })).items).toEqual([]);
    expect((await admission.listMutatingWebhookConfiguration({ labelSelector: selector })).items).toEqual([]);
    expect((await admission.listValidatingWebhookConfiguration({ labelSelector: selector })).items).toEqual([]);
    const ns = await tempNamespace('still', { 'istio-injection': 'enabled' });
    try {
      const { diff, pod } = await injectionDiff(deployment('web'), ns.name, plain.name);
      expect(diff).toEqual([]);
      expect(injectedBy(pod)).toBe('default');
    } finally {
      await ns.remove();
    }
  });
});
