// mesh x check-inject and x injector list on a real API server: two injector webhook configurations of made-up
// revisions (failurePolicy Ignore, pointing nowhere, so that they never stand in the way of pod creation), namespaces
// labelled for them, and pods (one injected by each revision, one opted out).
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, tempNamespace } from './helpers/kube.js';
import { runMesh } from './helpers/mesh.js';
import { injectorWebhook } from '../helpers/injector-objects.js';

describe('mesh x check-inject and x injector list on a live cluster', () => {
  const { kc, core } = kube();
  const admission = kc.makeApiClient(k8s.AdmissionregistrationV1Api);
  const suffix = Math.random().toString(36).slice(2, 7);
  const [revA, revB] = [`xa-${suffix}`, `xb-${suffix}`];
  const hookNames: string[] = [];
  let nsA: Awaited<ReturnType<typeof tempNamespace>>;
  let nsNone: Awaited<ReturnType<typeof tempNamespace>>;

  beforeAll(async () => {
    for (const rev of [revA, revB]) {
      const hook = injectorWebhook(rev) as unknown as k8s.V1MutatingWebhookConfiguration;
      for (const w of hook.webhooks ?? []) {
        Object.assign(w, {
          clientConfig: { url: 'https://127.0.0.1:1/inject' },
          failurePolicy: 'Ignore',
          sideEffects: 'None',
          admissionReviewVersions: ['v1'],
          timeoutSeconds: 1,
          rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
        });
      }
      await admission.createMutatingWebhookConfiguration({ body: hook });
      hookNames.push(hook.metadata!.name!);
    }
    nsA = await tempNamespace('xinj', { 'istio.io/rev': revA });
    nsNone = await tempNamespace('xnone');
    const pod = (name: string, labels: Record<string, string>, revision?: string) =>
      core.createNamespacedPod({
        namespace: nsA.name,
        body: {
          metadata: { name, labels, annotations: revision ? { 'sidecar.istio.io/status': JSON.stringify({ revision }) } : {} },
          spec: { containers: [{ name: 'app', image: 'example.invalid/app:1' }] },
        },
      });
    await pod('on-a', { app: 'a' }, revA);
    await pod('on-b', { app: 'b' }, revB);
    await pod('opted-out', { app: 'c', 'sidecar.istio.io/inject': 'false' });
  });

  afterAll(async () => {
    await nsA?.remove();
    await nsNone?.remove();
    for (const name of hookNames) await admission.deleteMutatingWebhookConfiguration({ name }).catch(() => undefined);
  });

  it('check-inject says which webhook injects a pod, and why', async () => {
    const res = await runMesh(['x', 'check-inject', `on-a.${nsA.name}`, '-o', 'json']);
    expect(res.code, res.stderr).toBe(0);
    const verdicts = (JSON.parse(res.stdout) as { webhook: string; injected: boolean; reason: string }[]).filter((v) => hookNames.includes(v.webhook));
    expect(verdicts).toEqual([
      { webhook: `istio-sidecar-injector-${revA}`, revision: revA, injected: true, reason: `Namespace label istio.io/rev=${revA} matches` },
      {
        webhook: `istio-sidecar-injector-${revB}`,
        revision: revB,
        injected: false,
        reason: `No matching namespace labels (istio.io/rev=${revB}) or pod labels (istio.io/rev=${revB})`,
      },
    ]);
    const table = await runMesh(['x', 'check-inject', `opted-out.${nsA.name}`]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^WEBHOOK\s+REVISION\s+INJECTED\s+REASON\n/);
    expect(table.stdout).toMatch(
      new RegExp(`^istio-sidecar-injector-${revA}\\s+${revA}\\s+✘\\s+Pod has sidecar.istio.io/inject=false label, preventing injection$`, 'm'),
    );
  });

  it('check-inject of a namespace and of labels, and its one-line errors', async () => {
    const ns = await runMesh(['x', 'check-inject', `namespace/${nsNone.name}`, '-o', 'json']);
    expect(ns.code, ns.stderr).toBe(0);
    const labels = await runMesh(['x', 'check-inject', '-n', nsNone.name, '-l', `istio.io/rev=${revB}`, '-o', 'json']);
    expect(JSON.parse(labels.stdout)).toContainEqual(expect.objectContaining({ webhook: `istio-sidecar-injector-${revB}`, injected: true }));
    const missing = await runMesh(['x', 'check-inject', `ghost.${nsA.name}`]);
    expect(missing.code).toBe(69);
    expect(missing.stderr.split('\n')[0]).toMatch(/^error: .*ghost.*not found/);
  });

  it('injector list shows the namespace, its pods by revision, and each hook', async () => {
    const res = await runMesh(['x', 'injector', 'list', '-o', 'json']);
    expect(res.code, res.stderr).toBe(0);
    const data = JSON.parse(res.stdout) as { namespaces: { namespace: string }[]; hooks: { hook: string; namespace?: string }[] };
    expect(data.namespaces.filter((r) => r.namespace === nsA.name)).toEqual([
      { namespace: nsA.name, istioRevision: revA, podRevision: '<non-Istio>', pods: 1, injectionDisabled: 1, needsRestart: 0 },
      { namespace: nsA.name, istioRevision: revA, podRevision: revA, pods: 1, injectionDisabled: 0, needsRestart: 0 },
      { namespace: nsA.name, istioRevision: revA, podRevision: revB, pods: 1, injectionDisabled: 0, needsRestart: 1 },
    ]);
    expect(data.hooks.filter((h) => hookNames.includes(h.hook))).toEqual([
      { namespace: nsA.name, hook: `istio-sidecar-injector-${revA}`, revision: revA, sidecarImage: '' },
      { hook: `istio-sidecar-injector-${revB}`, revision: revB, sidecarImage: '' },
    ]);
    const table = await runMesh(['x', 'injector', 'list']);
    expect(table.stdout).toMatch(new RegExp(`^${nsA.name}\\s+${revA}\\s+${revB}: 1 NEEDS RESTART: 1$`, 'm'));
    expect(table.stdout).toMatch(new RegExp(`^DOES NOT AUTOINJECT\\s+istio-sidecar-injector-${revB}\\s+${revB}\\s*$`, 'm'));
  });
});
