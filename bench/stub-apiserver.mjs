// A Kubernetes API server stand-in for start-up benchmarks: plain HTTP on 127.0.0.1, answering /version, discovery
// (every group/version serves the kinds below) and every list with no items, so a cluster command's time is its
// fixed cost (start-up, kubeconfig, first requests) and not the cluster's. Run as a child process
// (`node bench/stub-apiserver.mjs`): it prints its port on stdout and exits when its stdin closes (the parent ended)
// or after MAX_LIFE_MS, whichever comes first, so it never outlives a benchmark. With a fixture file as its argument,
// the paths it names are answered from it.
import http from 'node:http';
import { readFileSync } from 'node:fs';

// Optional: a JSON file naming answers by path (`{"/api/v1/pods": {...}}`), for benchmarks that need objects.
const fixture = process.argv[2] ? JSON.parse(readFileSync(process.argv[2], 'utf8')) : {};

const MAX_LIFE_MS = 10 * 60_000;
const KINDS = [
  'Pod',
  'Service',
  'Namespace',
  'ConfigMap',
  'Secret',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'CustomResourceDefinition',
  'VirtualService',
  'DestinationRule',
  'Gateway',
  'ServiceEntry',
  'Sidecar',
  'WorkloadEntry',
  'EnvoyFilter',
  'AuthorizationPolicy',
  'PeerAuthentication',
  'RequestAuthentication',
  'Telemetry',
  'WasmPlugin',
  'HTTPRoute',
  'GRPCRoute',
];
// Lists are answered by path, so the plural spelling only has to be one the stub recognises as a collection.
const resources = KINDS.map((kind) => ({
  name: `${kind.toLowerCase()}s`,
  kind,
  namespaced: !['Namespace', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'CustomResourceDefinition'].includes(kind),
  verbs: ['get', 'list'],
}));

function answer(path) {
  if (fixture[path] !== undefined) return fixture[path];
  if (path === '/version') return { major: '1', minor: '34', gitVersion: 'v1.34.0' };
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'] };
  if (path === '/apis') return { kind: 'APIGroupList', groups: [] };
  // /api/v1 or /apis/<group>/<version>: discovery
  if (/^\/api\/v1$/.test(path) || /^\/apis\/[^/]+\/[^/]+$/.test(path))
    return { kind: 'APIResourceList', groupVersion: path.replace(/^\/apis?\//, ''), resources };
  return { kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] };
}

const server = http.createServer((req, res) => {
  const body = JSON.stringify(answer(new URL(req.url, 'http://stub').pathname));
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
const stop = () => process.exit(0);
process.stdin.on('end', stop).on('close', stop).resume();
setTimeout(stop, MAX_LIFE_MS).unref();
