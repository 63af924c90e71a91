// mesh ztunnel-config all on a big ztunnel config dump (10,000 workloads on 100 nodes and 5,000 services, built by
// test/fixtures/ztunnel/generate.mjs's scaleDump), against the least any tool must do with it: a Node process that
// reads the file and JSON.parses it. Both are fresh processes (start-up included). Runs the built CLI (bin/mesh.js).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeNodeCpu } from './util.mjs';
import { scaleDump } from '../test/fixtures/ztunnel/generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mesh = join(root, 'bin', 'mesh.js');

/** Rows for bench/run.mjs. */
export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'mesh-bench-zc-'));
  const env = { HOME: dir, KUBECONFIG: '' };
  const file = join(dir, 'ztunnel-config_dump.json');
  // ztunnel writes its dump indented by two spaces.
  const text = JSON.stringify(scaleDump(10_000, 5_000), null, 2);
  writeFileSync(file, text);
  const parse = timeNodeCpu(['-e', 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))', file], { env, runs: 5 });
  const all = timeNodeCpu([mesh, 'ztunnel-config', 'all', '--file', file], { env, runs: 5 });
  const workloads = timeNodeCpu([mesh, 'zc', 'workload', '--file', file, '-o', 'json'], { env, runs: 3 });
  const mb = (text.length / 1e6).toFixed(1);
  const row = (name, m, goal) => ({
    name,
    ms: m.wall,
    cpuMs: m.cpuMs,
    baselineName: 'node: read + JSON.parse',
    baselineMs: parse.wall,
    baselineCpuMs: parse.cpuMs,
    goal,
  });
  return [
    row(`ztunnel-config all --file (10,000 workloads, 5,000 services, ${mb} MB)`, all, 2),
    row(`ztunnel-config workload -o json --file (${mb} MB)`, workloads, null),
  ];
}
