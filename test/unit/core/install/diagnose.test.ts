import { describe, expect, it } from 'vitest';
import { diagnosePod, logsToFetch } from '../../../../src/core/install/diagnose.js';
import type { KubeEvent } from '../../../../src/core/install/client.js';
import type { KubeObject } from '../../../../src/core/yaml/load.js';

function pod(status: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'istiod-1', namespace: 'istio-system', ...metadata }, status };
}
const waiting = (name: string, reason: string, message?: string, extra: Record<string, unknown> = {}) => ({
  name,
  image: `docker.io/istio/pilot:1.30.3`,
  ready: false,
  restartCount: 0,
  state: { waiting: { reason, ...(message ? { message } : {}) } },
  ...extra,
});
const ev = (reason: string, message: string): KubeEvent => ({ type: 'Warning', reason, message, count: 1 });

describe('diagnosePod', () => {
  const cases: [string, KubeObject, { events?: KubeEvent[]; logs?: Record<string, string> }, string | undefined][] = [
    ['ready pod', pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }), {}, undefined],
    [
      'unschedulable',
      pod({
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }],
      }),
      {},
      'Pending and unschedulable: 0/3 nodes are available: 3 Insufficient cpu.',
    ],
    [
      'unschedulable, reason only in events',
      pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] }),
      { events: [ev('FailedScheduling', '0/1 nodes are available: 1 node(s) had untolerated taint.')] },
      'Pending and unschedulable: 0/1 nodes are available: 1 node(s) had untolerated taint.',
    ],
    [
      'image pull back-off',
      pod({ phase: 'Pending', containerStatuses: [waiting('discovery', 'ImagePullBackOff', 'Back-off pulling image "docker.io/istio/pilot:1.30.3"')] }),
      {},
      'ImagePullBackOff: cannot pull image docker.io/istio/pilot:1.30.3 for container discovery: Back-off pulling image "docker.io/istio/pilot:1.30.3"',
    ],
    [
      'err image pull',
      pod({ phase: 'Pending', containerStatuses: [waiting('discovery', 'ErrImagePull')] }),
      {},
      'ErrImagePull: cannot pull image docker.io/istio/pilot:1.30.3 for container discovery',
    ],
    [
      'crash loop with the last log line',
      pod({
        phase: 'Running',
        containerStatuses: [waiting('discovery', 'CrashLoopBackOff', 'back-off 40s', { restartCount: 4, lastState: { terminated: { exitCode: 255 } } })],
      }),
      { logs: { discovery: 'error\tfailed to read mesh config: unknown field "foo"' } },
      'CrashLoopBackOff: container discovery restarted 4 times, last exit code 255; last log line: error failed to read mesh config: unknown field "foo"',
    ],
    [
      'crash loop without logs',
      pod({ phase: 'Running', containerStatuses: [waiting('discovery', 'CrashLoopBackOff', undefined, { restartCount: 1 })] }),
      {},
      'CrashLoopBackOff: container discovery restarted 1 time',
    ],
    [
      'missing config map',
      pod({ phase: 'Pending', containerStatuses: [waiting('discovery', 'CreateContainerConfigError', 'configmap "istio" not found')] }),
      {},
      'CreateContainerConfigError: container discovery: configmap "istio" not found',
    ],
    [
      'init container failing first',
      pod({
        phase: 'Pending',
        initContainerStatuses: [waiting('istio-init', 'CrashLoopBackOff', undefined, { restartCount: 2 })],
        containerStatuses: [waiting('istio-proxy', 'PodInitializing')],
      }),
      {},
      'CrashLoopBackOff: container istio-init restarted 2 times',
    ],
    [
      'failing readiness probe',
      pod({
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False', message: 'containers with unready status: [discovery]' }],
        containerStatuses: [{ name: 'discovery', ready: false, state: { running: {} } }],
      }),
      { events: [ev('Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503')] },
      'failing probe: Readiness probe failed: HTTP probe failed with statuscode: 503',
    ],
    [
      'not ready, no event',
      pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False', message: 'containers with unready status: [discovery]' }] }),
      {},
      'not ready: containers with unready status: [discovery]',
    ],
    [
      'exited with an error',
      pod({ phase: 'Failed', containerStatuses: [{ name: 'discovery', state: { terminated: { exitCode: 1, reason: 'Error' } } }] }),
      { logs: { discovery: 'panic: boom' } },
      'container discovery exited with code 1 (Error); last log line: panic: boom',
    ],
    [
      'volume mount failing',
      pod({ phase: 'Pending', containerStatuses: [waiting('discovery', 'ContainerCreating')] }),
      { events: [ev('FailedMount', 'MountVolume.SetUp failed for volume "cacerts": secret "cacerts" not found')] },
      'FailedMount: MountVolume.SetUp failed for volume "cacerts": secret "cacerts" not found',
    ],
    ['terminating', pod({ phase: 'Running' }, { deletionTimestamp: '2026-01-01T00:00:00Z' }), {}, 'terminating'],
    ['pending with nothing known', pod({ phase: 'Pending' }), {}, 'Pending: waiting to be scheduled or started'],
  ];
  it.each(cases)('%s', (_name, p, extras, expected) => {
    expect(diagnosePod(p, { events: extras.events ?? [], logs: extras.logs ?? {} })).toBe(expected);
  });
});

describe('logsToFetch', () => {
  it('asks for the previous run of crash-looping containers and the current run of failed ones', () => {
    const p = pod({
      containerStatuses: [
        waiting('a', 'CrashLoopBackOff'),
        { name: 'b', state: { terminated: { exitCode: 2 } } },
        { name: 'c', state: { terminated: { exitCode: 0 } } },
        { name: 'd', state: { running: {} } },
      ],
    });
    expect(logsToFetch(p)).toEqual([
      { container: 'a', previous: true },
      { container: 'b', previous: false },
    ]);
  });
});
