/**
 * Start-up stays fast because heavy modules load only where needed. Timings are too noisy for tests here, so
 * this asserts WHICH modules load (bench/ measures the time): `mesh --version`, `mesh --help` and offline
 * `mesh kube-inject -f` must never load @kubernetes/client-node, ajv, ora or the yaml Document API.
 * client-node is bundled into dist/ chunks (scripts/build.mjs), so its loads are those chunks' URLs.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunksBundling } from '../helpers/bundled.js';

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
  let clientNodeChunks: string[] = [];
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'ignore' });
    clientNodeChunks = chunksBundling(root, '@kubernetes/client-node');
  }, 60_000); // a build takes seconds, more on a busy machine

  it('finds the chunks that bundle client-node (else the checks below would prove nothing)', () => {
    expect(clientNodeChunks.length).toBeGreaterThan(0);
  });

  it.each([[['--version']], [['--help']], [['kube-inject', '-f', join(root, 'samples/ordering.yaml')]]])('mesh %j', (args) => {
    const loads = loadedBy(args);
    // --version is answered by the bin shim alone; everything else goes through the CLI.
    expect(loads.some((u) => u.includes('/dist/cli.js'))).toBe(args[0] !== '--version');
    for (const heavy of HEAVY)
      expect(
        loads.filter((u) => u.includes(heavy)),
        heavy,
      ).toEqual([]);
    expect(loads.filter((u) => clientNodeChunks.includes(u))).toEqual([]);
  });

  it('does load the Kubernetes client when a command needs the cluster', () => {
    const cfg = join(home, 'kubeconfig');
    writeFileSync(
      cfg,
      'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\nusers: [{name: u, user: {token: t}}]\n',
    );
    // exits 69 (nothing listens on port 1); the trace is written all the same
    const loads = loadedBy(['version', '--remote', '--kubeconfig', cfg], true);
    expect(loads.filter((u) => clientNodeChunks.includes(u))).toHaveLength(1); // KubeConfig's; port-forward's is apart
    // bundled: none of the package's ~1,000 files is read from node_modules
    expect(loads.filter((u) => u.includes('/node_modules/@kubernetes/client-node/'))).toEqual([]);
  });
});
