/**
 * The InstallClient over a real API server: server-side apply (PATCH application/apply-patch+yaml, field
 * manager `mesh`), reads, lists, foreground deletes, pod logs and events. Errors leave as one-line
 * ClusterErrors: conflicts name the other field manager and the fields, Forbidden names the verb and resource.
 */
import type { ApplyOptions, InstallClient, KubeEvent, ListOptions } from '../../core/install/client.js';
import { ApplyConflictError } from '../../core/install/client.js';
import { FIELD_MANAGER, describeRef, groupOf, type ObjectRef } from '../../core/install/objects.js';
import type { KubeObject } from '../../core/yaml/load.js';
import { ClusterError, MeshError } from '../../errors.js';
import { type KubeConnection, statusCode, translateKubeError } from './client.js';
import { RawKube, type ResourceInfo } from './http.js';
import { compareStrings } from '../../core/tree.js';

/** Builds the InstallClient for a connection. */
export function installClient(conn: KubeConnection): InstallClient {
  return new KubeInstallClient(conn);
}

class KubeInstallClient implements InstallClient {
  private readonly raw: RawKube;

  constructor(private readonly conn: KubeConnection) {
    this.raw = new RawKube(conn);
  }

  async apply(obj: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    const what = `apply ${describeRef(obj)}`;
    const info = await this.resourceOrThrow(obj.apiVersion, obj.kind, what);
    const path = this.raw.pathFor(obj.apiVersion, info, obj.metadata?.namespace, obj.metadata?.name);
    try {
      return (await this.raw.request('PATCH', path, {
        query: { fieldManager: FIELD_MANAGER, force: options.force ? 'true' : undefined, dryRun: options.dryRun ? 'All' : undefined },
        body: obj,
        contentType: 'application/apply-patch+yaml',
      })) as KubeObject;
    } catch (error) {
      throw this.translate(error, 'patch', info, obj.apiVersion, obj.metadata?.namespace, what);
    }
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const what = `read ${describeRef(ref)}`;
    const info = await this.resource(ref.apiVersion, ref.kind, what);
    if (!info) return undefined;
    try {
      return (await this.raw.request('GET', this.raw.pathFor(ref.apiVersion, info, ref.namespace, ref.name))) as KubeObject;
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw this.translate(error, 'get', info, ref.apiVersion, ref.namespace, what);
    }
  }

  async list(apiVersion: string, kind: string, options: ListOptions): Promise<KubeObject[]> {
    const what = `list ${kind}${options.namespace ? ` in namespace ${options.namespace}` : ''}`;
    const info = await this.resource(apiVersion, kind, what);
    if (!info) return [];
    try {
      const out: KubeObject[] = [];
      let token: string | undefined;
      do {
        const page = (await this.raw.request('GET', this.raw.pathFor(apiVersion, info, options.namespace), {
          query: { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, limit: '500', continue: token },
        })) as { items?: KubeObject[]; metadata?: { continue?: string } };
        // List items carry no apiVersion/kind; the plan identifies objects by them.
        out.push(...(page.items ?? []).map((o) => ({ ...o, apiVersion, kind })));
        token = page.metadata?.continue || undefined;
      } while (token);
      return out;
    } catch (error) {
      if (statusCode(error) === 404) return [];
      throw this.translate(error, 'list', info, apiVersion, options.namespace, what);
    }
  }

  async delete(ref: ObjectRef, options: { dryRun?: boolean }): Promise<boolean> {
    const what = `delete ${describeRef(ref)}`;
    const info = await this.resource(ref.apiVersion, ref.kind, what);
    if (!info) return false;
    try {
      await this.raw.request('DELETE', this.raw.pathFor(ref.apiVersion, info, ref.namespace, ref.name), {
        query: { dryRun: options.dryRun ? 'All' : undefined },
        body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground' },
      });
      return true;
    } catch (error) {
      if (statusCode(error) === 404) return false;
      throw this.translate(error, 'delete', info, ref.apiVersion, ref.namespace, what);
    }
  }

