import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../../src/core/model/snapshot.js';
import { createView } from '../../../../src/core/model/view.js';
import { workloads } from '../../../../src/core/model/workloads.js';
import { ambientServiceView, ambientWorkloadView, serviceWaypoint, workloadWaypoint } from '../../../../src/core/ambient/index.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';
import { namespace, pod, service, waypointGw } from '../../../helpers/ambient-world.js';

const viewOf = (objects: KubeObject[], origin: 'cluster' | 'file' = 'cluster') =>
  createView(
    buildSnapshot(
      [
        {
          objects: objects.map((object) => ({
            object,
            origin: origin === 'cluster' ? { type: 'cluster' as const } : { type: 'file' as const, file: 'x.yaml', doc: undefined as never, path: [] },
          })),
          complete: ['Gateway.gateway.networking.k8s.io', 'Pod', 'Service', 'Namespace'],
        },
      ],
      { defaultNamespace: 'default', istioNamespace: 'istio-system', addDefaults: false },
    ),
  );
const AMBIENT = { 'istio.io/dataplane-mode': 'ambient' };
const ready = (name = 'waypoint', ns = 'shop', labels: Record<string, string> = {}) => waypointGw(name, ns, { programmed: 'True', labels });

/** The workload path of pod `p` in a world of `objects`. */
function podPath(objects: KubeObject[], name = 'p') {
  const ctx = viewOf(objects);
  return workloadWaypoint(
    ctx,
    workloads(ctx).find((w) => w.resource.name === name)!,
  );
}
function svcPath(objects: KubeObject[], name = 'svc') {
  const ctx = viewOf(objects);
  return serviceWaypoint(ctx, ctx.find('Service', 'shop', name)!);
}

// One case per reason a workload's traffic uses no waypoint, and the cases where it does.
describe('why no waypoint', () => {
  it('uses the namespace waypoint for workload traffic when it is for workload traffic', () => {
    const p = podPath([
      namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' }),
      pod('p', 'shop', {}),
      ready('waypoint', 'shop', { 'istio.io/waypoint-for': 'workload' }),
    ]);
    expect(p).toMatchObject({ waypoint: { namespace: 'shop', name: 'waypoint', via: 'namespace' } });
    expect(p.reason).toBeUndefined();
  });

  it('the pod label wins over the namespace, and use-waypoint-namespace points elsewhere', () => {
    const p = podPath([
      namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'other' }),
      namespace('infra'),
      pod('p', 'shop', { 'istio.io/use-waypoint': 'shared', 'istio.io/use-waypoint-namespace': 'infra' }),
      waypointGw('shared', 'infra', { programmed: 'True', labels: { 'istio.io/waypoint-for': 'all' }, allowedFrom: 'All' }),
    ]);
    expect(p.waypoint).toEqual({ namespace: 'infra', name: 'shared', via: 'pod' });
  });

  it.each([
    [
      'not-ambient',
      [namespace('shop', { 'istio.io/use-waypoint': 'waypoint' }), pod('p', 'shop', {}), ready()],
      /neither the pod nor namespace shop has istio.io\/dataplane-mode=ambient/,
    ],
    ['opted-out', [namespace('shop', AMBIENT), pod('p', 'shop', { 'istio.io/dataplane-mode': 'none' })], /opts out of ambient mode/],
    ['sidecar', [namespace('shop', AMBIENT), pod('p', 'shop', {}, { sidecar: true })], /runs an istio-proxy sidecar/],
    ['sidecar', [namespace('shop', { ...AMBIENT, 'istio-injection': 'enabled' }), pod('p', 'shop', {})], /istio-injection=enabled/],
    ['no-use-waypoint', [namespace('shop', AMBIENT), pod('p', 'shop', {})], /no istio.io\/use-waypoint label on the pod or on namespace shop/],
    [
      'use-waypoint-none',
      [namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' }), pod('p', 'shop', { 'istio.io/use-waypoint': 'none' }), ready()],
      /=none on the pod/,
    ],
    [
      'waypoint-not-found',
      [namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'missing' }), pod('p', 'shop', {})],
      /names waypoint shop\/missing, which does not exist/,
    ],
    [
      'not-a-waypoint',
      [
        namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'ingress' }),
        pod('p', 'shop', {}),
        waypointGw('ingress', 'shop', { programmed: 'True', className: 'istio' }),
      ],
      /class istio is not a waypoint class/,
    ],
    [
      'traffic-not-covered',
      [namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' }), pod('p', 'shop', {}), ready()],
      /istio.io\/waypoint-for=service \(the default\), which does not take workload traffic/,
    ],
    [
      'namespace-not-allowed',
      [
        namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'shared', 'istio.io/use-waypoint-namespace': 'infra' }),
        namespace('infra'),
        pod('p', 'shop', {}),
        waypointGw('shared', 'infra', { programmed: 'True', labels: { 'istio.io/waypoint-for': 'all' }, allowedFrom: 'Same' }),
      ],
      /waypoint infra\/shared does not admit users from namespace shop/,
    ],
    [
      'not-programmed',
      [
        namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' }),
        pod('p', 'shop', {}),
        waypointGw('waypoint', 'shop', {
          programmed: 'False',
          reason: 'Pending',
          message: 'waiting for deployment',
          labels: { 'istio.io/waypoint-for': 'all' },
        }),
      ],
      /is not Programmed: Programmed=False \(Pending: waiting for deployment\)/,
    ],
    [
      'revision-mismatch',
      [
        namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint', 'istio.io/rev': 'stable' }),
        pod('p', 'shop', {}),
        ready('waypoint', 'shop', { 'istio.io/waypoint-for': 'all', 'istio.io/rev': 'canary' }),
      ],
      /belongs to revision canary, the workload to revision stable/,
    ],
  ])('%s', (code, objects, message) => {
    const p = podPath(objects as KubeObject[]);
    expect(p.waypoint).toBeUndefined();
    expect(p.reason?.code).toBe(code);
    expect(p.reason?.message).toMatch(message);
    expect(p.reason?.fix).not.toBe('');
  });

  it('service traffic: the service label, the default waypoint-for service, and workload-only waypoints', () => {
    const ns = namespace('shop', AMBIENT);
    expect(svcPath([ns, service('svc', 'shop', { app: 'a' }, { 'istio.io/use-waypoint': 'waypoint' }), ready()]).waypoint?.via).toBe('service');
    const excluded = svcPath([
      ns,
      service('svc', 'shop', { app: 'a' }, { 'istio.io/use-waypoint': 'waypoint' }),
      ready('waypoint', 'shop', { 'istio.io/waypoint-for': 'workload' }),
    ]);
    expect(excluded.reason?.code).toBe('traffic-not-covered');
    expect(excluded.reason?.fix).toBe('kubectl label gateway waypoint -n shop istio.io/waypoint-for=all --overwrite');
  });

  it('a Gateway read from files has no status, so it is not called unprogrammed', () => {
    const ctx = viewOf(
      [namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' }), service('svc', 'shop', { app: 'a' }), waypointGw('waypoint', 'shop')],
      'file',
    );
    expect(serviceWaypoint(ctx, ctx.find('Service', 'shop', 'svc')!).waypoint?.name).toBe('waypoint');
  });
});

