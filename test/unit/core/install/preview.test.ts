/** install --dry-run: per object, create / update (with fields) / unchanged / prune, reading only. */
import { describe, expect, it } from 'vitest';
import { planInstall } from '../../../../src/core/install/plan.js';
import { formatPreview, previewInstall } from '../../../../src/core/install/preview.js';
import { runInstall } from '../../../../src/core/install/run-install.js';
import { describeRef, keyOf } from '../../../../src/core/install/objects.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';
import { FakeClock, FakeCluster, RecordedProgress, readyOnRead } from '../../../helpers/fake-install-client.js';
import { PLAN_OPTIONS, sampleRender } from './fixtures.js';

describe('previewInstall', () => {
  it('on an empty cluster: everything is created, nothing written', async () => {
    const cluster = new FakeCluster();
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    const preview = await previewInstall(plan, cluster, []);
    expect(preview.counts).toEqual({ create: plan.objects.length, update: 0, unchanged: 0, prune: 0 });
    expect(cluster.calls.every((c) => c.startsWith('get'))).toBe(true);
    const text = formatPreview(preview);
    expect(text.split('\n')[0]).toBe(`+ create    ${describeRef(plan.steps[0]!.crds[0] ?? plan.steps[0]!.objects[0]!)}`);
    expect(text.trimEnd().split('\n').pop()).toBe(
      `Plan: ${plan.objects.length} to create, 0 to update, 0 to prune, 0 unchanged (dry run: nothing was changed)`,
    );
  });

  it('after an install: an edited object is an update naming the field, the rest unchanged, leftovers pruned', async () => {
    const cluster = new FakeCluster();
    readyOnRead(cluster);
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    await runInstall(plan, cluster, new FakeClock(), new RecordedProgress(), { forceConflicts: false, wait: { timeoutMs: 1000, intervalMs: 500 } });
    const cm = plan.objects.find((o) => o.kind === 'ConfigMap')!;
    const liveCm = { ...cluster.objects.get(keyOf(cm))!, data: { mesh: 'edited by hand' } };
    cluster.objects.set(keyOf(cm), liveCm);
    // The server's dry run of applying the render over the edited object gives the render's data back.
    const realApply = cluster.apply.bind(cluster);
    cluster.apply = async (obj, options) => (keyOf(obj) === keyOf(cm) ? { ...liveCm, data: obj.data } : realApply(obj, options));
    const leftover: KubeObject = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'old', namespace: 'istio-system', labels: { 'operator.istio.io/component': 'Pilot' } },
    };
    cluster.calls.length = 0;
    const preview = await previewInstall(plan, cluster, [leftover]);
    expect(preview.counts).toEqual({ create: 0, update: 1, unchanged: plan.objects.length - 1, prune: 1 });
    expect(cluster.calls.filter((c) => c.startsWith('apply')).every((c) => c.startsWith('apply(dry-run)'))).toBe(true);
    expect(preview.entries.at(-1)).toEqual({
      ref: expect.objectContaining({ kind: 'ServiceAccount', name: 'old' }),
      component: 'Pilot',
      action: 'prune',
      changes: [],
    });
    expect(formatPreview(preview)).toBe(
      [
        `~ update    ${describeRef(cm)}`,
        '      data.mesh: cluster has "edited by hand", mesh wants "accessLogFile: \\"\\""',
        '- prune     ServiceAccount istio-system/old',
        `Plan: 0 to create, 1 to update, 1 to prune, ${plan.objects.length - 1} unchanged (dry run: nothing was changed)`,
        '',
      ].join('\n'),
    );
    expect(
      formatPreview(preview, true)
        .split('\n')
        .filter((l) => l.startsWith('= unchanged')),
    ).toHaveLength(plan.objects.length - 1);
  });
});
