/**
 * Start-up stays fast because heavy modules load only where needed. Timings are too noisy for tests here, so
 * this asserts WHICH modules load (bench/ measures the time): `mesh --version`, `mesh --help` and offline
 * `mesh kube-inject -f` must never load @kubernetes/client-node, ajv, ora or the yaml Document API.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'mesh-home-')); // no ~/.kube/config here: offline

function loadedBy(args: string[], allowFailure = false): string[] {
  const trace = join(mkdtempSync(join(tmpdir(), 'mesh-trace-')), 'loads.txt');
  writeFileSync(trace, '');
  try {
    execFileSync(process.execPath, ['--import', join(root, 'test/helpers/trace-loads.mjs'), join(root, 'bin/mesh.js'), ...args], {
      env: { ...process.env, MESH_TRACE_LOADS: trace, HOME: home, KUBECONFIG: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    if (!allowFailure) throw error;
  }
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

const HEAVY = ['@kubernetes/client-node', '/ajv/', '/ora/', '/node_modules/yaml/'];

describe('start-up loads only what the command needs', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'ignore' });
  });

  it.each([
    [['--version']],
    [['--help']],
    [['kube-inject', '-f', join(root, 'samples/ordering.yaml')]],
  ])('mesh %j', (args) => {
    const loads = loadedBy(args);
    // --version is answered by the bin shim alone; everything else goes through the CLI.
    expect(loads.some((u) => u.includes('/dist/cli.js'))).toBe(args[0] !== '--version');
    for (const heavy of HEAVY) expect(loads.filter((u) => u.includes(heavy)), heavy).toEqual([]);
  });

  it('does load the Kubernetes client when a command needs the cluster', () => {
    const cfg = join(home, 'kubeconfig');
    writeFileSync(cfg, 'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\nusers: [{name: u, user: {token: t}}]\n');
    // exits 69 (nothing listens on port 1); the trace is written all the same
    const loads = loadedBy(['version', '--remote', '--kubeconfig', cfg], true);
    expect(loads.some((u) => u.includes('@kubernetes/client-node'))).toBe(true);
  });
});
