/**
 * install → install again → change profile (prune) → verify-install → drift → uninstall --purge, through the
 * real CLI against the scripted API server in fake-apiserver.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.js';

let api: FakeApiServer;
beforeAll(async () => {
  api = await startFakeApiServer();
});
afterAll(() => api.close());

const kinds = () => [...api.store.values()].map((o) => o.kind);
const byName = (kind: string, name: string) => [...api.store.values()].find((o) => o.kind === kind && o.metadata.name === name);

describe('install flow against a scripted API server', () => {
  it('--dry-run on an empty cluster lists the default revision tag after the manifests', async () => {
    const r = await runCli(['install', '--dry-run', '--set', 'profile=demo', '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(-5, -1)).toEqual([
      '+ create    MutatingWebhookConfiguration istio-revision-tag-default',
      '+ create    ValidatingWebhookConfiguration istiod-default-validator',
      '+ create    Service istio-system/istiod-revision-tag-default',
      expect.stringMatching(/^Plan: \d+ to create/),
    ]);
    expect(api.store.size).toBe(0);
  });

  it('installs the demo profile component by component', async () => {
    const r = await runCli(['install', '-y', '--set', 'profile=demo', '--kubeconfig', api.kubeconfig]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const done = r.stderr.split('\n').filter((l) => l.startsWith('✔'));
    expect(done.slice(0, 4)).toEqual(['✔ Istio core installed', '✔ Istiod installed', '✔ Ingress gateways installed', '✔ Egress gateways installed']);
    expect(done.at(-1)).toMatch(/^✔ Installation complete: \d+ objects applied$/);
    expect(kinds()).toContain('CustomResourceDefinition');
    expect([...api.store.values()].find((o) => o.kind === 'Deployment' && o.metadata.name === 'istiod')?.metadata.labels).toMatchObject({
      'install.operator.istio.io/owning-resource': 'mesh',
      'operator.istio.io/component': 'Pilot',
      'istio.io/rev': 'default',
    });
    // As istioctl, the install ends with the default revision tag: installer-owned, never pruned, and the
    // revision's own injector switched off so no pod is injected twice.
    const owned = { 'install.operator.istio.io/owning-resource': 'mesh', 'install.operator.istio.io/owning-resource-not-pruned': 'true' };
    const tag = { ...owned, 'istio.io/tag': 'default', 'istio.io/rev': 'default', 'operator.istio.io/component': 'Pilot' };
    expect(byName('MutatingWebhookConfiguration', 'istio-revision-tag-default')?.metadata.labels).toMatchObject({ ...tag, app: 'sidecar-injector' });
    expect(byName('ValidatingWebhookConfiguration', 'istiod-default-validator')?.metadata.labels).toMatchObject(tag);
    expect(byName('Service', 'istiod-revision-tag-default')?.metadata.labels).toMatchObject(tag);
    const injector = byName('MutatingWebhookConfiguration', 'istio-sidecar-injector') as unknown as { webhooks: { namespaceSelector: unknown }[] };
    expect(injector.webhooks.map((w) => w.namespaceSelector)).toEqual(
      injector.webhooks.map(() => ({ matchLabels: { 'istio.io/deactivated': 'never-match' } })),
    );
    expect(done).toContain('✔ Default revision tag points at revision default');
    // CRDs are applied (and read back Established) before any custom or namespaced object.
    const patches = api.requests.filter((q) => q.startsWith('PATCH'));
    expect(patches[0]).toContain('/customresourcedefinitions/');
    expect(patches.findIndex((q) => q.includes('/namespaces/istio-system'))).toBeGreaterThan(
      patches.findLastIndex((q) => q.includes('/customresourcedefinitions/')),
    );
  });

  it('converges when run again: same objects, nothing pruned', async () => {
    const before = api.store.size;
    const r = await runCli(['install', '-y', '--set', 'profile=demo', '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Pruned');
    expect(api.store.size).toBe(before);
  });

  it('verify-install passes on what install applied', async () => {
    const r = await runCli(['verify-install', '--set', 'profile=demo', '--kubeconfig', api.kubeconfig]);
    expect(r.stdout).toMatch(/^✔ all \d+ objects of the install are present, ready and match the render\n$/);
    expect(r.code).toBe(0);
  });

  it('verify-install exits 79 and names drifted and missing objects', async () => {
    const cm = [...api.store.entries()].find(([, o]) => o.kind === 'ConfigMap' && o.metadata.name === 'istio')!;
    api.store.set(cm[0], { ...cm[1], data: { ...(cm[1].data as object), mesh: 'edited: true' } });
    const svc = [...api.store.entries()].find(([, o]) => o.kind === 'Service' && o.metadata.name === 'istio-egressgateway')!;
    api.store.delete(svc[0]);
    const r = await runCli(['verify-install', '--set', 'profile=demo', '--kubeconfig', api.kubeconfig, '-o', 'json']);
    expect(r.code).toBe(79);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      counts: Record<string, number>;
      entries: { ref: { name: string }; state: string; details: string[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.counts).toMatchObject({ missing: 1, drift: 1 });
    expect(report.entries.find((e) => e.state === 'drift')).toMatchObject({ ref: { name: 'istio' } });
    expect(report.entries.find((e) => e.state === 'drift')!.details[0]).toMatch(
      /^data\.mesh: text differs: only the cluster has "edited: true"; only mesh has "/,
    );
  });

  it('install repairs the drift; a smaller profile prunes the gateways', async () => {
    expect((await runCli(['install', '-y', '--set', 'profile=demo', '--kubeconfig', api.kubeconfig])).code).toBe(0);
    expect((await runCli(['verify-install', '--set', 'profile=demo', '--kubeconfig', api.kubeconfig])).code).toBe(0);
    const r = await runCli(['install', '-y', '--set', 'profile=minimal', '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/✔ Pruned \d+ objects the new configuration no longer has/);
    expect([...api.store.values()].some((o) => o.metadata.name.includes('gateway') && o.kind === 'Deployment')).toBe(false);
  });

  it('--dry-run says what would change and changes nothing', async () => {
    const before = JSON.stringify([...api.store.entries()]);
    const r = await runCli(['install', '--dry-run', '--set', 'profile=demo', '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(0);
    // The minimal profile is installed: going back to demo brings the gateways back and changes istiod's config.
    expect(r.stdout).toContain('+ create    Deployment istio-system/istio-ingressgateway\n');
    expect(r.stdout).toMatch(/^~ update {4}ConfigMap istio-system\/istio\n/m);
    expect(r.stdout).toMatch(/^Plan: \d+ to create, \d+ to update, \d+ to prune, \d+ unchanged \(dry run: nothing was changed\)$/m);
    expect(JSON.stringify([...api.store.entries()])).toBe(before);
  });

  it('uninstall keeps the Istio core; uninstall --purge leaves only the namespace', async () => {
    api.store.set('/configmaps/default/istio-ca-root-cert', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'istio-ca-root-cert', namespace: 'default' },
    });
    const r1 = await runCli(['uninstall', '-y', '--kubeconfig', api.kubeconfig]);
    expect(r1.code).toBe(0);
    expect(kinds()).toContain('CustomResourceDefinition');
    expect(kinds()).not.toContain('Deployment');
    // The default tag belongs to the revision it points at: uninstalling that revision removes it, as istioctl does.
    expect(byName('MutatingWebhookConfiguration', 'istio-revision-tag-default')).toBeUndefined();
    expect(byName('ValidatingWebhookConfiguration', 'istiod-default-validator')).toBeUndefined();
    const dry = await runCli(['uninstall', '--purge', '--dry-run', '--kubeconfig', api.kubeconfig]);
    expect(dry.stdout).toContain('delete ConfigMap default/istio-ca-root-cert\n');
    const r2 = await runCli(['uninstall', '--purge', '-y', '--kubeconfig', api.kubeconfig]);
    expect(r2.code).toBe(0);
    expect([...api.store.values()].map((o) => `${o.kind} ${o.metadata.name}`)).toEqual(['Namespace istio-system']);
  });
});
