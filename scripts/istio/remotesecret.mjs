// The remotesecret area: `mesh create-remote-secret` against a small API server (plain HTTP on 127.0.0.1, started
// here, stopped when the cases are done) that serves each case's kube-system namespace, ServiceAccount and token
// Secret; the Go test (test/istio/remotesecret) gives istioctl's multicluster package the same objects and flags, and
// the two printed Secrets must be the same bytes. The cases vary what reaches the output: cluster names (given,
// kube-system's UID, names YAML would misread), --type, --server and --tls-server-name, the plug-in user and its
// config, a PEM CA and a JWT-shaped token, the namespace, and --secret-name.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { fail, mesh } from './common.mjs';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGUgZm9yIHRlc3Rpbmcg\nb25seTAKBggqhkjOPQQDAjAS\n-----END CERTIFICATE-----\n';
const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6aXN0aW8tc3lzdGVtOnJlYWRlciJ9.c2lnbmF0dXJl-_x';
const UID = '54643f96-eca0-11e9-bb97-42010a80000a';

/** The cases: flags beyond the defaults (remote, bearer-token, istio-reader-service-account in istio-system). */
const CASES = [
  { name: 'named', clusterName: 'c0' },
  { name: 'default-name', clusterName: '' },
  { name: 'type-config', clusterName: 'primary', type: 'config', serviceAccount: 'istiod' },
  { name: 'tls-server-name', clusterName: 'primary', server: 'https://gateway.example.com:15443', tlsServerName: 'kubernetes.default.svc' },
  { name: 'plugin', clusterName: 'c1', authType: 'plugin', pluginName: 'gcp' },
  {
    name: 'plugin-config',
    clusterName: 'c1',
    authType: 'plugin',
    pluginName: 'oidc',
    pluginConfig: { 'client-id': 'mesh', 'idp-issuer-url': 'https://issuer.example.com', 'extra-scopes': 'groups' },
  },
  { name: 'pem-ca-jwt', clusterName: 'east', ca: PEM, token: JWT },
  { name: 'other-namespace', clusterName: 'west', namespace: 'mesh-system' },
  { name: 'secret-name', clusterName: 'west', secretName: 'reader-token-manual' },
  { name: 'ipv6-server', clusterName: 'v6', server: 'https://[fd00::1]:6443' },
  ...['123', 'on', 'y', 'null', '1e3', '0x1f', 'true'].map((n) => ({ name: `name-${n}`, clusterName: n })),
];

/** One case with every default filled in. */
function complete(c, i) {
  return {
    namespace: 'istio-system',
    serviceAccount: 'istio-reader-service-account',
    tokenSecret: c.secretName ?? `reader-token-${i}`,
    ca: 'caData',
    token: 'token',
    type: 'remote',
    server: 'https://c0.example.com:6443',
    tlsServerName: '',
    secretName: '',
    authType: 'bearer-token',
    pluginName: '',
    pluginConfig: {},
    ...c,
    kubeSystemUID: UID,
  };
}

const b64 = (s) => Buffer.from(s).toString('base64');
const resources = [
  { name: 'namespaces', kind: 'Namespace', namespaced: false, verbs: ['get'] },
  { name: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, verbs: ['get'] },
  { name: 'secrets', kind: 'Secret', namespaced: true, verbs: ['get', 'list'] },
];

/** An API server holding one case's objects at a time (`serve(case)` swaps them). */
function apiServer() {
  let objects = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://stub');
    const send = (code, body) => {
      const text = JSON.stringify(body);
      res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
    };
    if (url.pathname === '/api/v1') return send(200, { kind: 'APIResourceList', groupVersion: 'v1', resources });
    const list = /^\/api\/v1\/namespaces\/([^/]+)\/secrets$/.exec(url.pathname);
    if (list) {
      const [field, value] = (url.searchParams.get('fieldSelector') ?? '').split('=');
      const items = [...objects.values()].filter((o) => o.kind === 'Secret' && o.metadata.namespace === list[1] && (field !== 'type' || o.type === value));
      return send(200, { kind: 'SecretList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items });
    }
    const found = objects.get(url.pathname);
    if (found) return send(200, found);
    send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${url.pathname} not found` });
  });
  return {
    start: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port))),
    stop: () => new Promise((resolve) => server.close(resolve)),
    serve(c) {
      objects = new Map([
        ['/api/v1/namespaces/kube-system', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system', uid: c.kubeSystemUID } }],
        [
          `/api/v1/namespaces/${c.namespace}/serviceaccounts/${c.serviceAccount}`,
          { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: c.serviceAccount, namespace: c.namespace } },
        ],
        [
          `/api/v1/namespaces/${c.namespace}/secrets/${c.tokenSecret}`,
          {
            apiVersion: 'v1',
            kind: 'Secret',
            type: 'kubernetes.io/service-account-token',
            metadata: { name: c.tokenSecret, namespace: c.namespace, annotations: { 'kubernetes.io/service-account.name': c.serviceAccount } },
            data: { 'ca.crt': b64(c.ca), token: b64(c.token) },
          },
        ],
      ]);
    },
  };
}

/** The flags of `mesh create-remote-secret` for a case. */
function flags(c) {
  const f = ['-n', c.namespace, '--service-account', c.serviceAccount, '--server', c.server, '--type', c.type, '--auth-type', c.authType];
  if (c.clusterName) f.push('--name', c.clusterName);
  if (c.tlsServerName) f.push('--tls-server-name', c.tlsServerName);
  if (c.secretName) f.push('--secret-name', c.secretName);
  if (c.pluginName) f.push('--auth-plugin-name', c.pluginName);
  for (const [k, v] of Object.entries(c.pluginConfig)) f.push('--auth-plugin-config', `${k}=${v}`);
  return f;
}

/** Runs mesh (asynchronously: the API server answers from this process); resolves with its exit code and output. */
function runMesh(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mesh, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The remotesecret area, as scripts/istio.mjs runs it. */
export const remotesecret = {
  name: 'remotesecret',
  title: "istioctl's multicluster remote Secret vs mesh create-remote-secret, same bytes per case",
  pkg: './remotesecret',
  async prepare({ work }) {
    const api = apiServer();
    const port = await api.start();
    const kubeconfig = join(work, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        // client-node speaks plain HTTP only with TLS verification switched off (there is no TLS to verify).
        clusters: [{ name: 'stub', cluster: { server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'stub', user: { token: 'stub' } }],
        contexts: [{ name: 'stub', context: { cluster: 'stub', user: 'stub' } }],
        'current-context': 'stub',
      }),
    );
    try {
      for (const [i, raw] of CASES.entries()) {
        const c = complete(raw, i);
        api.serve(c);
        const r = await runMesh(['create-remote-secret', ...flags(c), '--kubeconfig', kubeconfig]);
        if (r.code !== 0) fail(`mesh create-remote-secret failed on case ${c.name} (exit ${r.code}): ${r.stderr.trim()}`);
        const dir = join(work, String(i).padStart(3, '0'));
        mkdirSync(dir);
        writeFileSync(join(dir, 'mesh.out'), r.stdout);
        writeFileSync(join(dir, 'case.json'), JSON.stringify(c));
      }
    } finally {
      await api.stop();
    }
    return { env: { MESH_ISTIO_REMOTESECRET_DIR: work }, summary: `${CASES.length} remote-secret cases` };
  },
};
