import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/run-cli.js';
import { runWithWorld } from '../helpers/fake-context.js';
import { MESH_VERSION } from '../../src/version.js';

describe('mesh CLI basics', () => {
  it('prints its version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${MESH_VERSION}\n`, stderr: '' });
  });

  it("answers --version from the bin shim's fast path with the same version", async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, [new URL('../../bin/mesh.js', import.meta.url).pathname, '--version'], { encoding: 'utf8' });
    expect(out).toBe(`${MESH_VERSION}\n`);
  });

  it('keeps MESH_VERSION in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(MESH_VERSION).toBe(pkg.version);
  });

  it('exits 64 on an unknown command, with a one-line error', async () => {
    const r = await runCli(['nope']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^error: unknown command 'nope'/);
    expect(r.stdout).toBe('');
  });

  it('names an unknown subcommand of a group, its commands and the nearest one (exit 64)', async () => {
    const r = await runCli(['profile', 'dumb']);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('error: unknown command "dumb" for "mesh profile" (commands: list, dump, diff)\nhint: did you mean "mesh profile dump"?\n');
    const bare = await runCli(['manifest']);
    expect(bare.code).toBe(64);
    expect(bare.stderr).toContain('Usage: mesh manifest [options] [command]');
  });

  it('exits 64 on a bad -o value', async () => {
    const r = await runCli(['version', '-o', 'xml']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('Allowed choices are text, short, json, yaml');
  });

  it('prints version data as json', async () => {
    const r = await runCli(['version', '-o', 'json']);
    expect(JSON.parse(r.stdout)).toEqual({ client: { version: MESH_VERSION, istioVersion: '1.30.3' } });
  });

  it.each(['bash', 'zsh', 'fish'])('prints a %s completion script naming every command', async (shell) => {
    const r = await runCli(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('version');
    expect(r.stdout).toContain('completion');
  });
});

describe('mesh version --remote over the fake context', () => {
  const istiod = (name: string, image: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'istio-system', labels: { app: 'istiod' } },
    spec: { containers: [{ name: 'discovery', image }] },
  });

  it('reads the control plane versions from the istiod pods of -i', async () => {
    const world = { objects: [istiod('istiod-a', 'docker.io/istio/pilot:1.29.2'), istiod('istiod-b', 'docker.io/istio/pilot:1.30.3')] };
    const text = await runWithWorld(['version', '--remote'], world);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toBe(`client version: ${MESH_VERSION}\ntarget istio version: 1.30.3\ncontrol plane version: 1.29.2, 1.30.3\n`);
    const json = await runWithWorld(['version', '--remote', '-o', 'json'], world);
    expect(JSON.parse(json.stdout).controlPlane).toEqual([
      { component: 'istiod', pod: 'istiod-a', version: '1.29.2' },
      { component: 'istiod', pod: 'istiod-b', version: '1.30.3' },
    ]);
  });

  it('says when no control plane runs in the namespace', async () => {
    const r = await runWithWorld(['version', '--remote', '-i', 'mesh-system'], { objects: [istiod('istiod-a', 'docker.io/istio/pilot:1.29.2')] });
    expect(r.stdout).toContain('control plane version: none found in namespace mesh-system\n');
  });

  it('without --remote never asks for the cluster', async () => {
    const r = await runWithWorld(['version'], { noCluster: true });
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });
});
