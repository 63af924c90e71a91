/**
 * The one door to a cluster: loads client-node's KubeConfig (./client-node-config.ts, bundled and tree-shaken;
 * still tens of milliseconds, so only here and only when a command really needs a cluster), resolves kubeconfig
 * and context from the global flags, and translates client errors into ClusterError once, kubectl `checkErr`-style.
 * Other files in src/adapters/kube/ build on `connect`.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { GlobalOptions } from '../../context.js';
import { ClusterError, MeshError } from '../../errors.js';

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
export async function connect(globals: Pick<GlobalOptions, 'kubeconfig' | 'context' | 'namespace'>): Promise<KubeConnection> {
  const { KubeConfig } = await import('./client-node-config.js');
  const config = new KubeConfig();
  try {
    if (globals.kubeconfig) config.loadFromFile(globals.kubeconfig);
    else config.loadFromDefault();
  } catch (error) {
    // The YAML parser's message carries a code excerpt after the first line: keep the error to one line.
    const reason = String((error as Error)?.message ?? error).split('\n')[0]!.trim();
    throw new ClusterError(`cannot load kubeconfig${globals.kubeconfig ? ` ${globals.kubeconfig}` : ''}: ${reason}`, { cause: error });
  }
  if (globals.context) {
    if (!config.getContextObject(globals.context)) {
      const known = config.getContexts().map((c) => c.name).join(', ') || 'none';
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
  if (status === 403) return new ClusterError(`cannot ${what}: forbidden (403)${serverMessage ? `: ${serverMessage}` : ''}`, { cause: error, hint: 'ask your cluster admin for RBAC access, or run with a more privileged context' });
  if (status !== undefined) return new ClusterError(`cannot ${what}: HTTP ${status}${serverMessage ? `: ${serverMessage}` : ''}`, { cause: error });
  const sysCode = findSystemCode(error);
  if (sysCode) {
    return new ClusterError(`cannot ${what}: cluster unreachable${server ? ` at ${server}` : ''} (${sysCode})`, {
      cause: error,
      hint: 'check that the cluster is running and your kubeconfig points at it',
    });
  }
  return new ClusterError(`cannot ${what}: ${(error as Error)?.message ?? String(error)}`.split('\n')[0]!, { cause: error });
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
