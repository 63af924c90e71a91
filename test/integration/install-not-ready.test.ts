// A control plane whose pods cannot be scheduled: install and verify-install must say why (the
// scheduler's own words), and install must complete once the cause is fixed.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { kube } from './helpers/kube.js';
import { meshInstall, runMesh } from './helpers/mesh.js';

const NODE = 'kwok-node-0';
const render = ['--set', 'profile=minimal', '--set', 'components.pilot.k8s.nodeSelector.disktype=ssd'];

describe('mesh install when istiod cannot be scheduled', () => {
  const { core } = kube();
  const labelNode = (value: string | null) =>
    core.patchNode({ name: NODE, body: { metadata: { labels: { disktype: value } } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
  afterAll(async () => {
    await runMesh(['uninstall', '--purge', '-y'], { timeoutMs: 300_000 });
    await labelNode(null);
  });

  it("install fails with the scheduler's reason and verify-install reports istiod not ready", async () => {
    const install = await runMesh(['install', ...render, '--readiness-timeout', '5s', '-y'], { timeoutMs: 300_000 });
    expect(install.code, install.stderr).toBe(69);
    expect(install.stderr).toContain('Deployment istio-system/istiod');
    expect(install.stderr).toMatch(/unschedulable: .*didn't match Pod's node affinity\/selector/);

    const verify = await runMesh(['verify-install', ...render, '-o', 'json']);
    expect(verify.code, verify.stderr).toBe(79);
    expect(JSON.parse(verify.stdout).counts['not-ready']).toBe(1);
  });

  it('once a node matches, running install again completes and verify-install passes', async () => {
    await labelNode('ssd');
    const install = await meshInstall([...render, '--readiness-timeout', '2m']);
    expect(install.code, install.stderr).toBe(0);
    const verify = await runMesh(['verify-install', ...render]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});