  async lastLogLine(namespace: string, pod: string, container: string, previous: boolean): Promise<string | undefined> {
    try {
      const text = (await this.raw.request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`, {
        query: { container, previous: previous ? 'true' : undefined, tailLines: '20' },
        text: true,
      })) as string;
      return text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .pop();
    } catch {
      // Logs are a nicety in a diagnosis: a missing log (no kubelet, rotated) must not hide the diagnosis itself.
      return undefined;
    }
  }

  async events(namespace: string, kind: string, name: string): Promise<KubeEvent[]> {
    try {
      const list = (await this.raw.request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`, {
        query: { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` },
      })) as { items?: { type?: string; reason?: string; message?: string; count?: number; lastTimestamp?: string; eventTime?: string }[] };
      const items = [...(list.items ?? [])].sort((a, b) =>
        compareStrings(String(a.lastTimestamp ?? a.eventTime ?? ''), String(b.lastTimestamp ?? b.eventTime ?? '')),
      );
      return items.map((e) => ({ type: e.type ?? '', reason: e.reason ?? '', message: e.message ?? '', count: e.count ?? 1 }));
    } catch {
      return [];
    }
  }

  private async resource(apiVersion: string, kind: string, what: string): Promise<ResourceInfo | undefined> {
    try {
      return await this.raw.resource(apiVersion, kind);
    } catch (error) {
      throw translateKubeError(error, what, this.conn.server);
    }
  }

  private async resourceOrThrow(apiVersion: string, kind: string, what: string): Promise<ResourceInfo> {
    const info = await this.resource(apiVersion, kind, what);
    if (info) return info;
    throw new ClusterError(`cannot ${what}: the cluster does not serve ${kind} in ${apiVersion}`, {
      hint: groupOf(apiVersion).endsWith('istio.io')
        ? 'its CRD is missing: install the Istio core (CRDs) first'
        : 'check the apiVersion against `kubectl api-resources`',
    });
  }

  /** Conflicts and Forbidden get their own messages; everything else goes through translateKubeError. */
  private translate(error: unknown, verb: string, info: ResourceInfo, apiVersion: string, namespace: string | undefined, what: string): MeshError {
    const status = statusCode(error);
    const body = (error as { body?: { message?: string; details?: { causes?: { reason?: string; message?: string; field?: string }[] } } }).body;
    if (status === 409 && body?.details?.causes?.length) {
      const causes = body.details.causes.filter((c) => c.reason === 'FieldManagerConflict');
      const managers = [...new Set(causes.map((c) => /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1] ?? 'unknown'))];
      const fields = causes.map((c) => c.field ?? '?');
      return new ApplyConflictError(
        `cannot ${what}: field manager${managers.length > 1 ? 's' : ''} ${managers.map((m) => `"${m}"`).join(', ')} own${managers.length > 1 ? '' : 's'} ${fields.join(', ')}`,
        managers,
        fields,
        { cause: error, hint: 'someone changed these fields with another tool; re-run with --force-conflicts to take them over for mesh' },
      );
    }
    if (body?.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) {
      return new ClusterError(`cannot ${what}: namespace ${namespace ?? ''} is being deleted`, {
        cause: error,
        hint: 'wait until the namespace is gone (kubectl get ns), then run the command again',
      });
    }
    if (status === 403) {
      const group = groupOf(apiVersion);
      const resource = `${info.plural}${group ? `.${group}` : ''}`;
      const scope = info.namespaced && namespace ? ` in namespace ${namespace}` : ' (cluster-scoped)';
      return new ClusterError(`cannot ${what}: forbidden: your credentials may not ${verb} ${resource}${scope}`, {
        cause: error,
        hint: `ask your cluster admin for RBAC access; check with: kubectl auth can-i ${verb} ${resource}${info.namespaced && namespace ? ` -n ${namespace}` : ''}`,
      });
    }
    return translateKubeError(error, what, this.conn.server);
  }
}
