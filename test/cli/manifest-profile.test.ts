import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mesh-manifest-'));

describe('mesh manifest diff', () => {
  it('reports identical renders with exit 0', async () => {
    const dir = tmp();
    const a = (await runCli(['manifest', 'generate'])).stdout;
    writeFileSync(join(dir, 'a.yaml'), a);
    const res = await runCli(['manifest', 'diff', join(dir, 'a.yaml'), '-'], { stdin: a });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/✔ manifests are the same \(\d+ objects\)/);
  });

  it('lists added objects and diffs changed ones, exit 79, no colour off a TTY', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), (await runCli(['manifest', 'generate', '--set', 'profile=minimal'])).stdout);
    writeFileSync(
      join(dir, 'b.yaml'),
      (
        await runCli([
          'manifest',
          'generate',
          '--set',
          'profile=minimal',
          '--set',
          'values.pilot.autoscaleMax=7',
          '--set',
          'components.egressGateways[0].enabled=true',
        ])
      ).stdout,
    );
    const res = await runCli(['manifest', 'diff', join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(res.code).toBe(79);
    expect(res.stdout).toContain('+ Deployment.apps istio-system/istio-egressgateway (only in');
    expect(res.stdout).toContain('~ HorizontalPodAutoscaler.autoscaling istio-system/istiod');
    expect(res.stdout).toMatch(/^-  maxReplicas: 5$/m);
    expect(res.stdout).toMatch(/^\+  maxReplicas: 7$/m);
    expect(res.stdout).not.toContain('\x1b[');
    const json = await runCli(['manifest', 'diff', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '-o', 'json']);
    expect(json.code).toBe(79);
    const report = JSON.parse(json.stdout) as { onlyInA: string[]; onlyInB: string[]; changed: { id: string; diff: string }[]; same: number };
    expect(report.onlyInA).toEqual([]);
    expect(report.onlyInB).toContain('Deployment.apps istio-system/istio-egressgateway');
    expect(report.changed.map((c) => c.id)).toContain('HorizontalPodAutoscaler.autoscaling istio-system/istiod');
    expect(report.changed.find((c) => c.id.startsWith('HorizontalPodAutoscaler'))!.diff).toMatch(/^-  maxReplicas: 5\n\+  maxReplicas: 7$/m);
  });
});

describe('mesh manifest generate -o', () => {
  it('writes one file per component', async () => {
    const dir = join(tmp(), 'out');
    const res = await runCli(['manifest', 'generate', '--set', 'profile=demo', '-o', dir]);
    expect(res.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['Base.yaml', 'EgressGateways.yaml', 'IngressGateways.yaml', 'Pilot.yaml']);
    expect(readFileSync(join(dir, 'Pilot.yaml'), 'utf8')).toContain('name: istiod\n');
  });
});

describe('mesh manifest generate -f', () => {
  const badKey = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: minimal\n  values:\n    global:\n      badKey: x\n';

  it('refuses an overlay the schema refuses, and renders it with --force, warning', async () => {
    const file = join(tmp(), 'bad.yaml');
    writeFileSync(file, badKey);
    const refused = await runCli(['manifest', 'generate', '-f', file]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`${file}:7:7: spec.values.global.badKey: unknown field`);
    const forced = await runCli(['manifest', 'generate', '-f', file, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe(`warning: ${file}: spec.values.global.badKey: unknown field (rendering anyway: --force)\n`);
    expect(forced.stdout).toContain('name: istiod\n');
  });

  it('refuses a file holding two IstioOperators, as istioctl does', async () => {
    const file = join(tmp(), 'two.yaml');
    writeFileSync(file, `${badKey}---\n${badKey}`);
    const res = await runCli(['manifest', 'generate', '-f', file, '--force']);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/:\d+:1: contains multiple IstioOperator CRs, only one per file is supported/);
  });
});

describe('mesh profile', () => {
  it('lists the profiles', async () => {
    const res = await runCli(['profile', 'list', '-o', 'json']);
    expect(JSON.parse(res.stdout).map((p: { name: string }) => p.name)).toEqual([
      'ambient',
      'default',
      'demo',
      'empty',
      'minimal',
      'openshift',
      'openshift-ambient',
      'preview',
      'remote',
      'stable',
    ]);
  });

  it('dumps a config path', async () => {
    const res = await runCli(['profile', 'dump', 'demo', '--config-path', 'values.pilot.traceSampling', '-o', 'json']);
    expect(res.stdout.trim()).toBe('100');
  });

  it('suggests the nearest field for a bad --config-path', async () => {
    const res = await runCli(['profile', 'dump', '--config-path', 'values.globl']);
    expect(res.code).toBe(64);
    expect(res.stderr).toContain('hint: did you mean values.global?');
  });

  it('diffs two profiles (exit 79) and reports equal ones (exit 0)', async () => {
    const res = await runCli(['profile', 'diff', 'default', 'minimal']);
    expect(res.code).toBe(79);
    expect(res.stdout).toContain('--- profile default');
    expect(res.stdout).toMatch(/^-  profile: default$/m);
    const same = await runCli(['profile', 'diff', 'demo', 'demo']);
    expect(same.code).toBe(0);
  });
});
