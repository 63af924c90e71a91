/** `mesh upgrade` over the fake context: the running control plane, the skew checks, then install's own flow. */
import { describe, expect, it } from 'vitest';
import { runWithWorld, type FakeWorld } from '../helpers/fake-context.js';
import type { KubeObject } from '../../src/core/yaml/load.js';

/** An istiod Deployment as an older install left it (version label as mesh and istioctl stamp it). */
function istiod(version: string, revision = 'default'): KubeObject {
  const name = revision === 'default' ? 'istiod' : `istiod-${revision}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'istio-system', labels: { app: 'istiod', 'istio.io/rev': revision, 'operator.istio.io/version': version } },
    spec: { template: { spec: { containers: [{ name: 'discovery', image: `docker.io/istio/pilot:${version}` }] } } },
  };
}

const world = (objects: KubeObject[], extra: FakeWorld = {}): FakeWorld => ({ objects, readyOnRead: true, ...extra });

describe('mesh upgrade', () => {
  it('refuses without -y when stdin is not a terminal, before reading the cluster', async () => {
    const r = await runWithWorld(['upgrade'], world([istiod('1.29.1')]));
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^error: refusing to upgrade without confirmation: stdin is not a terminal\n/);
    expect(r.ctx.installed.calls.length).toBe(0);
  });

  it('exits 69 naming the revision when no control plane runs', async () => {
    const r = await runWithWorld(['upgrade', '-y'], world([]));
    expect(r.code).toBe(69);
    expect(r.stderr.split('\n')[0]).toBe('error: no Istio control plane of revision default in namespace istio-system to upgrade');
    expect(r.stderr).toContain('hint: install one first with `mesh install`');
  });

  it('names the revisions that do run when another one is asked for', async () => {
    const r = await runWithWorld(['upgrade', '-y', '--revision', 'canary'], world([istiod('1.29.1')]));
    expect(r.code).toBe(69);
    expect(r.stderr.split('\n')[0]).toBe('error: no Istio control plane of revision canary in namespace istio-system to upgrade (running: revision default)');
  });

  it('stops with 79 and changes nothing when the upgrade skips a minor version', async () => {
    const r = await runWithWorld(['upgrade', '-y'], world([istiod('1.27.4')]));
    expect(r.code).toBe(79);
    expect(r.stderr).toContain('Running: Istio 1.27.4 (istio-system/istiod, revision default)');
    expect(r.stderr).toMatch(/Warning \[MESH0004\] \(Deployment istio-system\/istiod\) Istio 1\.27\.4 runs here .* skips 2 minor versions/);
    expect(r.stderr).toContain('Upgrade stopped');
    expect(r.ctx.installed.calls.filter((c) => c.startsWith('apply')).length).toBe(0);
  });

  it('refuses a downgrade in place', async () => {
    const r = await runWithWorld(['upgrade', '-y'], world([istiod('1.31.0')]));
    expect(r.code).toBe(79);
    expect(r.stderr).toMatch(/MESH0004.*is a downgrade/);
  });

  it('--force goes on past the failed checks', async () => {
    const r = await runWithWorld(['upgrade', '-y', '--force', '--set', 'profile=minimal'], world([istiod('1.27.4')]));
    expect(r.stderr).toContain('MESH0004');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/✔ Upgrade complete: \d+ objects applied/);
  });

  it('upgrades a supported skew with -y: checks pass, install applies, the istiod carries the new version', async () => {
    const r = await runWithWorld(['upgrade', '-y', '--set', 'profile=minimal'], world([istiod('1.29.1')]));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('✔ Upgrade checks passed.');
    expect(r.stderr).toMatch(/✔ Upgrade complete: \d+ objects applied/);
    expect(r.stderr).toContain('Restart the workloads');
    const d = r.ctx.installed.objects.get('apps/Deployment/istio-system/istiod');
    expect(d?.metadata?.labels?.['operator.istio.io/version']).toBe('1.30.3');
  });

  it('asks on a terminal and changes nothing when declined', async () => {
    const r = await runWithWorld(['upgrade', '--set', 'profile=minimal'], world([istiod('1.29.1')], { stdinIsTTY: true, answers: [false] }));
    expect(r.code).toBe(0);
    expect(r.ctx.asked[0]).toMatch(
      /^Upgrade Istio 1\.29\.1 to 1\.30\.3 \(profile minimal, revision default, \d+ objects\) in https:\/\/fake-cluster\.invalid\?$/,
    );
    expect(r.stderr).toContain('Cancelled: nothing was changed.');
    expect(r.ctx.installed.calls.filter((c) => c.startsWith('apply')).length).toBe(0);
  });

  it('--dry-run -o json prints the checks beside the preview and applies nothing', async () => {
    const r = await runWithWorld(['upgrade', '--dry-run', '-o', 'json', '--set', 'profile=minimal'], world([istiod('1.29.1')]));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { checks: { from: { version: string }[]; to: string; failed: boolean }; preview: unknown };
    expect(out.checks.from.map((p) => p.version)).toEqual(['1.29.1']);
    expect(out.checks).toMatchObject({ to: '1.30.3', failed: false });
    expect(out.preview).toBeDefined();
    expect(r.ctx.installed.calls.filter((c) => c.startsWith('apply') && !c.includes('dry')).length).toBe(0);
  });

  it('-o json without --dry-run is a usage error', async () => {
    const r = await runWithWorld(['upgrade', '-o', 'json', '-y'], world([istiod('1.29.1')]));
    expect(r.code).toBe(64);
  });
});
