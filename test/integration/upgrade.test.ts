// mesh upgrade against the real API server: an install of older images (--set tag=<old>, which stamps the old version
// label as that release's install would) stands in for an older Istio; upgrade refuses a skipped minor, then moves a
// supported one to this version.
import { afterAll, describe, expect, it } from 'vitest';
import { kube } from './helpers/kube.js';
import { meshInstall, runMesh } from './helpers/mesh.js';

const VERSION_LABEL = 'operator.istio.io/version';

/** Installs the control plane as release `version` would have left it (its version label and image tags). */
async function installOld(version: string): Promise<void> {
  const r = await meshInstall(['--set', 'profile=minimal', '--set', `tag=${version}`]);
  expect(r.code, r.stderr).toBe(0);
}

async function runningVersion(): Promise<string | undefined> {
  const d = await kube().apps.readNamespacedDeployment({ name: 'istiod', namespace: 'istio-system' });
  return d.metadata?.labels?.[VERSION_LABEL];
}

describe('mesh upgrade', () => {
  afterAll(async () => {
    await runMesh(['uninstall', '--purge', '-y'], { timeoutMs: 300_000 });
  });

  it('refuses to skip minor versions and leaves the control plane as it was', async () => {
    await installOld('1.27.2');
    const r = await runMesh(['upgrade', '--set', 'profile=minimal', '-y'], { timeoutMs: 300_000 });
    expect(r.code, r.stderr).toBe(79);
    expect(r.stderr).toMatch(/MESH0004.*1\.27\.2/);
    expect(await runningVersion()).toBe('1.27.2');
  });

  it('--dry-run previews a supported upgrade as JSON and changes nothing', async () => {
    await installOld('1.29.0');
    const r = await runMesh(['upgrade', '--set', 'profile=minimal', '--dry-run', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { checks: { from: { version: string }[]; to: string; failed: boolean } };
    expect(out.checks.from[0]?.version).toBe('1.29.0');
    expect(out.checks.failed).toBe(false);
    expect(await runningVersion()).toBe('1.29.0');
  });

  it('upgrades a control plane two minors behind to this version', async () => {
    const r = await runMesh(['upgrade', '--set', 'profile=minimal', '-y'], { timeoutMs: 300_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Running: Istio 1.29.0 (istio-system/istiod, revision default)');
    expect(r.stderr).toMatch(/✔ Upgrade complete: \d+ objects applied/);
    expect(await runningVersion()).toMatch(/^1\.30\./);
    const verify = await runMesh(['verify-install', '--set', 'profile=minimal']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});
