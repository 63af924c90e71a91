/**
 * A scripted Kubernetes API server on 127.0.0.1 for CLI tests of install/uninstall/verify-install: discovery
 * (built-in kinds plus served CRDs), apply as a deep merge, get/list with label and field selectors, delete.
 * Controllers are simulated on write: CRDs become Established, workloads fully ready. Not a real apiserver:
 * it checks mesh's request shapes and flow; test/cluster runs the real one.
 */
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
};
interface Res {
  gv: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const BUILTIN: Res[] = [
  ['v1', 'namespaces', 'Namespace', false],
  ['v1', 'configmaps', 'ConfigMap', true],
  ['v1', 'secrets', 'Secret', true],
  ['v1', 'services', 'Service', true],
  ['v1', 'serviceaccounts', 'ServiceAccount', true],
  ['v1', 'pods', 'Pod', true],
  ['v1', 'events', 'Event', true],
  ['apps/v1', 'deployments', 'Deployment', true],
  ['apps/v1', 'daemonsets', 'DaemonSet', true],
  ['apps/v1', 'statefulsets', 'StatefulSet', true],
  ['rbac.authorization.k8s.io/v1', 'roles', 'Role', true],
  ['rbac.authorization.k8s.io/v1', 'rolebindings', 'RoleBinding', true],
  ['rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole', false],
  ['rbac.authorization.k8s.io/v1', 'clusterrolebindings', 'ClusterRoleBinding', false],
  ['admissionregistration.k8s.io/v1', 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', false],
  ['admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', false],
  ['apiextensions.k8s.io/v1', 'customresourcedefinitions', 'CustomResourceDefinition', false],
  ['policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true],
  ['autoscaling/v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true],
  ['coordination.k8s.io/v1', 'leases', 'Lease', true],
].map(([gv, plural, kind, namespaced]) => ({ gv, plural, kind, namespaced }) as Res);

/** The running fake: its kubeconfig, its store (key `plural/ns/name`), and the requests it saw. */
export interface FakeApiServer {
  kubeconfig: string;
  store: Map<string, Obj>;
  requests: string[];
  close(): Promise<void>;
}

function deepMerge(live: unknown, patch: unknown): unknown {
  if (patch && typeof patch === 'object' && !Array.isArray(patch) && live && typeof live === 'object' && !Array.isArray(live)) {
    const out: Record<string, unknown> = { ...(live as Record<string, unknown>) };
    for (const [k, v] of Object.entries(patch)) out[k] = deepMerge(out[k], v);
    return out;
  }
  return structuredClone(patch);
}

function simulateControllers(o: Obj): Obj {
  const gen = (o.metadata.generation as number | undefined) ?? 1;
  if (o.kind === 'CustomResourceDefinition') return { ...o, status: { conditions: [{ type: 'Established', status: 'True' }] } };
  if (o.kind === 'Deployment') {
    const r = (o.spec as { replicas?: number } | undefined)?.replicas ?? 1;
    return { ...o, status: { observedGeneration: gen, replicas: r, updatedReplicas: r, readyReplicas: r, availableReplicas: r } };
  }
  if (o.kind === 'DaemonSet') return { ...o, status: { observedGeneration: gen, desiredNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1 } };
  return o;
}

function matches(o: Obj, labelSelector: string | null, fieldSelector: string | null): boolean {
  const labels = o.metadata.labels ?? {};
  const okLabels =
    !labelSelector ||
    labelSelector.split(',').every((t) => {
      const [k, v] = t.split('=');
      return v === undefined ? labels[k!] !== undefined : labels[k!] === v;
    });
  const okFields =
    !fieldSelector ||
    fieldSelector.split(',').every((t) => {
      const [k, v] = t.split('=');
      return k === 'metadata.name' ? o.metadata.name === v : k === 'metadata.namespace' ? o.metadata.namespace === v : true;
    });
  return okLabels && okFields;
}

/** Starts the fake on an ephemeral 127.0.0.1 port and writes a kubeconfig for it. */
export async function startFakeApiServer(): Promise<FakeApiServer> {
  const store = new Map<string, Obj>();
  const requests: string[] = [];
  let rv = 1;
  const resources = (): Res[] => {
    const crds = [...store.values()]
      .filter((o) => o.kind === 'CustomResourceDefinition')
      .flatMap((o) => {
        const spec = o.spec as { group: string; names: { plural: string; kind: string }; scope: string; versions: { name: string; served: boolean }[] };
        return spec.versions
          .filter((v) => v.served)
          .map((v) => ({ gv: `${spec.group}/${v.name}`, plural: spec.names.plural, kind: spec.names.kind, namespaced: spec.scope === 'Namespaced' }));
      });
    return [...BUILTIN, ...crds];
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push(`${req.method} ${url.pathname}`);
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      const notFound = () => send(404, { kind: 'Status', reason: 'NotFound', message: `${url.pathname} not found` });
      const segs = url.pathname.split('/').filter(Boolean);
      const core = segs[0] === 'api';
      const gv = core ? segs[1] : `${segs[1]}/${segs[2]}`;
      const rest = segs.slice(core ? 2 : 3);
      const served = resources().filter((r) => r.gv === gv);
      if (rest.length === 0 && req.method === 'GET')
        return served.length ? send(200, { resources: served.map((r) => ({ name: r.plural, kind: r.kind, namespaced: r.namespaced })) }) : notFound();
      let ns: string | undefined;
      let plural: string;
      let name: string | undefined;
      let sub: string | undefined;
      if (rest[0] === 'namespaces' && rest.length >= 3) [, ns, plural, name, sub] = rest as [string, string, string, string?, string?];
      else [plural, name] = rest as [string, string?];
      const r = served.find((x) => x.plural === plural);
      if (!r) return notFound();
      if (sub === 'log') return send(200, '');
      const key = `${r.gv.split('/').length > 1 ? r.gv.split('/')[0] : ''}/${plural}/${ns ?? ''}/${name ?? ''}`;
      if (!name) {
        if (req.method !== 'GET') return send(405, { message: 'method not allowed' });
        const items = [...store.entries()]
          .filter(
            ([k, o]) =>
              k.startsWith(`${key.split('/').slice(0, 2).join('/')}/`) &&
              (!ns || o.metadata.namespace === ns) &&
              matches(o, url.searchParams.get('labelSelector'), url.searchParams.get('fieldSelector')),
          )
          .map(([, o]) => o);
        return send(200, { kind: `${r.kind}List`, items, metadata: {} });
      }
      const live = store.get(key);
      if (req.method === 'GET') return live ? send(200, live) : notFound();
      if (req.method === 'DELETE') {
        if (!live) return notFound();
        store.delete(key);
        return send(200, { kind: 'Status', status: 'Success' });
      }
      if (req.method === 'PATCH') {
        if (req.headers['content-type'] !== 'application/apply-patch+yaml' || url.searchParams.get('fieldManager') !== 'mesh')
          return send(415, { message: 'expected a server-side apply by mesh' });
        const patch = JSON.parse(body) as Obj;
        const merged = deepMerge(live ?? {}, patch) as Obj;
        merged.metadata = {
          ...merged.metadata,
          ...(r.namespaced ? { namespace: ns } : {}),
          resourceVersion: String(rv++),
          generation: ((live?.metadata.generation as number) ?? 0) + 1,
        };
        const result = simulateControllers(merged);
        if (url.searchParams.get('dryRun') !== 'All') store.set(key, result);
        return send(live ? 200 : 201, result);
      }
      return send(405, { message: 'method not allowed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'mesh-fake-api-')), 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: fake',
      `clusters: [{name: fake, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]`,
      'contexts: [{name: fake, context: {cluster: fake, user: u}}]',
      'users: [{name: u, user: {token: t}}]',
      '',
    ].join('\n'),
  );
  return { kubeconfig, store, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
