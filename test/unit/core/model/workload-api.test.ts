/** The shared check behind kube-inject's, validate's and analyze's warnings about workloads the API server refuses. */
import { describe, expect, it } from 'vitest';
import { isCheckedWorkload, workloadApiProblems } from '../../../../src/core/model/workload-api.js';
import { formatMessage } from '../../../../src/core/model/messages.js';

const workload = (apiVersion: string, kind: string, spec: Record<string, unknown>) => ({ apiVersion, kind, metadata: { name: 'w' }, spec });
const template = { metadata: { labels: { app: 'web', version: 'v1' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
const selector = { matchLabels: { app: 'web' } };

describe('workloadApiProblems', () => {
  it.each([
    ['extensions/v1beta1', 'Deployment'],
    ['extensions/v1beta1', 'DaemonSet'],
    ['extensions/v1beta1', 'ReplicaSet'],
    ['apps/v1beta1', 'Deployment'],
    ['apps/v1beta1', 'StatefulSet'],
    ['apps/v1beta2', 'DaemonSet'],
    ['apps/v1beta2', 'ReplicaSet'],
  ])('points a %s %s at its apiVersion and names apps/v1', (apiVersion, kind) => {
    const [p, ...rest] = workloadApiProblems(workload(apiVersion, kind, { selector, template }));
    expect(rest).toEqual([]);
    expect(p).toEqual({
      code: 'MESH0006',
      args: [apiVersion, kind, 'apps/v1'],
      path: ['apiVersion'],
      message: `${apiVersion} is no longer served for ${kind} (removed in Kubernetes 1.16; kubectl apply refuses it): use apiVersion: apps/v1`,
    });
  });

  it('asks an apps/v1 workload without a selector for matchLabels built from its template labels, at the object', () => {
    expect(workloadApiProblems(workload('apps/v1', 'StatefulSet', { template }))).toEqual([
      {
        code: 'MESH0007',
        args: expect.any(Array),
        path: [],
        message:
          'no spec.selector, which apps/v1 requires (kubectl apply refuses it): add spec.selector.matchLabels matching the pod template labels, e.g. matchLabels: {app: web, version: v1}',
      },
    ]);
  });

  it('says why a beta workload lacks a selector, and reports both problems', () => {
    const found = workloadApiProblems(workload('extensions/v1beta1', 'Deployment', { template }));
    expect(found.map((p) => p.code)).toEqual(['MESH0006', 'MESH0007']);
    expect(found[1]!.message).toContain('(extensions/v1beta1 defaulted it to the pod template labels)');
  });

  it('asks for template labels too when there are none', () => {
    const [p] = workloadApiProblems(workload('apps/v1', 'Deployment', { template: { spec: {} } }));
    expect(p!.message).toMatch(/add labels under spec\.template\.metadata\.labels and a spec\.selector\.matchLabels matching them$/);
  });

  it('builds every message from the catalog template, so analyze says what kube-inject and validate say', () => {
    for (const p of workloadApiProblems(workload('apps/v1beta2', 'Deployment', { template }))) expect(p.message).toBe(formatMessage(p.code, p.args));
  });

  it.each([
    ['a complete apps/v1 Deployment', workload('apps/v1', 'Deployment', { selector, template })],
    ['a Job (its selector is generated)', workload('batch/v1', 'Job', { template })],
    ['a Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} }],
    ['an Ingress in extensions/v1beta1 (not a workload)', workload('extensions/v1beta1', 'Ingress', {})],
    ['something that is not an object', 'text'],
  ])('finds nothing in %s', (_name, object) => {
    expect(workloadApiProblems(object)).toEqual([]);
  });

  it('checks only the four workload kinds in apps/v1 and the removed versions', () => {
    expect(isCheckedWorkload(workload('apps/v1', 'ReplicaSet', {}))).toBe(true);
    expect(isCheckedWorkload(workload('apps/v2', 'Deployment', {}))).toBe(false);
    expect(isCheckedWorkload(workload('v1', 'ReplicationController', {}))).toBe(false);
  });
});
