/** install / uninstall / verify-install flag handling and refusals that need no cluster. */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';

let unreachable: string;

beforeAll(async () => {
  // A port that was free a moment ago: nothing listens there, so connecting is refused.
  const port = await new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'mesh-install-cli-'));
  unreachable = join(dir, 'kubeconfig');
  writeFileSync(
    unreachable,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: t',
      `clusters: [{name: t, cluster: {server: "https://127.0.0.1:${port}"}}]`,
      'contexts: [{name: t, context: {cluster: t, user: u}}]',
      'users: [{name: u, user: {token: x}}]',
      '',
    ].join('\n'),
  );
});

describe('mesh install', () => {
  it.each([['install'], ['apply']])('%s refuses without -y when stdin is not a terminal, before touching the cluster', async (verb) => {
    const r = await runCli([verb, '--kubeconfig', '/nonexistent/kubeconfig']);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe(
      'error: refusing to install without confirmation: stdin is not a terminal\n' +
        'hint: pass -y (--skip-confirmation) to install non-interactively, or --dry-run to see the plan\n',
    );
    expect(r.stdout).toBe('');
  });

  it('exits 69 with one line when the cluster is unreachable', async () => {
    const r = await runCli(['install', '-y', '--kubeconfig', unreachable]);
    expect(r.code).toBe(69);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: cannot .*: cluster unreachable at https:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/);
    expect(lines.slice(1).every((l) => l.startsWith('hint: '))).toBe(true);
  });

  it('--dry-run needs no -y but still needs the cluster (for the prune set)', async () => {
    const r = await runCli(['install', '--dry-run', '--kubeconfig', unreachable]);
    expect(r.code).toBe(69);
  });

  it('rejects a bad --readiness-timeout', async () => {
    const r = await runCli(['install', '-y', '--readiness-timeout', 'soon']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('error: --readiness-timeout: invalid duration "soon"');
  });

  it('rejects an unknown --set path before touching the cluster', async () => {
    const r = await runCli(['install', '-y', '--set', 'nosuch.path=1', '--kubeconfig', unreachable]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^error: .*nosuch\.path/);
  });

  it('names file:line:col of a mistake in an -f overlay before touching the cluster', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-install-overlay-'));
    const overlay = join(dir, 'iop.yaml');
    writeFileSync(overlay, 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    global:\n      proxy:\n        resourcs: {}\n');
    const r = await runCli(['install', '-y', '-f', overlay, '--kubeconfig', unreachable]);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe(`error: ${overlay}:7:9: spec.values.global.proxy.resourcs: unknown field (did you mean resources?)\n`);
  });

  it('reports a kubeconfig that is not valid YAML in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-install-kc-'));
    const broken = join(dir, 'kubeconfig');
    writeFileSync(broken, 'apiVersion: v1\nkind: Config\nclusters:\n  - name: t\n   bad: indent\n');
    const r = await runCli(['install', '-y', '--kubeconfig', broken]);
    expect(r.code).toBe(69);
    expect(
      r.stderr
        .trimEnd()
        .split('\n')
        .filter((l) => !l.startsWith('hint: ')),
    ).toEqual([expect.stringMatching(new RegExp(`^error: cannot load kubeconfig ${broken}: .+`))]);
  });

  it('reports a missing kubeconfig context as a cluster error', async () => {
    const r = await runCli(['install', '-y', '--kubeconfig', unreachable, '--context', 'nope']);
    expect(r.code).toBe(69);
    expect(r.stderr).toContain('error: context "nope" not found in kubeconfig (contexts: t)');
  });
});

describe('mesh uninstall', () => {
  it('refuses without -y when stdin is not a terminal', async () => {
    const r = await runCli(['uninstall', '--purge']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('error: refusing to uninstall without confirmation: stdin is not a terminal');
  });

  it('exits 69 when the cluster is unreachable', async () => {
    const r = await runCli(['uninstall', '-y', '--kubeconfig', unreachable]);
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/cluster unreachable/);
  });
});

describe('mesh verify-install', () => {
  it('exits 69 when the cluster is unreachable', async () => {
    const r = await runCli(['verify-install', '--kubeconfig', unreachable]);
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/^error: cannot read .*: cluster unreachable/);
  });

  it('rejects an unknown output format', async () => {
    const r = await runCli(['verify-install', '-o', 'xml']);
    expect(r.code).toBe(64);
  });
});

