/**
 * What `mesh precheck` asks the API server: its version, how it serves the kinds the install writes, whether the
 * current user may do each thing the install does (SelfSubjectAccessReview, many in parallel but bounded), and
 * what Istio already runs (istiod Deployments, Istio CRDs, the legacy zipkin Service).
 */
import type { KubeObject } from '../../core/yaml/load.js';
import type { Denied, KindResource } from '../../core/precheck/index.js';
import type { PrecheckCluster, ServerVersion } from '../../core/precheck/cluster.js';
import { kindKey } from '../../core/precheck/permissions.js';
import { statusCode, translateKubeError, type KubeConnection } from './client.js';
import { RawKube } from './http.js';

/** At most this many access reviews in flight: enough to finish ~100 reviews in a few round trips, gentle on the server. */
const REVIEW_CONCURRENCY = 16;

/** Opens the cluster named by the global flags. */
export function precheckCluster(conn: KubeConnection): PrecheckCluster {
  const raw = new RawKube(conn);
  const fail = (error: unknown, what: string) => translateKubeError(error, what, conn.server);
  const listAll = async (path: string, query: Record<string, string | undefined>, what: string): Promise<KubeObject[] | string> => {
    try {
      const items: KubeObject[] = [];
      let token: string | undefined;
      do {
        const page = (await raw.request('GET', path, { query: { ...query, limit: '500', continue: token } })) as {
          items?: KubeObject[];
          metadata?: { continue?: string };
        };
        items.push(...(page.items ?? []));
        token = page.metadata?.continue || undefined;
      } while (token);
      return items;
    } catch (error) {
      if (statusCode(error) === 403) return `cannot ${what}: forbidden (403)`;
      throw fail(error, what);
    }
  };
  return {
    server: conn.server,
    async version() {
      try {
        return (await raw.request('GET', '/version')) as ServerVersion;
      } catch (error) {
        throw fail(error, 'read the Kubernetes version');
      }
    },
    async resolveKinds(kinds) {
      const table = new Map<string, KindResource>();
      await Promise.all(
        kinds.map(async ({ apiVersion, kind }) => {
          try {
            const info = await raw.resource(apiVersion, kind);
            if (info) table.set(kindKey(apiVersion, kind), info);
          } catch (error) {
            // Discovery of one group refused: the plural is guessed instead (core/precheck guessPlural).
            if (statusCode(error) !== 403) throw fail(error, `discover ${apiVersion}`);
          }
        }),
      );
      return table;
    },
    async review(permissions) {
      const denied: Denied[] = [];
      let next = 0;
      const worker = async () => {
        while (next < permissions.length) {
          const p = permissions[next++]!;
          const body = {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes: { group: p.group, resource: p.resource, verb: p.verb, ...(p.namespace ? { namespace: p.namespace } : {}) } },
          };
          let answer: { status?: { allowed?: boolean; reason?: string; evaluationError?: string } };
          try {
            answer = (await raw.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { body })) as typeof answer;
          } catch (error) {
            throw fail(error, 'ask the API server what you may do (SelfSubjectAccessReview)');
          }
          if (!answer.status?.allowed) denied.push({ permission: p, reason: answer.status?.reason || answer.status?.evaluationError || '' });
        }
      };
      await Promise.all(Array.from({ length: Math.min(REVIEW_CONCURRENCY, permissions.length) }, worker));
      return denied;
    },
    istiodDeployments: () => listAll('/apis/apps/v1/deployments', { labelSelector: 'app=istiod' }, 'list istiod Deployments'),
    crds: () => listAll('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {}, 'list CustomResourceDefinitions'),
    async zipkin(namespace) {
      try {
        return (await raw.request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/services/zipkin`)) as KubeObject;
      } catch (error) {
        const code = statusCode(error);
        if (code === 404 || code === 403) return undefined;
        throw fail(error, `read Service zipkin in namespace ${namespace}`);
      }
    },
  };
}
