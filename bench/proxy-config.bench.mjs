// mesh proxy-config cluster on a big config dump (a sidecar in a mesh of a few thousand services, ~20 MB), against
// the least any tool must do with it: a Node process that reads the file and JSON.parses it. Both are fresh
// processes (start-up included). Runs the built CLI (bin/mesh.js).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeNodeCpu } from './util.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mesh = join(root, 'bin', 'mesh.js');
const SERVICES = 3000;

/** The productpage fixture grown to SERVICES services: a cluster, an EDS assignment, a route vhost and a listener each. */
function bigDump() {
  const dump = JSON.parse(readFileSync(join(root, 'test/fixtures/proxy-config/productpage.config_dump.json'), 'utf8'));
  const section = (suffix) => dump.configs.find((c) => c['@type'].endsWith(`.${suffix}`));
  const clusters = section('ClustersConfigDump').dynamic_active_clusters;
  const eds = section('EndpointsConfigDump').dynamic_endpoint_configs;
  const listeners = section('ListenersConfigDump').dynamic_listeners;
  const routes = section('RoutesConfigDump').dynamic_route_configs;
  const cluster = clusters.find((c) => c.cluster.name === 'outbound|9080||reviews.bookinfo.svc.cluster.local');
  const cla = eds.find((e) => e.endpoint_config.cluster_name === cluster.cluster.name);
  const listener = listeners.find((l) => l.name === '10.96.0.1_443');
  const vhost = routes[0].route_config.virtual_hosts.find((v) => v.name.startsWith('reviews.'));
  const rename = (o, i) =>
    JSON.parse(
      JSON.stringify(o)
        .replaceAll('reviews.bookinfo', `svc-${i}.team-${i % 40}`)
        .replaceAll('10.96.0.1', `10.97.${i >> 8}.${i & 255}`),
    );
  for (let i = 0; i < SERVICES; i++) {
    clusters.push(rename(cluster, i));
    eds.push(rename(cla, i));
    listeners.push(rename(listener, i));
    routes[0].route_config.virtual_hosts.push(rename(vhost, i));
  }
  return JSON.stringify(dump, null, 1);
}

/** Rows for bench/run.mjs. */
export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'mesh-bench-pc-'));
  const env = { HOME: dir, KUBECONFIG: '' };
  const file = join(dir, 'config_dump.json');
  const text = bigDump();
  writeFileSync(file, text);
  const parse = timeNodeCpu(['-e', 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))', file], { env, runs: 5 });
  const cluster = timeNodeCpu([mesh, 'proxy-config', 'cluster', '--file', file], { env, runs: 5 });
  const all = timeNodeCpu([mesh, 'proxy-config', 'all', '--file', file], { env, runs: 3 });
  const mb = (text.length / 1e6).toFixed(1);
  const row = (name, m, goal) => ({
    name,
    ms: m.wall,
    cpuMs: m.cpuMs,
    peakMb: m.peakMb,
    baselineName: 'node: read + JSON.parse',
    baselineMs: parse.wall,
    baselineCpuMs: parse.cpuMs,
    goal,
  });
  return [row(`proxy-config cluster --file (${mb} MB dump)`, cluster, 2), row(`proxy-config all --file (${mb} MB dump)`, all, null)];
}
