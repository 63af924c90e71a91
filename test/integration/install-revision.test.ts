// Two control-plane revisions side by side: uninstalling one leaves the other running.
import { afterAll, describe, expect, it } from 'vitest';
import { kube, statusOf, waitFor } from './helpers/kube.js';
import { meshInstall as install, runMesh } from './helpers/mesh.js';

describe('mesh install --revision', () => {
  const { apps, crds } = kube();
  const available = (name: string) =>
    waitFor(`Deployment ${name} to be Available`, async () => {
      const d = await apps.readNamespacedDeployment({ name, namespace: 'istio-system' });
      return d.status?.conditions?.some((c) => c.type === 'Available' && c.status === 'True');
    });
  afterAll(async () => {
    await runMesh(['uninstall', '--purge', '-y'], { timeoutMs: 300_000 });
  });

  it('installs a canary revision next to the default one', async () => {
    const first = await install(['--set', 'profile=minimal']);
    expect(first.code, first.stderr).toBe(0);
    const canary = await install(['--set', 'profile=minimal', '--revision', 'canary']);
    expect(canary.code, canary.stderr).toBe(0);
    await available('istiod');
    await available('istiod-canary');
    const verify = await runMesh(['verify-install', '--set', 'profile=minimal', '--revision', 'canary']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });

  it('uninstall --revision canary removes only the canary control plane', async () => {
    const res = await runMesh(['uninstall', '--revision', 'canary', '-y'], { timeoutMs: 300_000 });
    expect(res.code, res.stderr).toBe(0);
    const canary = await apps.readNamespacedDeployment({ name: 'istiod-canary', namespace: 'istio-system' }).then(
      () => 200,
      (e: unknown) => statusOf(e),
    );
    expect(canary).toBe(404);
    await available('istiod');
    await crds.readCustomResourceDefinition({ name: 'virtualservices.networking.istio.io' });
    // The default revision is intact: the canary install did not take over the objects both revisions share.
    const verify = await runMesh(['verify-install', '--set', 'profile=minimal']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});
