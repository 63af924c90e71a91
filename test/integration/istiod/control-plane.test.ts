// mesh's control-plane commands against the real istiod: proxy-status reads its /debug/syncz through
// a port-forward to its kwok pod, verify-install and precheck see the webhooks istiod rewrote (caBundle,
// failurePolicy), and a second install converges with istiod running.
import * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { kube, waitFor } from '../helpers/kube.js';
import { meshInstall, runMesh, type MeshResult } from '../helpers/mesh.js';
import { useRealIstiod } from './real-istiod.js';

function ok(res: MeshResult): void {
  expect(res.code, `mesh exited ${res.code}\nstdout:\n${res.stdout}\nstderr:\n${res.stderr}`).toBe(0);
}

const validator = () => kube().kc.makeApiClient(k8s.AdmissionregistrationV1Api).readValidatingWebhookConfiguration({ name: 'istio-validator-istio-system' });

describe('mesh against the real istiod', () => {
  const istiod = useRealIstiod();

  it('proxy-status asks the real istiod (found by label, reached through its pod) and reports what its /debug/syncz lists', async () => {
    const direct = await fetch(`http://127.0.0.1:${istiod().ports.monitoring}/debug/syncz`);
    const syncz = (await direct.json()) as unknown[];
    const res = await runMesh(['proxy-status', '-o', 'json']);
    ok(res);
    const out = JSON.parse(res.stdout) as { istiods: Array<{ name: string; proxies: number; error?: string }>; proxies: unknown[] };
    expect(out.istiods).toEqual([{ name: istiod().pod, namespace: 'istio-system', proxies: syncz.length }]);
    expect(out.proxies).toHaveLength(syncz.length);
  });

  it('version --remote lists the real istiod’s pod', async () => {
    const res = await runMesh(['version', '--remote', '-o', 'json']);
    ok(res);
    const out = JSON.parse(res.stdout) as { controlPlane: Array<{ pod: string }> };
    expect(out.controlPlane.map((c) => c.pod)).toEqual([istiod().pod]);
  });

  it('verify-install of the same profile passes with the webhooks as istiod rewrote them', async () => {
    const v = await validator();
    expect(v.webhooks?.map((w) => [w.failurePolicy, Boolean(w.clientConfig.caBundle)])).toEqual([['Fail', true]]);
    const res = await runMesh(['verify-install', '--set', 'profile=demo']);
    ok(res);
  });

  it('precheck of an upgrade to the same release finds no issue on the running control plane', async () => {
    const res = await runMesh(['precheck']);
    ok(res);
    expect(res.stderr + res.stdout).toMatch(/No issues found/);
  });

  it('analyze of the live cluster, with the webhooks as istiod rewrote them, finds nothing at warning level or above', async () => {
    const res = await runMesh(['analyze', '-A', '-o', 'json']);
    ok(res);
    const levels = (JSON.parse(res.stdout) as Array<{ level: string; code: string }>).filter((m) => m.level !== 'Info');
    expect(levels).toEqual([]);
  });

  it('a second install converges with istiod running, and istiod takes its validator back to failurePolicy Fail', async () => {
    ok(await meshInstall(['--set', 'profile=demo']));
    await waitFor('istiod to set failurePolicy Fail again', async () => (await validator()).webhooks?.every((w) => w.failurePolicy === 'Fail'));
    // The webhook still answers through the Service: a VirtualService whose weights add up to 0 is refused by istiod.
    const { objects } = kube();
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'zero', namespace: 'default', labels: { 'istio.io/rev': 'default' } },
      spec: {
        hosts: ['a'],
        http: [
          {
            route: [
              { destination: { host: 'a' }, weight: 0 },
              { destination: { host: 'b' }, weight: 0 },
            ],
          },
        ],
      },
    };
    const err = await objects.create(vs, undefined, 'All').then(
      () => undefined,
      (e: unknown) => e,
    );
    const message = err instanceof k8s.ApiException ? (JSON.parse(String(err.body)) as { message: string }).message : String(err);
    expect(message).toMatch(/admission webhook "[^"]*validation.istio.io" denied the request: configuration is invalid: total destination weight = 0/);
  });
});
