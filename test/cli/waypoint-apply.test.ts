import { describe, expect, it } from 'vitest';
import { fakeContext, runWithWorld } from '../helpers/fake-context.js';
import { gatewayCrd, namespace, waypointGw } from '../helpers/ambient-world.js';
import { runApply } from '../../src/commands/waypoint/run.js';
import type { ApplyOptions } from '../../src/commands/waypoint/flags.js';

const ambientNs = namespace('shop', { 'istio.io/dataplane-mode': 'ambient' });

describe('mesh waypoint apply', () => {
  it('applies the Gateway in the namespace and labels the namespace with --enroll-namespace', async () => {
    const res = await runWithWorld(['waypoint', 'apply', '-n', 'shop', '--enroll-namespace', '--for', 'all'], { objects: [gatewayCrd(), ambientNs] });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('✅ waypoint shop/waypoint applied\n✅ namespace shop labeled with "istio.io/use-waypoint: waypoint"\n');
    const calls = res.ctx.installed.calls.filter((c) => !c.startsWith('get') && !c.startsWith('list'));
    expect(calls).toEqual(['apply(force) Gateway shop/waypoint', 'label Namespace shop istio.io/use-waypoint=waypoint']);
    const gw = [...res.ctx.installed.objects.values()].find((o) => o.kind === 'Gateway')!;
    expect(gw.metadata).toEqual({ name: 'waypoint', namespace: 'shop', labels: { 'istio.io/waypoint-for': 'all' } });
  });

  it('without the Gateway API CRDs: one line, exit 69, nothing applied or labelled', async () => {
    const res = await runWithWorld(['waypoint', 'apply', '-n', 'shop', '--enroll-namespace'], { objects: [ambientNs] });
    expect(res.code).toBe(69);
    expect(res.stderr.split('\n')[0]).toBe('error: missing Kubernetes Gateway CRDs need to be installed before applying a waypoint');
    expect(res.stderr).toMatch(/^hint: kubectl apply --server-side -f https:\/\/github.com\/kubernetes-sigs\/gateway-api\/releases/m);
    expect(res.ctx.installed.calls.filter((c) => /^(apply|label|delete)/.test(c))).toEqual([]);
  });

  it('an already enrolled namespace is left alone without --overwrite (a warning, exit 0, nothing applied)', async () => {
    const ns = namespace('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'old' });
    const res = await runWithWorld(['waypoint', 'apply', '-n', 'shop', '--enroll-namespace'], { objects: [gatewayCrd(), ns] });
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('namespace (shop) already has an enrolled Waypoint. Consider adding the `--overwrite` flag');
    expect(res.ctx.installed.calls.filter((c) => /^(apply|label)/.test(c))).toEqual([]);
    const again = await runWithWorld(['waypoint', 'apply', '-n', 'shop', '--enroll-namespace', '--overwrite', '--name', 'new'], {
      objects: [gatewayCrd(), ns],
    });
    expect(again.ctx.installed.calls.filter((c) => /^(apply|label)/.test(c))).toEqual([
      'apply(force) Gateway shop/new',
      'label Namespace shop istio.io/use-waypoint=new',
    ]);
  });

  it('warns when the namespace is not enrolled in ambient, and applies anyway', async () => {
    const res = await runWithWorld(['waypoint', 'apply', '-n', 'plain', '--enroll-namespace'], { objects: [gatewayCrd(), namespace('plain')] });
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('namespace is not enrolled in ambient. Consider running\t`kubectl label namespace plain istio.io/dataplane-mode=ambient`');
    expect(res.stderr).toContain('✅ waypoint plain/waypoint applied');
  });

  it('a missing namespace is an error before anything is applied', async () => {
    const res = await runWithWorld(['waypoint', 'apply', '-n', 'nope'], { objects: [gatewayCrd()] });
    expect(res.code).toBe(69);
    expect(res.stderr.split('\n')[0]).toBe('error: namespace: nope not found');
  });

  it('bad flags change nothing in the cluster', async () => {
    const res = await runWithWorld(['waypoint', 'apply', '-n', 'shop', '--for', 'pods', '--enroll-namespace'], { objects: [gatewayCrd(), ambientNs] });
    expect(res.code).toBe(64);
    expect(res.ctx.installed.calls).toEqual([]);
  });

  const opts = (o: Partial<ApplyOptions> = {}): ApplyOptions => ({
    name: 'waypoint',
    for: undefined,
    revision: undefined,
    class: 'istio-waypoint',
    enrollNamespace: true,
    overwrite: false,
    wait: true,
    waypointTimeout: 90_000,
    ...o,
  });

  it('--wait polls once a second until Programmed, then enrolls the namespace', async () => {
    const ctx = fakeContext({ objects: [gatewayCrd(), ambientNs] }, { namespace: 'shop' });
    let reads = 0;
    ctx.installed.statusHooks.set('Gateway', (o) => (++reads >= 4 ? { ...o, status: { conditions: [{ type: 'Programmed', status: 'True' }] } } : o));
    expect(await runApply(ctx, opts())).toBe(0);
    expect(ctx.stderr()).toBe(
      '✅ waypoint shop/waypoint applied\n✅ waypoint shop/waypoint is ready!\n✅ namespace shop labeled with "istio.io/use-waypoint: waypoint"\n',
    );
    expect(reads).toBe(4);
  });

  it('--wait times out after --waypoint-timeout, leaving the namespace unlabelled', async () => {
    const ctx = fakeContext({ objects: [gatewayCrd(), ambientNs] }, { namespace: 'shop' });
    await expect(runApply(ctx, opts({ waypointTimeout: 5000 }))).rejects.toThrow('timed out while waiting for waypoint shop/waypoint');
    expect(ctx.installed.calls.some((c) => c.startsWith('label'))).toBe(false);
  });
});

describe('mesh waypoint delete', () => {
  const objects = [
    gatewayCrd(),
    waypointGw('waypoint', 'shop'),
    waypointGw('canary-wp', 'shop', { labels: { 'istio.io/rev': 'canary' } }),
    waypointGw('ingress', 'shop', { className: 'istio' }),
  ];

  it('deletes by name and names what it did not find; never a non-waypoint Gateway', async () => {
    const res = await runWithWorld(['waypoint', 'delete', 'waypoint', 'ingress', '-n', 'shop'], { objects });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('waypoint shop/ingress not found\nwaypoint shop/waypoint deleted\n');
    expect(res.ctx.installed.calls.filter((c) => c.startsWith('delete'))).toEqual(['delete Gateway shop/waypoint']);
  });

  it('--all deletes every waypoint of the namespace; -r those of a revision', async () => {
    const all = await runWithWorld(['waypoint', 'delete', '--all', '-n', 'shop'], { objects });
    expect(all.ctx.installed.calls.filter((c) => c.startsWith('delete'))).toEqual(['delete Gateway shop/canary-wp', 'delete Gateway shop/waypoint']);
    const rev = await runWithWorld(['waypoint', 'delete', '-r', 'canary', '-n', 'shop'], { objects });
    expect(rev.ctx.installed.calls.filter((c) => c.startsWith('delete'))).toEqual(['delete Gateway shop/canary-wp']);
  });

  it.each([
    [['waypoint', 'delete'], 'must specify a waypoint name or delete all using --all or delete specific revision using --revision'],
    [['waypoint', 'delete', 'x', '--all'], 'cannot specify waypoint names when deleting all waypoints'],
  ])('%j is a usage error', async (argv, message) => {
    const res = await runWithWorld(argv, { objects });
    expect(res.code).toBe(64);
    expect(res.stderr).toContain(message);
  });
});