describe('ambient views', () => {
  const policy = (name: string, spec: Record<string, unknown>): KubeObject => ({
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name, namespace: 'shop' },
    spec,
  });
  const l7 = { rules: [{ to: [{ operation: { methods: ['GET'], paths: ['/api/*'] } }], from: [{ source: { requestPrincipals: ['*'] } }] }] };

  it('splits L4 (selector) from L7 (targetRefs to the waypoint or the Service) policies', () => {
    const ctx = viewOf([
      namespace('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' }),
      pod('p', 'shop', { app: 'a' }, { node: 'node-1' }),
      service('svc', 'shop', { app: 'a' }),
      ready(),
      policy('l4', { selector: { matchLabels: { app: 'a' } }, rules: [{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/x'] } }] }] }),
      policy('at-waypoint', { targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }], ...l7 }),
      policy('at-service', {
        targetRefs: [{ kind: 'Service', group: '', name: 'svc' }],
        action: 'DENY',
        rules: [{ to: [{ operation: { paths: ['/admin'] } }] }],
      }),
    ]);
    const view = ambientWorkloadView(ctx, workloads(ctx)[0]!, 'istio-system');
    expect(view.ztunnelNode).toBe('node-1');
    expect(view.l4.map((p) => p.name)).toEqual(['l4']);
    expect(view.l7.map((p) => [p.name, p.target])).toEqual([
      ['at-service', 'Service svc'],
      ['at-waypoint', 'Gateway waypoint'],
    ]);
    expect(view.warnings).toEqual([]);
  });

  it("root-namespace policies apply mesh-wide, with a selector too; other namespaces' do not", () => {
    const inNs = (ns: string, name: string, spec: Record<string, unknown>): KubeObject => ({ ...policy(name, spec), metadata: { name, namespace: ns } });
    const ctx = viewOf([
      namespace('shop', AMBIENT),
      pod('p', 'shop', { app: 'a' }),
      inNs('istio-system', 'mesh-wide', {}),
      inNs('istio-system', 'root-selector', { selector: { matchLabels: { app: 'a' } } }),
      inNs('other', 'elsewhere', {}),
    ]);
    expect(ambientWorkloadView(ctx, workloads(ctx)[0]!, 'istio-system').l4.map((p) => p.name)).toEqual(['mesh-wide', 'root-selector']);
  });

  it('warns about an L7 policy that only ztunnel sees', () => {
    const ctx = viewOf([
      namespace('shop', AMBIENT),
      pod('p', 'shop', { app: 'a' }),
      service('svc', 'shop', { app: 'a' }),
      policy('l7', { selector: { matchLabels: { app: 'a' } }, ...l7 }),
    ]);
    const view = ambientServiceView(ctx, ctx.find('Service', 'shop', 'svc')!, 'istio-system');
    expect(view.warnings[0]).toMatch(/uses L7 attributes \(methods, paths, requestPrincipals\) but no waypoint takes this traffic/);
  });
});
