// mesh precheck for the ambient profile: the Gateway API CRDs waypoints need, and istio-cni (over the fake context).
import { describe, expect, it } from 'vitest';
import { runWithWorld } from '../helpers/fake-context.js';
import { gatewayCrd } from '../helpers/ambient-world.js';

const cniDaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'istio-cni-node', namespace: 'kube-system', labels: { 'k8s-app': 'istio-cni-node' } },
  spec: {},
};

describe('mesh precheck --set profile=ambient', () => {
  it('fails without the Gateway API CRDs, naming the fix', async () => {
    const r = await runWithWorld(['precheck', '--set', 'profile=ambient']);
    expect(r.code).toBe(79);
    expect(r.stdout).toBe(
      'Error [MESH0015] (Cluster) Ambient mode needs the Gateway API for waypoints, but CRD gateways.gateway.networking.k8s.io is not installed. ' +
        'Install the standard CRDs first: kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml\n',
    );
  });

  it('passes with a Gateway CRD serving v1 (istio-cni comes with the profile)', async () => {
    expect(await runWithWorld(['precheck', '--set', 'profile=ambient'], { objects: [gatewayCrd()] })).toMatchObject({ code: 0, stdout: '' });
  });

  it('a Gateway CRD that does not serve v1 is not enough', async () => {
    const old = gatewayCrd('v0.8.1');
    (old.spec as { versions: unknown[] }).versions = [{ name: 'v1beta1', served: true }];
    const r = await runWithWorld(['precheck', '--set', 'profile=ambient'], { objects: [old] });
    expect(r.code).toBe(79);
    expect(r.stdout).toContain(
      '[MESH0015] (CustomResourceDefinition gateways.gateway.networking.k8s.io) Ambient mode needs the Gateway API for waypoints, but CRD',
    );
    expect(r.stdout).toContain('does not serve v1 (bundle version v0.8.1');
  });

  it('without istio-cni in the install, one must already run in the cluster', async () => {
    const flags = ['precheck', '--set', 'profile=ambient', '--set', 'components.cni.enabled=false'];
    const missing = await runWithWorld(flags, { objects: [gatewayCrd()] });
    expect(missing.code).toBe(79);
    expect(missing.stdout).toMatch(/^Error \[MESH0016\] \(Cluster\) Ambient mode needs the istio-cni node agent/);
    expect(await runWithWorld(flags, { objects: [gatewayCrd(), cniDaemonSet] })).toMatchObject({ code: 0, stdout: '' });
  });

  it('the default profile asks nothing of the Gateway API', async () => {
    expect(await runWithWorld(['precheck'])).toMatchObject({ code: 0, stdout: '' });
  });
});
