import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import { gatewayCrd, waypointGw } from '../helpers/ambient-world.js';

const GENERATED = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: waypoint
spec:
  gatewayClassName: istio-waypoint
  listeners:
  - name: mesh
    port: 15008
    protocol: HBONE
`;

describe('mesh waypoint generate', () => {
  it('prints the Gateway as istioctl does, without a namespace unless -n is given', async () => {
    const res = await runWithWorld(['waypoint', 'generate'], { noCluster: true });
    expect(res).toMatchObject({ code: 0, stdout: GENERATED, stderr: '' });
  });

  it('labels the revision and traffic type only when asked, sorted as sigs.k8s.io/yaml writes them', async () => {
    const res = await runWithWorld(['waypoint', 'generate', '-n', 'shop', '--name', 'wp', '--for', 'workload', '-r', 'canary'], { noCluster: true });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(
      GENERATED.replace('  name: waypoint\n', '  labels:\n    istio.io/rev: canary\n    istio.io/waypoint-for: workload\n  name: wp\n  namespace: shop\n'),
    );
  });

  it('--class picks the agentgateway waypoint class; -o json prints JSON', async () => {
    const res = await runWithWorld(['waypoint', 'generate', '--class', 'istio-agentgateway-waypoint', '-o', 'json'], { noCluster: true });
    expect(JSON.parse(res.stdout).spec).toEqual({
      gatewayClassName: 'istio-agentgateway-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    });
  });

  it('an empty --name is the default name', async () => {
    expect((await runWithWorld(['waypoint', 'generate', '--name', ''], { noCluster: true })).stdout).toBe(GENERATED);
  });

  it.each([
    [['--for', 'pods'], 'invalid traffic type: pods. Valid options are: [all none service workload]'],
    [['--name', 'none'], "invalid name provided for waypoint, 'none' is a reserved value"],
    [['--class', 'istio'], "argument 'istio' is invalid"],
  ])('%j is a usage error (64), one line', async (flags, message) => {
    const res = await runWithWorld(['waypoint', 'generate', ...flags], { noCluster: true });
    expect(res.code).toBe(64);
    expect(res.stderr).toContain(message);
    expect(res.stderr.trim().split('\n')[0]).toMatch(/^error: /);
    expect(res.stdout).toBe('');
  });
});

// The cases of istioctl's waypoint_test.go TestWaypointList / TestWaypointStatus, with mesh's own expectations.
describe('mesh waypoint list', () => {
  const combined: FakeWorld = {
    objects: [
      gatewayCrd(),
      waypointGw('bookinfo', 'default', { programmed: 'True', className: 'other' }),
      waypointGw('bookinfo-invalid', 'fake', { programmed: 'False', className: 'other' }),
      waypointGw('waypoint', 'default', { programmed: 'False' }),
      waypointGw('bookinfo-valid', 'bookinfo', { programmed: 'True' }),
      waypointGw('no-name-convention', 'default', { programmed: 'True' }),
      waypointGw('bookinfo-rev', 'bookinfo', { programmed: 'True', labels: { 'istio.io/rev': 'rev1' } }),
      waypointGw('bookinfo-traffic-type', 'bookinfo', { programmed: 'True', labels: { 'istio.io/waypoint-for': 'all' } }),
    ],
  };

  it('no gateways: one line on stdout', async () => {
    expect(await runWithWorld(['waypoint', 'list'], { objects: [gatewayCrd()] })).toMatchObject({ code: 0, stdout: 'No waypoints found.\n' });
  });

  it('the namespace only, without a NAMESPACE column', async () => {
    const res = await runWithWorld(['waypoint', 'list'], {
      objects: [gatewayCrd(), waypointGw('waypoint', 'default', { programmed: 'True' }), waypointGw('waypoint', 'fake', { programmed: 'True' })],
    });
    expect(res.stdout).toBe('NAME         REVISION     TRAFFIC TYPE     PROGRAMMED\nwaypoint     default      none             True\n');
  });

  it('-A: only waypoint classes, by namespace and name, with revision and traffic type', async () => {
    const res = await runWithWorld(['waypoint', 'list', '-A'], combined);
    expect(res.stdout).toBe(
      [
        'NAMESPACE     NAME                      REVISION     TRAFFIC TYPE     PROGRAMMED',
        'bookinfo      bookinfo-rev              rev1         none             True',
        'bookinfo      bookinfo-traffic-type     default      all              True',
        'bookinfo      bookinfo-valid            default      none             True',
        'default       no-name-convention        default      none             True',
        'default       waypoint                  default      none             False',
        '',
      ].join('\n'),
    );
  });

  it('-o json carries the same rows', async () => {
    const rows = JSON.parse((await runWithWorld(['waypoint', 'list', '-A', '-o', 'json'], combined)).stdout);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['bookinfo-rev', 'bookinfo-traffic-type', 'bookinfo-valid', 'no-name-convention', 'waypoint']);
    expect(rows[0]).toEqual({ namespace: 'bookinfo', name: 'bookinfo-rev', revision: 'rev1', trafficType: 'none', programmed: 'True' });
  });
});

describe('mesh waypoint status', () => {
  it('a ready waypoint: its Programmed condition', async () => {
    const res = await runWithWorld(['waypoint', 'status'], { objects: [gatewayCrd(), waypointGw('waypoint', 'default', { programmed: 'True' })] });
    expect(res.stdout).toBe('NAME         STATUS     TYPE           REASON     MESSAGE\nwaypoint     True       Programmed                \n');
  });

  it('-A adds the NAMESPACE column', async () => {
    const objects = [
      gatewayCrd(),
      ...['fake1', 'fake2'].map((ns) => waypointGw('waypoint', ns, { programmed: 'True', reason: 'Programmed', message: 'Resource programmed' })),
    ];
    const res = await runWithWorld(['waypoint', 'status', '--all-namespaces'], { objects });
    expect(res.stdout.split('\n')[0]).toBe('NAMESPACE     NAME         STATUS     TYPE           REASON         MESSAGE');
    expect(res.stdout.split('\n')[2]).toBe('fake2         waypoint     True       Programmed     Programmed     Resource programmed');
  });

  it('--wait=false prints a waypoint that is not ready, exit 0', async () => {
    const res = await runWithWorld(['waypoint', 'status', '--wait=false'], {
      objects: [gatewayCrd(), waypointGw('waypoint', 'default', { programmed: 'False' })],
    });
    expect(res).toMatchObject({
      code: 0,
      stdout: 'NAME         STATUS     TYPE           REASON     MESSAGE\nwaypoint     False      Programmed                \n',
    });
  });

  it('waiting times out after --waypoint-timeout: one line, exit 69, no table', async () => {
    const res = await runWithWorld(['waypoint', 'status', '--waypoint-timeout', '0.5s'], {
      objects: [gatewayCrd(), waypointGw('waypoint', 'default', { programmed: 'False' })],
    });
    expect(res.code).toBe(69);
    expect(res.stdout).toBe('');
    expect(res.stderr.split('\n')[0]).toBe('error: timed out while retrieving status for waypoint default/waypoint');
  });

  it('waits until istiod marks it Programmed', async () => {
    const world = { objects: [gatewayCrd(), waypointGw('waypoint', 'default', { programmed: 'False' })] };
    const { runStatusWith } = await statusHelper();
    const res = await runStatusWith(world, 3);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('waypoint     True       Programmed');
  });
});

/** Runs `waypoint status` where the Gateway becomes Programmed on the n-th read (istiod's status write). */
async function statusHelper() {
  const { fakeContext } = await import('../helpers/fake-context.js');
  const { runStatus } = await import('../../src/commands/waypoint/run-status.js');
  return {
    async runStatusWith(world: FakeWorld, afterReads: number) {
      const ctx = fakeContext(world, {});
      let reads = 0;
      ctx.installed.statusHooks.set('Gateway', (o) => (++reads >= afterReads ? { ...o, status: { conditions: [{ type: 'Programmed', status: 'True' }] } } : o));
      const code = await runStatus(ctx, { name: 'waypoint', wait: true, waypointTimeout: 90_000, allNamespaces: false, output: 'table' }, undefined);
      return { code, stdout: ctx.stdout(), stderr: ctx.stderr(), sleeps: ctx.clock };
    },
  };
}

describe('mesh waypoint help', () => {
  it('each subcommand has examples in --help', async () => {
    for (const sub of ['generate', 'apply', 'list', 'status', 'delete']) {
      const res = await runWithWorld(['waypoint', sub, '--help'], { noCluster: true });
      expect(res.code, sub).toBe(0);
      expect(res.stdout, sub).toMatch(/Examples:\n\s+(mesh waypoint|#)/);
    }
  });
});
