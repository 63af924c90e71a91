// mesh tag on a real API server: set builds the tag webhook from the revision's injector, list/overwrite/remove,
// and uninstall --purge removes what set created.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kube, statusOf, tempNamespace } from './helpers/kube.js';
import { meshInstall, runMesh } from './helpers/mesh.js';

describe('mesh tag', () => {
  const { kc, core } = kube();
  const admission = kc.makeApiClient(k8s.AdmissionregistrationV1Api);
  const tagHook = (name: string) => admission.readMutatingWebhookConfiguration({ name });
  let ns: { name: string; remove: () => Promise<void> };

  beforeAll(async () => {
    for (const rev of ['tag-a', 'tag-b']) {
      const res = await meshInstall(['--set', 'profile=minimal', '--revision', rev]);
      expect(res.code, res.stderr).toBe(0);
    }
    ns = await tempNamespace('tagged', { 'istio.io/rev': 'prod' });
  });
  afterAll(async () => {
    await ns?.remove();
    await runMesh(['uninstall', '--purge', '-y'], { timeoutMs: 300_000 });
  });

  it("set creates the tag webhook from the revision's injector, with the tag's selectors", async () => {
    const res = await runMesh(['tag', 'set', 'prod', '--revision', 'tag-a']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('Revision tag "prod" now points at revision "tag-a"');
    const canonical = await tagHook('istio-sidecar-injector-tag-a');
    const hook = await tagHook('istio-revision-tag-prod');
    expect(hook.metadata?.labels).toMatchObject({ 'istio.io/tag': 'prod', 'istio.io/rev': 'tag-a' });
    expect(hook.webhooks?.map((w) => w.name)).toEqual(['rev.namespace.sidecar-injector.istio.io', 'rev.object.sidecar-injector.istio.io']);
    expect(hook.webhooks?.[0]?.clientConfig).toEqual(canonical.webhooks?.[0]?.clientConfig);
    expect(hook.webhooks?.[0]?.clientConfig.service?.name).toBe('istiod-tag-a');
    expect(hook.webhooks?.[0]?.namespaceSelector?.matchExpressions).toContainEqual({ key: 'istio.io/rev', operator: 'In', values: ['prod'] });
    expect(hook.webhooks?.[1]?.objectSelector?.matchExpressions).toContainEqual({ key: 'istio.io/rev', operator: 'In', values: ['prod'] });
    const svc = await core.readNamespacedService({ name: 'istiod-revision-tag-prod', namespace: 'istio-system' });
    expect(svc.spec?.selector).toEqual({ app: 'istiod', 'istio.io/rev': 'tag-a' });
  });

  it('list shows the tag, its revision and the namespace labelled with it', async () => {
    const json = await runMesh(['tag', 'list', '-o', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toContainEqual({ tag: 'prod', revision: 'tag-a', namespaces: [ns.name] });
    const table = await runMesh(['tag', 'list']);
    expect(table.stdout).toMatch(/^TAG\s+REVISION\s+NAMESPACES\n/);
    expect(table.stdout).toMatch(new RegExp(`^prod\\s+tag-a\\s+${ns.name}$`, 'm'));
  });

  it('set of an existing tag needs --overwrite, which retargets it', async () => {
    const refused = await runMesh(['tag', 'set', 'prod', '--revision', 'tag-b']);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('revision tag "prod" already exists (pointing at revision tag-a)');
    const moved = await runMesh(['tag', 'set', 'prod', '--revision', 'tag-b', '--overwrite']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toContain('(was tag-a)');
    const hook = await tagHook('istio-revision-tag-prod');
    expect(hook.metadata?.labels?.['istio.io/rev']).toBe('tag-b');
    expect(hook.webhooks?.[0]?.clientConfig.service?.name).toBe('istiod-tag-b');
  });

  it('refuses a revision without a control plane, naming the revisions found', async () => {
    const res = await runMesh(['tag', 'set', 'other', '--revision', 'nope']);
    expect(res.code).toBe(64);
    expect(res.stderr).toMatch(/revisions found: .*tag-a, tag-b/);
  });

  it('remove refuses while a namespace uses the tag, then deletes it with -y', async () => {
    const refused = await runMesh(['tag', 'remove', 'prod']);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain(`still used by 1 namespace(s): ${ns.name}`);
    const res = await runMesh(['tag', 'remove', 'prod', '-y']);
    expect(res.code, res.stderr).toBe(0);
    expect(await tagHook('istio-revision-tag-prod').then(() => 200, statusOf)).toBe(404);
    expect(await core.readNamespacedService({ name: 'istiod-revision-tag-prod', namespace: 'istio-system' }).then(() => 200, statusOf)).toBe(404);
  });

  it('uninstall --purge removes the tag webhook and Service', async () => {
    const set = await runMesh(['tag', 'set', 'stable', '--revision', 'tag-a']);
    expect(set.code, set.stderr).toBe(0);
    const res = await runMesh(['uninstall', '--purge', '-y'], { timeoutMs: 300_000 });
    expect(res.code, res.stderr).toBe(0);
    expect(await tagHook('istio-revision-tag-stable').then(() => 200, statusOf)).toBe(404);
    expect(await core.readNamespacedService({ name: 'istiod-revision-tag-stable', namespace: 'istio-system' }).then(() => 200, statusOf)).toBe(404);
  }, 360_000);
});