// The same commands over the fake context (test/helpers/fake-context.ts): no HTTP server, the cluster is the
// in-memory install client, so these assert on what the command asked of the cluster and printed.
describe('install, uninstall over the fake context', () => {
  it('install --dry-run prints the plan, changes nothing and asks no question', async () => {
    const r = await runWithWorld(['install', '--set', 'profile=minimal', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ create    CustomResourceDefinition virtualservices.networking.istio.io\n');
    expect(r.stdout).toContain('+ create    Deployment istio-system/istiod\n');
    expect(r.stdout).toMatch(/\nPlan: \d+ to create, 0 to update, 0 to prune, 0 unchanged \(dry run: nothing was changed\)\n$/);
    expect(r.ctx.asked).toEqual([]);
    expect(r.ctx.installed.objects.size).toBe(0);
    expect(r.ctx.installed.calls.filter((c) => c.startsWith('apply') && !c.startsWith('apply(dry-run)'))).toEqual([]);
  });

  it('install --dry-run -o json is the preview as data', async () => {
    const r = await runWithWorld(['install', '--set', 'profile=minimal', '--dry-run', '-o', 'json']);
    expect(r.code).toBe(0);
    const preview = JSON.parse(r.stdout) as { counts: { create: number; update: number } };
    expect(preview.counts.create).toBeGreaterThan(10);
    expect(preview.counts.update).toBe(0);
  });

  it('install without -y and without a terminal refuses before asking the cluster anything', async () => {
    const r = await runWithWorld(['install', '--set', 'profile=minimal']);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe(
      'error: refusing to install without confirmation: stdin is not a terminal\n' +
        'hint: pass -y (--skip-confirmation) to install non-interactively, or --dry-run to see the plan\n',
    );
    expect(r.ctx.installed.calls).toEqual([]);
  });

  it('install on a terminal asks through the prompt port, and a "no" changes nothing', async () => {
    const r = await runWithWorld(['install', '--set', 'profile=minimal'], { stdinIsTTY: true, answers: [false] });
    expect(r.code).toBe(0);
    expect(r.ctx.asked).toEqual([
      expect.stringMatching(/^Install Istio 1\.30\.\d+ \(profile minimal, revision default, \d+ objects\) into https:\/\/fake-cluster\.invalid\?$/),
    ]);
    expect(r.stderr).toContain('Cancelled: nothing was changed.\n');
    expect(r.ctx.installed.objects.size).toBe(0);
  });

  it("install -y applies component by component, on the context's clock", async () => {
    const r = await runWithWorld(['install', '--set', 'profile=minimal', '-y'], { readyOnRead: true });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('✔'))).toEqual([
      '✔ Istio core installed',
      '✔ Istiod installed',
      '✔ Default revision tag points at revision default',
      expect.stringMatching(/^✔ Installation complete: \d+ objects applied$/),
    ]);
    expect([...r.ctx.installed.objects.values()].some((o) => o.kind === 'Deployment' && o.metadata?.name === 'istiod')).toBe(true);
    expect(
      [...r.ctx.installed.objects.values()].some((o) => o.kind === 'ValidatingWebhookConfiguration' && o.metadata?.name === 'istiod-default-validator'),
    ).toBe(true);
  });

  it('uninstall -y deletes the revision and keeps the shared core; --dry-run --purge lists everything', async () => {
    const installed = await runWithWorld(['install', '--set', 'profile=minimal', '-y'], { readyOnRead: true });
    const objects = [...installed.ctx.installed.objects.values()];
    const r = await runWithWorld(['uninstall', '-y'], { objects });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('The shared Istio core (CRDs, base RBAC) was kept; `mesh uninstall --purge` removes it too.\n');
    const left = [...r.ctx.installed.objects.values()];
    expect(left.some((o) => o.kind === 'Deployment')).toBe(false);
    expect(left.some((o) => o.kind === 'CustomResourceDefinition')).toBe(true);

    const dry = await runWithWorld(['uninstall', '--purge', '--dry-run'], { objects });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('delete Deployment istio-system/istiod\n');
    expect(dry.stdout).toContain('CustomResourceDefinition virtualservices.networking.istio.io');
    expect(dry.ctx.installed.calls.filter((c) => c.startsWith('delete'))).toEqual([]);
  });

  it('uninstall on an empty cluster says there is nothing to remove', async () => {
    const r = await runWithWorld(['uninstall', '-y']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('nothing to remove: no objects installed by mesh for revision default in https://fake-cluster.invalid\n');
  });
});
