/**
 * The cluster side of `create-remote-secret`, over the Cluster port: the cluster's name (its kube-system UID unless
 * given), the ServiceAccount and its token Secret, and what has to be created first when they are missing (the
 * reader ServiceAccount with its ClusterRole and binding, as the base chart renders them; a token Secret, which
 * Kubernetes 1.24+ no longer makes by itself). Nothing is written without the caller's consent (`confirm`).
 */
import type { Cluster, CommandContext } from '../context.js';
import { ClusterError, UsageError } from '../errors.js';
import type { KubeObject } from '../core/yaml/load.js';
import { DEFAULT_SERVICE_ACCOUNT, tokenSecretName, type RemoteSecretType } from '../core/multicluster/remote-secret.js';

/** What the caller chose (the command's flags). */
export interface RemoteSecretRequest {
  /** Namespace of the ServiceAccount and of the printed Secret. */
  namespace: string;
  type: RemoteSecretType;
  serviceAccount?: string | undefined;
  createServiceAccount: boolean;
  secretName?: string | undefined;
  /** Whether the token itself is needed (bearer-token), or only the CA (plugin). */
  needToken: boolean;
}

/** The credentials found (or made). */
export interface RemoteSecretCredentials {
  /** The token Secret's `ca.crt`, base64. */
  caDataBase64: string;
  /** The decoded token ('' when not needed). */
  token: string;
}

const TOKEN_TYPE = 'kubernetes.io/service-account-token';
const SA_ANNOTATION = 'kubernetes.io/service-account.name';
/** How long the token controller gets to fill a new token Secret in (istioctl: 5 tries a second apart). */
const TOKEN_WAIT = { tries: 10, ms: 500 };

const meta = (o: KubeObject | undefined) => (o?.metadata ?? {}) as { name?: string; uid?: string; annotations?: Record<string, string> };
const refersTo = (secret: KubeObject, sa: string) => secret.type === TOKEN_TYPE && meta(secret).annotations?.[SA_ANNOTATION] === sa;

/** The UID of kube-system, istioctl's cluster name when --name is not given. */
export async function clusterUid(cluster: Cluster): Promise<string> {
  const ns = await cluster.install.get({ apiVersion: 'v1', kind: 'Namespace', name: 'kube-system' });
  const uid = meta(ns).uid;
  if (!uid) throw new ClusterError('cannot read the UID of namespace kube-system to name the cluster', { hint: 'pass --name <cluster-name>' });
  return uid;
}

/** The reader objects of the base chart for `namespace` (ServiceAccount, ClusterRole, ClusterRoleBinding), as istioctl picks them. */
async function readerObjects(ctx: Pick<CommandContext, 'assets'>, namespace: string): Promise<KubeObject[]> {
  const { generate } = await import('./render-install.js');
  const { objects } = await generate(ctx, [], [`values.global.istioNamespace=${namespace}`]);
  return objects
    .map((o) => o.object)
    .filter((o) => {
      const name = meta(o).name ?? '';
      return (
        (o.kind === 'ServiceAccount' && name === DEFAULT_SERVICE_ACCOUNT.remote) ||
        (/^ClusterRole(Binding)?$/.test(String(o.kind)) && name.startsWith('istio-reader-clusterrole'))
      );
    });
}

/**
 * Finds the token Secret of the ServiceAccount, or plans what to create; `confirm` gets the list of objects to be
 * created (false: stop), then they are applied and the token read once the controller has filled it in.
 */
export async function serviceAccountCredentials(
  ctx: Pick<CommandContext, 'assets' | 'clock'>,
  cluster: Cluster,
  req: RemoteSecretRequest,
  confirm: (objects: KubeObject[]) => Promise<boolean>,
): Promise<RemoteSecretCredentials | undefined> {
  const ns = req.namespace;
  const sa = req.serviceAccount ?? DEFAULT_SERVICE_ACCOUNT[req.type];
  const plan: KubeObject[] = [];
  if (!(await cluster.install.get({ apiVersion: 'v1', kind: 'ServiceAccount', namespace: ns, name: sa }))) {
    if (!req.createServiceAccount) {
      throw new ClusterError(`ServiceAccount ${sa}.${ns}, needed for the remote secret, does not exist`, {
        hint: 'install Istio (a minimal profile will do) on this cluster first, or run with --create-service-account=true',
      });
    }
    if (sa !== DEFAULT_SERVICE_ACCOUNT.remote) {
      throw new ClusterError(
        `ServiceAccount ${sa}.${ns} does not exist, and only ${DEFAULT_SERVICE_ACCOUNT.remote} (with its reader ClusterRole) can be created`,
        {
          hint: req.type === 'config' ? 'install istiod on this cluster first' : `pass --service-account ${DEFAULT_SERVICE_ACCOUNT.remote}`,
        },
      );
    }
    if (!(await cluster.install.get({ apiVersion: 'v1', kind: 'Namespace', name: ns })))
      plan.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    plan.push(...(await readerObjects(ctx, ns)));
  }
  let secret: KubeObject | undefined;
  if (req.secretName) {
    secret = await cluster.install.get({ apiVersion: 'v1', kind: 'Secret', namespace: ns, name: req.secretName });
    if (!secret) throw new ClusterError(`Secret ${req.secretName}.${ns} (--secret-name) does not exist`);
    if (!refersTo(secret, sa)) throw new UsageError(`Secret ${req.secretName}.${ns} is not a token Secret of ServiceAccount ${sa}`);
  } else if (plan.length === 0) {
    const tokens = await cluster.install.list('v1', 'Secret', { namespace: ns, fieldSelector: `type=${TOKEN_TYPE}` });
    secret = tokens.filter((s) => refersTo(s, sa)).sort((a, b) => ((meta(a).name ?? '') < (meta(b).name ?? '') ? -1 : 1))[0];
  }
  const secretRef = { apiVersion: 'v1', kind: 'Secret', namespace: ns, name: meta(secret).name ?? tokenSecretName(sa) };
  if (!secret)
    plan.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: secretRef.name, namespace: ns, annotations: { [SA_ANNOTATION]: sa } }, type: TOKEN_TYPE });
  if (plan.length) {
    if (!(await confirm(plan))) return undefined;
    for (const obj of plan) await cluster.install.apply(obj, {});
  }
  for (let i = 0; ; i++) {
    const data = (secret?.data ?? {}) as Record<string, string>;
    if (data['ca.crt'] && (data.token || !req.needToken)) {
      return { caDataBase64: data['ca.crt'], token: req.needToken ? Buffer.from(data.token!, 'base64').toString('utf8') : '' };
    }
    if (i >= TOKEN_WAIT.tries) {
      throw new ClusterError(`Secret ${secretRef.name}.${ns} has no ${data['ca.crt'] ? '"token"' : '"ca.crt"'} data: the token controller did not fill it in`, {
        hint: 'is kube-controller-manager running with its service-account token controller?',
      });
    }
    if (i > 0 || !secret) await ctx.clock.sleep(TOKEN_WAIT.ms);
    secret = await cluster.install.get(secretRef);
  }
}
