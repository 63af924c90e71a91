// An API server stand-in for the bug-report benchmark: plain HTTP on 127.0.0.1 serving POD_COUNT pods with a sidecar
// (spread over 10 namespaces) plus one istiod, and a LOG_KIB log for every container, streamed in 16 KiB chunks as a
// kubelet would. Port-forwards are refused (400), so istiod's debug endpoints are left out; lists of other kinds are
// empty. Run as a child: prints its port, exits when its stdin closes or after MAX_LIFE_MS.
import http from 'node:http';

const MAX_LIFE_MS = 10 * 60_000;
const POD_COUNT = Number(process.env.POD_COUNT ?? 500);
const LOG_KIB = Number(process.env.LOG_KIB ?? 256);

const pod = (namespace, name, labels, containers) => ({
  metadata: { name, namespace, labels, uid: `${namespace}-${name}` },
  spec: {
    nodeName: 'kwok-node-0',
    containers: containers.map((c) => ({ name: c, image: c === 'istio-proxy' ? 'docker.io/istio/proxyv2:1.30.3' : `docker.io/istio/${c}:1.30.3` })),
  },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});
const pods = [pod('istio-system', 'istiod-0', { app: 'istiod', 'istio.io/rev': 'default' }, ['discovery'])];
for (let i = 0; i < POD_COUNT; i++) pods.push(pod(`ns-${i % 10}`, `app-${i}`, { app: `app-${i % 25}` }, ['app', 'istio-proxy']));

const KINDS = [
  'Pod',
  'Service',
  'Namespace',
  'ConfigMap',
  'Node',
  'Deployment',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'VirtualService',
  'DestinationRule',
  'Gateway',
  'ServiceEntry',
  'Sidecar',
  'AuthorizationPolicy',
  'PeerAuthentication',
];
const cluster = new Set(['Namespace', 'Node', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);
const resources = KINDS.map((kind) => ({ name: `${kind.toLowerCase()}s`, kind, namespaced: !cluster.has(kind), verbs: ['get', 'list'] }));
const line = '2026-12-01T00:00:00.000000Z\tinfo\tads\tADS: "10.0.0.1:45678" sidecar~10.0.0.1~app.ns~ns.svc.cluster.local-1 resources:212 size:96.3kB\n';

function json(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://stub').pathname;
  if (path === '/version') return json(res, 200, { major: '1', minor: '34', gitVersion: 'v1.34.0' });
  if (/^\/api\/v1$/.test(path) || /^\/apis\/[^/]+\/[^/]+$/.test(path)) return json(res, 200, { kind: 'APIResourceList', resources });
  if (path.endsWith('/portforward')) return json(res, 400, { kind: 'Status', message: 'port-forward is not served by the stub' });
  if (path.endsWith('/log')) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    const chunk = line.repeat(Math.ceil(16384 / line.length));
    let left = LOG_KIB * 1024;
    const more = () => {
      while (left > 0) {
        const part = chunk.slice(0, Math.min(left, chunk.length));
        left -= part.length;
        if (!res.write(part)) return res.once('drain', more);
      }
      res.end();
    };
    return more();
  }
  const m = /^\/api\/v1(?:\/namespaces\/([^/]+))?\/pods$/.exec(path);
  if (m) return json(res, 200, { kind: 'PodList', metadata: {}, items: pods.filter((p) => !m[1] || p.metadata.namespace === m[1]) });
  return json(res, 200, { kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
const stop = () => process.exit(0);
process.stdin.on('end', stop).on('close', stop).resume();
setTimeout(stop, MAX_LIFE_MS).unref();
