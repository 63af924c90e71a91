// Helpers for integration tests that talk to the kube-local test cluster (see test/cluster/).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { inject } from 'vitest';

/** Path of the admin kubeconfig of this worker's test cluster (see global-setup.ts). */
export function kubeconfigPath(): string {
  const all = inject('kubeconfigs');
  const worker = Number(process.env.VITEST_POOL_ID ?? 1) - 1;
  const path = all[worker % all.length];
  if (!path) throw new Error('no test cluster: run the integration tests with vitest.cluster.config.ts');
  return path;
}

/** API clients for the test cluster, as its admin (or as the user of another kubeconfig). */
export function kube(kubeconfig = kubeconfigPath()) {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(kubeconfig);
  return {
    kc,
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    rbac: kc.makeApiClient(k8s.RbacAuthorizationV1Api),
    crds: kc.makeApiClient(k8s.ApiextensionsV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
    objects: k8s.KubernetesObjectApi.makeApiClient(kc),
  };
}

/** HTTP status of a client-node error, or undefined for anything else. */
export function statusOf(err: unknown): number | undefined {
  return err instanceof k8s.ApiException ? err.code : undefined;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after timeoutMs. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Creates a namespace with a unique name; returns its name and a function that deletes it. */
export async function tempNamespace(prefix: string, labels: Record<string, string> = {}) {
  const { core } = kube();
  const name = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  await core.createNamespace({ body: { metadata: { name, labels } } });
  return {
    name,
    remove: () =>
      core.deleteNamespace({ name }).then(
        () => undefined,
        () => undefined,
      ),
  };
}

/** Options of {@link restrictedKubeconfig}. */
export interface RestrictedUserOptions {
  /** Namespace that holds the ServiceAccount the kubeconfig authenticates as. */
  namespace: string;
  /** Name of the ServiceAccount (created if missing). */
  name: string;
  /** Rules granted cluster-wide through a ClusterRole and ClusterRoleBinding. */
  clusterRules?: k8s.V1PolicyRule[];
  /** Rules granted in `namespace` only, through a Role and RoleBinding. */
  rules?: k8s.V1PolicyRule[];
}

/**
 * Writes a kubeconfig for a ServiceAccount that may do only what `rules`/`clusterRules` allow,
 * authenticated by a bound token from the TokenRequest API. Returns the file's path and the
 * username the API server sees (system:serviceaccount:<ns>:<name>).
 */
export async function restrictedKubeconfig(opts: RestrictedUserOptions): Promise<{ path: string; user: string }> {
  const { core, rbac, kc } = kube();
  const { namespace, name } = opts;
  const subject = [{ kind: 'ServiceAccount', name, namespace }];
  await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } }).catch(ignoreExists);
  if (opts.clusterRules) {
    const roleName = `${namespace}-${name}`;
    await rbac.createClusterRole({ body: { metadata: { name: roleName }, rules: opts.clusterRules } }).catch(ignoreExists);
    await rbac
      .createClusterRoleBinding({
        body: { metadata: { name: roleName }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName }, subjects: subject },
      })
      .catch(ignoreExists);
  }
  if (opts.rules) {
    await rbac.createNamespacedRole({ namespace, body: { metadata: { name }, rules: opts.rules } }).catch(ignoreExists);
    await rbac
      .createNamespacedRoleBinding({
        namespace,
        body: { metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name }, subjects: subject },
      })
      .catch(ignoreExists);
  }
  const token = await core.createNamespacedServiceAccountToken({ name, namespace, body: { spec: { audiences: [], expirationSeconds: 3600 } } });
  const cluster = kc.getCurrentCluster();
  if (!cluster || !token.status?.token) throw new Error('no cluster in the admin kubeconfig, or no token issued');
  const user = `system:serviceaccount:${namespace}:${name}`;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'restricted',
    clusters: [{ name: 'kube-local', cluster: { server: cluster.server, 'certificate-authority-data': caData(kc) } }],
    users: [{ name: user, user: { token: token.status.token } }],
    contexts: [{ name: 'restricted', context: { cluster: 'kube-local', user, namespace } }],
  };
  const path = join(mkdtempSync(join(tmpdir(), 'mesh-restricted-')), 'kubeconfig');
  writeFileSync(path, JSON.stringify(config, null, 2), { mode: 0o600 });
  return { path, user };
}

function caData(kc: k8s.KubeConfig): string {
  const c = kc.getCurrentCluster();
  if (c?.caData) return c.caData;
  throw new Error('the admin kubeconfig has no embedded CA');
}

function ignoreExists(err: unknown): void {
  if (statusOf(err) !== 409) throw err;
}
