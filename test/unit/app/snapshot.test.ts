import { describe, expect, it } from 'vitest';
import { buildSnapshotFor, readFileObjects } from '../../../src/app/snapshot.js';
import { ClusterError } from '../../../src/errors.js';
import { fakeContext } from '../../helpers/fake-context.js';

const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: default}\nspec: {ports: [{port: 80}]}\n';
const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n';

describe('app/snapshot', () => {
  it('reads -f inputs through the files port; --ignore-unknown skips what does not parse and kinds mesh does not know', async () => {
    const ctx = fakeContext({ files: { 'k8s/a.yaml': service, 'k8s/b.yaml': widget, 'k8s/c.yaml': 'a: [\n' } });
    await expect(readFileObjects(ctx, ['k8s'], { recursive: true })).rejects.toThrow(/k8s\/c\.yaml/);
    const objects = await readFileObjects(ctx, ['k8s'], { recursive: true, ignoreUnknown: true });
    expect(objects.map((o) => o.object.kind)).toEqual(['Service']);
    expect(ctx.stderr()).toMatch(/^warning: skipping k8s\/c\.yaml:/);
  });

  it('puts file objects on top of the cluster, namespaced by -n', async () => {
    const ctx = fakeContext({ objects: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'shop' } }] }, { namespace: 'shop' });
    const objects = await readFileObjects(fakeContext({ files: { 'web.yaml': service.replace('namespace: default', '') } }), ['web.yaml'], {
      recursive: false,
    });
    const { snapshot, clusterUsed } = await buildSnapshotFor(ctx, {
      objects,
      cluster: { kinds: ['Service'], timeoutMs: 1000, status: 'Reading', without: 'ran without them' },
    });
    expect(clusterUsed).toBe(true);
    expect((snapshot.byKind.get('Service') ?? []).map((r) => `${r.namespace}/${r.name}`).sort()).toEqual(['shop/db', 'shop/web']);
  });

  it('goes on without the cluster only when told how to say so', async () => {
    const ctx = fakeContext({ noCluster: true });
    const cluster = { kinds: ['Service'], timeoutMs: 1000, status: 'Reading', without: 'ran without them' };
    await expect(buildSnapshotFor(ctx, { objects: [], cluster })).rejects.toBeInstanceOf(ClusterError);
    const result = await buildSnapshotFor(ctx, { objects: [], cluster, withoutCluster: () => 'files only' });
    expect(result.clusterUsed).toBe(false);
    expect(ctx.stderr()).toBe('warning: no cluster configured: the kubeconfig has no current context; files only\n');
  });
});
