/**
 * A recorded in-memory cluster for the install runners: stores objects by identity, merges applies, records
 * every call in order, and lets a test decide how objects become ready (per-get status hooks).
 */
import type { ApplyOptions, Clock, InstallClient, KubeEvent, ListOptions, ProgressSink } from '../../src/core/install/client.js';
import { keyOf, type ObjectRef } from '../../src/core/install/objects.js';
import type { KubeObject } from '../../src/core/yaml/load.js';

type Status = (obj: KubeObject) => KubeObject;

export class FakeCluster implements InstallClient {
  readonly objects = new Map<string, KubeObject>();
  readonly calls: string[] = [];
  /** Called on every get of an object of this kind: returns the object with the status it has now. */
  readonly statusHooks = new Map<string, Status>();
  /** Thrown by apply for this key (once). */
  readonly applyErrors = new Map<string, Error>();
  readonly logs = new Map<string, string>();
  readonly eventsByPod = new Map<string, KubeEvent[]>();

  constructor(seed: KubeObject[] = []) {
    for (const o of seed) this.objects.set(keyOf(o), o);
  }

  async apply(obj: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    const key = keyOf(obj);
    this.calls.push(`apply${options.dryRun ? '(dry-run)' : ''}${options.force ? '(force)' : ''} ${obj.kind} ${name(obj)}`);
    const err = this.applyErrors.get(key);
    if (err) {
      this.applyErrors.delete(key);
      throw err;
    }
    const live = this.objects.get(key);
    const merged = { ...(live ?? {}), ...structuredClone(obj), metadata: { ...(live?.metadata ?? {}), ...obj.metadata } } as KubeObject;
    if (live?.status) merged.status = live.status;
    if (!options.dryRun) this.objects.set(key, merged);
    return merged;
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    this.calls.push(`get ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`);
    const obj = this.objects.get(keyOf(ref));
    if (!obj) return undefined;
    const hook = this.statusHooks.get(obj.kind);
    if (hook) {
      const next = hook(obj);
      this.objects.set(keyOf(ref), next);
      return next;
    }
    return obj;
  }

  async list(apiVersion: string, kind: string, options: ListOptions): Promise<KubeObject[]> {
    this.calls.push(`list ${kind}${options.namespace ? ` -n ${options.namespace}` : ''}${options.labelSelector ? ` -l ${options.labelSelector}` : ''}`);
    return [...this.objects.values()].filter(
      (o) =>
        o.kind === kind &&
        (!options.namespace || o.metadata?.namespace === options.namespace) &&
        matches(o, options.labelSelector) &&
        matchesField(o, options.fieldSelector),
    );
  }

  async delete(ref: ObjectRef): Promise<boolean> {
    this.calls.push(`delete ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`);
    return this.objects.delete(keyOf(ref));
  }

  async lastLogLine(namespace: string, pod: string, container: string, previous: boolean): Promise<string | undefined> {
    return this.logs.get(`${namespace}/${pod}/${container}${previous ? '/previous' : ''}`);
  }

  async events(namespace: string, _kind: string, name: string): Promise<KubeEvent[]> {
    return this.eventsByPod.get(`${namespace}/${name}`) ?? [];
  }
}

function name(o: KubeObject): string {
  return `${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name}`;
}

/** Supports `a=b` and bare `a` (exists) terms. */
function matches(o: KubeObject, selector?: string): boolean {
  if (!selector) return true;
  const labels = o.metadata?.labels ?? {};
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=');
    return v === undefined ? labels[k!] !== undefined : labels[k!] === v;
  });
}

function matchesField(o: KubeObject, selector?: string): boolean {
  if (!selector) return true;
  const [k, v] = selector.split('=');
  return k === 'type' ? o.type === v : o.metadata?.name === v;
}

/** A clock that advances only when slept on. */
export class FakeClock implements Clock {
  t = 0;
  sleeps = 0;
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps++;
    this.t += ms;
  }
}

/** Records progress events as lines. */
export class RecordedProgress implements ProgressSink {
  readonly lines: string[] = [];
  start(t: string): void {
    this.lines.push(`start ${t}`);
  }
  update(): void {}
  succeed(t: string): void {
    this.lines.push(`✔ ${t}`);
  }
  fail(t: string): void {
    this.lines.push(`✘ ${t}`);
  }
  warn(t: string): void {
    this.lines.push(`warn ${t}`);
  }
  info(t: string): void {
    this.lines.push(`info ${t}`);
  }
}

/** Status hooks that make CRDs Established and workloads fully ready on first read. */
export function readyOnRead(cluster: FakeCluster): void {
  cluster.statusHooks.set('CustomResourceDefinition', (o) => ({ ...o, status: { conditions: [{ type: 'Established', status: 'True' }] } }));
  cluster.statusHooks.set('Deployment', (o) => {
    const r = (o.spec as { replicas?: number } | undefined)?.replicas ?? 1;
    return { ...o, status: { observedGeneration: 0, replicas: r, updatedReplicas: r, availableReplicas: r, readyReplicas: r } };
  });
  cluster.statusHooks.set('DaemonSet', (o) => ({ ...o, status: { desiredNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1 } }));
}
