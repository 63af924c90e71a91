import { describe, expect, it } from 'vitest';
import { ApplyConflictError } from '../../../../src/core/install/client.js';
import { keyOf, OWNER_LABEL } from '../../../../src/core/install/objects.js';
import { planInstall } from '../../../../src/core/install/plan.js';
import { runInstall } from '../../../../src/core/install/run-install.js';
import { ClusterError } from '../../../../src/errors.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';
import { FakeClock, FakeCluster, RecordedProgress, readyOnRead } from '../../../helpers/fake-install-client.js';
import { PLAN_OPTIONS, sampleRender } from './fixtures.js';

const WAIT = { wait: { timeoutMs: 60_000, intervalMs: 2000 }, forceConflicts: false };

function setup(seed: KubeObject[] = []) {
  const cluster = new FakeCluster(seed);
  readyOnRead(cluster);
  return { cluster, clock: new FakeClock(), progress: new RecordedProgress() };
}

describe('runInstall', () => {
  it('applies CRDs, waits until Established, then the rest; workloads are waited for before webhooks', async () => {
    const { cluster, clock, progress } = setup();
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    const outcome = await runInstall(plan, cluster, clock, progress, WAIT);
    expect(outcome.applied).toBe(plan.objects.length);
    const calls = cluster.calls.filter((c) => !c.startsWith('list'));
    expect(calls.slice(0, 6)).toEqual([
      'apply CustomResourceDefinition destinationrules.networking.istio.io',
      'apply CustomResourceDefinition virtualservices.networking.istio.io',
      'get CustomResourceDefinition destinationrules.networking.istio.io',
      'get CustomResourceDefinition virtualservices.networking.istio.io',
      'apply Namespace istio-system',
      'apply ServiceAccount istio-system/istio-reader-service-account',
    ]);
    const idx = (c: string) => calls.indexOf(c);
    expect(idx('get Deployment istio-system/istiod')).toBeGreaterThan(idx('apply Deployment istio-system/istiod'));
    expect(idx('apply MutatingWebhookConfiguration istio-sidecar-injector')).toBeGreaterThan(idx('get Deployment istio-system/istiod'));
    expect(idx('apply Deployment istio-system/istio-ingressgateway')).toBeGreaterThan(idx('apply MutatingWebhookConfiguration istio-sidecar-injector'));
    expect(progress.lines.filter((l) => l.startsWith('✔'))).toEqual(['✔ Istio core installed', '✔ Istiod installed', '✔ Ingress gateways installed']);
    expect(clock.sleeps).toBe(0);
  });

  it('converges: a second run applies the same objects and prunes nothing', async () => {
    const { cluster, clock, progress } = setup();
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    await runInstall(plan, cluster, clock, progress, WAIT);
    const first = new Map(cluster.objects);
    const again = await runInstall(plan, cluster, clock, progress, WAIT);
    expect(again.pruned).toEqual([]);
    expect([...cluster.objects.keys()].sort()).toEqual([...first.keys()].sort());
  });

  it('completes an interrupted install when run again', async () => {
    const { cluster, clock, progress } = setup();
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    const svc = plan.objects.find((o) => o.kind === 'Service' && o.metadata?.name === 'istiod')!;
    cluster.applyErrors.set(keyOf(svc), new ClusterError('cannot apply Service istio-system/istiod: cluster unreachable'));
    await expect(runInstall(plan, cluster, clock, progress, WAIT)).rejects.toThrow('cluster unreachable');
    expect(progress.lines).toContain('✘ Istiod failed');
    expect(cluster.objects.has(keyOf(svc))).toBe(false);
    await runInstall(plan, cluster, clock, progress, WAIT);
    for (const o of plan.objects) expect(cluster.objects.has(keyOf(o))).toBe(true);
  });

  it('prunes what an earlier install of the same revision had and the new render lacks', async () => {
    const { cluster, clock, progress } = setup();
    const withEgress = [
      ...sampleRender(),
      { component: 'EgressGateways', object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'istio-egressgateway', namespace: 'istio-system' } } },
    ];
    await runInstall(planInstall(withEgress, PLAN_OPTIONS), cluster, clock, progress, WAIT);
    const outcome = await runInstall(planInstall(sampleRender(), PLAN_OPTIONS), cluster, clock, progress, WAIT);
    expect(outcome.pruned.map((o) => o.metadata?.name)).toEqual(['istio-egressgateway']);
    expect(cluster.calls).toContain('delete Service istio-system/istio-egressgateway');
    expect([...cluster.objects.values()].some((o) => o.metadata?.name === 'istio-egressgateway')).toBe(false);
  });

  it('never prunes objects another tool created, even with Istio labels', async () => {
    const foreign: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'x',
        namespace: 'istio-system',
        labels: { 'operator.istio.io/component': 'Pilot', 'istio.io/rev': 'default', [OWNER_LABEL]: 'unknown' },
      },
    };
    const { cluster, clock, progress } = setup([foreign]);
    const outcome = await runInstall(planInstall(sampleRender(), PLAN_OPTIONS), cluster, clock, progress, WAIT);
    expect(outcome.pruned).toEqual([]);
  });

  it('takes fields back from istiod (pilot-discovery) without asking, with force', async () => {
    const { cluster, clock, progress } = setup();
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    const hook = plan.objects.find((o) => o.kind === 'ValidatingWebhookConfiguration')!;
    cluster.applyErrors.set(keyOf(hook), new ApplyConflictError('conflict', ['pilot-discovery'], ['.webhooks[name="x"].failurePolicy']));
    await runInstall(plan, cluster, clock, progress, WAIT);
    expect(cluster.calls).toContain('apply(force) ValidatingWebhookConfiguration istiod-default-validator');
  });

  it('fails on a conflict with another manager, unless --force-conflicts', async () => {
    const { cluster, clock, progress } = setup();
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    const dep = plan.objects.find((o) => o.kind === 'Deployment')!;
    cluster.applyErrors.set(
      keyOf(dep),
      new ApplyConflictError(
        'cannot apply Deployment istio-system/istiod: field manager "kubectl-edit" owns .spec.replicas',
        ['kubectl-edit'],
        ['.spec.replicas'],
      ),
    );
    await expect(runInstall(plan, cluster, clock, progress, WAIT)).rejects.toThrow('field manager "kubectl-edit" owns .spec.replicas');
    expect(cluster.calls.some((c) => c.startsWith('apply(force)'))).toBe(false);
  });

  it('applies with force everywhere under --force-conflicts', async () => {
    const { cluster, clock, progress } = setup();
    await runInstall(planInstall(sampleRender(), PLAN_OPTIONS), cluster, clock, progress, { ...WAIT, forceConflicts: true });
    expect(cluster.calls.filter((c) => c.startsWith('apply')).every((c) => c.startsWith('apply(force)'))).toBe(true);
  });

  it('polls until a Deployment is ready, sleeping on the injected clock', async () => {
    const { cluster, clock, progress } = setup();
    let reads = 0;
    cluster.statusHooks.set('Deployment', (o) => {
      reads++;
      const ready = reads > 3 ? 1 : 0;
      return { ...o, status: { replicas: 1, updatedReplicas: 1, availableReplicas: ready } };
    });
    await runInstall(
      planInstall(
        sampleRender().filter((r) => r.component !== 'IngressGateways'),
        PLAN_OPTIONS,
      ),
      cluster,
      clock,
      progress,
      WAIT,
    );
    expect(clock.sleeps).toBe(3);
    expect(clock.t).toBe(6000);
  });

  it('times out with a reason per pod, and never applies the webhooks of the component', async () => {
    const { cluster, clock, progress } = setup();
    cluster.statusHooks.set('Deployment', (o) => ({ ...o, status: { replicas: 1, updatedReplicas: 1, availableReplicas: 0 } }));
    cluster.objects.set('pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'istiod-7d9f', namespace: 'istio-system', labels: { app: 'istiod' } },
      status: {
        phase: 'Pending',
        containerStatuses: [
          { name: 'discovery', image: 'docker.io/istio/pilot:1.30.3', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } } },
        ],
      },
    });
    const plan = planInstall(sampleRender(), PLAN_OPTIONS);
    const error = await runInstall(plan, cluster, clock, progress, { ...WAIT, wait: { timeoutMs: 10_000, intervalMs: 2000 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterError);
    expect((error as Error).message).toBe(
      [
        'Istiod not ready after 10s:',
        '  Deployment istio-system/istiod: 0/1 replicas ready',
        '    pod istiod-7d9f: ImagePullBackOff: cannot pull image docker.io/istio/pilot:1.30.3 for container discovery: Back-off pulling image',
      ].join('\n'),
    );
    expect(cluster.calls).not.toContain('apply MutatingWebhookConfiguration istio-sidecar-injector');
    expect(clock.t).toBe(10_000);
  });

  it('fails when CRDs do not become Established', async () => {
    const { cluster, clock, progress } = setup();
    cluster.statusHooks.set('CustomResourceDefinition', (o) => ({
      ...o,
      status: { conditions: [{ type: 'NamesAccepted', status: 'False', message: 'plural clash' }] },
    }));
    await expect(
      runInstall(planInstall(sampleRender(), PLAN_OPTIONS), cluster, clock, progress, { ...WAIT, wait: { timeoutMs: 4000, intervalMs: 2000 } }),
    ).rejects.toThrow(
      '2 CRDs not Established after 4s: destinationrules.networking.istio.io (names not accepted: plural clash), virtualservices.networking.istio.io (names not accepted: plural clash)',
    );
  });
});
