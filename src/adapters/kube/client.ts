/**
 * The one door to a cluster: loads client-node's KubeConfig (./client-node-config.ts, bundled and tree-shaken;
 * still tens of milliseconds, so only here and only when a command really needs a cluster), resolves kubeconfig
 * and context from the global flags, and translates client errors into ClusterError once, kubectl `checkErr`-style.
 * Other files in src/adapters/kube/ build on `connect`.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { GlobalOptions } from '../../context.js';
import { ClusterError, MeshError } from '../../errors.js';
import { kubeconfigAvailable, NO_KUBECONFIG, NO_KUBECONFIG_HINT } from './kubeconfig-presence.js';

/** A live connection: the loaded kubeconfig, for authenticating requests (./http.ts) and port-forwards. */
export interface KubeConnection {
  /** The loaded kubeconfig, with the chosen context set as current. */
  config: KubeConfig;
  /** The namespace from -n, else the context's namespace, else `default`. */
  namespace: string;
  /** The API server URL (for messages). */
  server: string;
}

/** Loads the kubeconfig named by the flags (or $KUBECONFIG, or ~/.kube/config). Does not contact the server. */
export async function connect(
  globals: Pick<GlobalOptions, 'kubeconfig' | 'context' | 'namespace'>,
  env: Readonly<Record<string, string | undefined>>,
): Promise<KubeConnection> {
  // Without any kubeconfig client-node falls back to http://localhost:8080 and every request then fails with a
  // message about TLS settings: say what is true instead, before loading anything.
  if (!kubeconfigAvailable(globals, env)) throw new ClusterError(NO_KUBECONFIG, { hint: NO_KUBECONFIG_HINT });
  const { KubeConfig } = await import('./client-node-config.js');
  const config = new KubeConfig();
  try {
    if (globals.kubeconfig) config.loadFromFile(globals.kubeconfig);
    else config.loadFromDefault();
  } catch (error) {
    // The YAML parser's message carries a code excerpt after the first line: keep the error to one line.
    const reason = String((error as Error)?.message ?? error)
      .split('\n')[0]!
      .trim();
    throw new ClusterError(`cannot load kubeconfig${globals.kubeconfig ? ` ${globals.kubeconfig}` : ''}: ${reason}`, { cause: error });
  }
  if (globals.context) {
    if (!config.getContextObject(globals.context)) {
      const known =
        config
          .getContexts()
          .map((c) => c.name)
          .join(', ') || 'none';
      throw new ClusterError(`context "${globals.context}" not found in kubeconfig (contexts: ${known})`);
    }
    config.setCurrentContext(globals.context);
  }
  const cluster = config.getCurrentCluster();
  if (!cluster) {
    throw new ClusterError('no cluster configured: the kubeconfig has no current context', {
      hint: 'pass --kubeconfig or --context, or work offline where the command allows it',
    });
  }
  const contextNs = config.getContextObject(config.getCurrentContext())?.namespace;
  return { config, namespace: globals.namespace ?? contextNs ?? 'default', server: cluster.server };
}

/** HTTP status of a client-node error, if it has one. */
export function statusCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Translates any client error into a one-line ClusterError that says what was being done (`what`, e.g.
 * "list pods in istio-system"). MeshErrors pass through unchanged.
 */
export function translateKubeError(error: unknown, what: string, server?: string): MeshError {
  if (error instanceof MeshError) return error;
  const status = statusCode(error);
  const body = (error as { body?: unknown }).body;
  const parsed = typeof body === 'string' ? safeJson(body) : body;
  const serverMessage = (parsed as { message?: string } | undefined)?.message;
  if (status === 401) return new ClusterError(`cannot ${what}: unauthorized (401); check the credentials in your kubeconfig`, { cause: error });
  if (status === 403)
    return new ClusterError(`cannot ${what}: forbidden (403)${serverMessage ? `: ${serverMessage}` : ''}`, {
      cause: error,
      hint: 'ask your cluster admin for RBAC access, or run with a more privileged context',
    });
  if (status !== undefined) return new ClusterError(`cannot ${what}: HTTP ${status}${serverMessage ? `: ${serverMessage}` : ''}`, { cause: error });
  const tls = findTlsCode(error);
  if (tls) {
    return new ClusterError(`cannot ${what}: the API server${server ? ` at ${server}` : ''} presented a certificate the kubeconfig does not trust (${tls})`, {
      cause: error,
      hint: "check the cluster's certificate-authority(-data) in your kubeconfig, or that --context names the right cluster",
    });
  }
  const sysCode = findSystemCode(error);
  if (sysCode) {
    return new ClusterError(`cannot ${what}: cluster unreachable${server ? ` at ${server}` : ''} (${sysCode})`, {
      cause: error,
      hint: 'check that the cluster is running and your kubeconfig points at it',
    });
  }
  return new ClusterError(`cannot ${what}: ${(error as Error)?.message ?? String(error)}`.split('\n')[0]!, { cause: error });
}

/** OpenSSL's verification failures as Node reports them (`err.code`). */
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

function findTlsCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TLS_CODES.has(code)) return code;
  }
  return undefined;
}

function findSystemCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
