import { describe, expect, it } from 'vitest';
import { listRow, statusRow, waypointsOf } from '../../../../src/core/waypoint/rows.js';
import { waypointGateway } from '../../../../src/core/waypoint/gateway.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';

const gw = (name: string, ns: string, conditions: object[], className = 'istio-waypoint', labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name, namespace: ns, labels },
  spec: { gatewayClassName: className },
  status: { conditions },
});

describe('waypoint rows', () => {
  it('status shows the Programmed condition when True, else the last condition (istioctl loop variable), else an empty one', () => {
    const accepted = { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'ok' };
    const programmed = { type: 'Programmed', status: 'True', reason: 'Programmed', message: 'done' };
    const pending = { type: 'Programmed', status: 'False', reason: 'NoResources', message: 'no pods' };
    expect(statusRow(gw('a', 'x', [programmed, accepted]))).toMatchObject({ status: 'True', type: 'Programmed', reason: 'Programmed' });
    expect(statusRow(gw('a', 'x', [pending, accepted]))).toMatchObject({ status: 'True', type: 'Accepted' });
    expect(statusRow(gw('a', 'x', []))).toEqual({ namespace: 'x', name: 'a', type: '', status: '', reason: '', message: '' });
  });

  it('list defaults the revision to default, the traffic type to none, PROGRAMMED to False', () => {
    expect(listRow(gw('a', 'x', []))).toEqual({ namespace: 'x', name: 'a', revision: 'default', trafficType: 'none', programmed: 'False' });
    expect(
      listRow(gw('a', 'x', [{ type: 'Programmed', status: 'Unknown' }], 'istio-waypoint', { 'istio.io/rev': 'r', 'istio.io/waypoint-for': 'workload' })),
    ).toEqual({
      namespace: 'x',
      name: 'a',
      revision: 'r',
      trafficType: 'workload',
      programmed: 'Unknown',
    });
  });

  it('keeps only the waypoint classes asked for, by namespace then name', () => {
    const all = [gw('b', 'y', []), gw('a', 'y', []), gw('z', 'x', [], 'istio'), gw('c', 'x', [], 'istio-agentgateway-waypoint')];
    expect(waypointsOf(all).map((g) => `${g.metadata?.namespace}/${g.metadata?.name}`)).toEqual(['y/a', 'y/b']);
    expect(waypointsOf(all, ['istio-waypoint', 'istio-agentgateway-waypoint']).map((g) => g.metadata?.name)).toEqual(['c', 'a', 'b']);
  });

  it('generate refuses the reserved name and unknown traffic types; an empty name is the default', () => {
    expect(() => waypointGateway({ name: 'none' })).toThrow("'none' is a reserved value");
    expect(() => waypointGateway({ trafficType: 'pods' })).toThrow('invalid traffic type: pods');
    expect(waypointGateway({ name: '' }).metadata).toEqual({ name: 'waypoint' });
  });
});
