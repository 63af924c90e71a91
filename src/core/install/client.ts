/**
 * The narrow view of a cluster that install, uninstall and verify-install need. src/adapters/kube/apply.ts
 * implements it over the Kubernetes API; tests use a recorded in-memory fake. Errors thrown through it are
 * already MeshErrors (ClusterError for forbidden, conflicts, unreachable), so the runners never translate.
 */
import type { KubeObject } from '../yaml/load.js';
import type { ObjectRef } from './objects.js';
import { ClusterError, type MeshErrorOptions } from '../../errors.js';

/** Options of a server-side apply. */
export interface ApplyOptions {
  /** Ask the server to validate and default without persisting (`dryRun=All`). */
  dryRun?: boolean;
  /** Take ownership of fields another field manager owns instead of failing on the conflict. */
  force?: boolean;
}

/** Filters for listing objects of one kind. */
export interface ListOptions {
  /** Namespace to list in; undefined lists across all namespaces (or cluster-scoped objects). */
  namespace?: string;
  /** Kubernetes label selector, e.g. `a=b,c`. */
  labelSelector?: string;
  /** Kubernetes field selector, e.g. `metadata.name=x`. */
  fieldSelector?: string;
}

/** One Kubernetes Event about an object (only what diagnosis reads). */
export interface KubeEvent {
  /** `Normal` or `Warning`. */
  type: string;
  /** Machine reason, e.g. `Unhealthy`, `FailedScheduling`. */
  reason: string;
  /** Human message, e.g. `Readiness probe failed: HTTP probe failed with statuscode: 503`. */
  message: string;
  /** How many times it happened. */
  count: number;
}

/** What the install, uninstall and verify runners ask of a cluster. */
export interface InstallClient {
  /** Server-side apply with field manager `mesh`; returns the object as the server stored (or would store) it. */
  apply(obj: KubeObject, options: ApplyOptions): Promise<KubeObject>;
  /** Reads one object; undefined when it (or its kind) does not exist. */
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Lists objects of a kind; an empty list when the kind is not served by the cluster. */
  list(apiVersion: string, kind: string, options: ListOptions): Promise<KubeObject[]>;
  /** Deletes one object (foreground propagation); false when it was already gone. */
  delete(ref: ObjectRef, options: { dryRun?: boolean }): Promise<boolean>;
  /** The last non-empty line a container logged (`previous`: of its last terminated run); undefined if none. */
  lastLogLine(namespace: string, pod: string, container: string, previous: boolean): Promise<string | undefined>;
  /** Events about one object, newest last. */
  events(namespace: string, kind: string, name: string): Promise<KubeEvent[]>;
}

/** Time, injected so that waits are testable without sleeping. */
export interface Clock {
  /** Milliseconds since some fixed point. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** Where the runners report progress; the command renders it (ora on a TTY, plain lines otherwise). */
export interface ProgressSink {
  /** A component's work started (e.g. `Istiod`). */
  start(title: string): void;
  /** The current activity of the running component changed (e.g. `waiting for Deployment istio-system/istiod`). */
  update(text: string): void;
  /** The running component finished: `✔ <title> installed` (or the given verb). */
  succeed(text: string): void;
  /** The running component failed. */
  fail(text: string): void;
  /** A warning line, printed above any spinner. */
  warn(text: string): void;
  /** A plain information line, printed above any spinner. */
  info(text: string): void;
}

/** A server-side apply refused because another field manager owns fields mesh sets (HTTP 409). */
export class ApplyConflictError extends ClusterError {
  /** The other field managers, e.g. `kubectl-edit`. */
  readonly managers: string[];
  /** The conflicting fields, e.g. `.spec.replicas`. */
  readonly fields: string[];
  constructor(message: string, managers: string[], fields: string[], options: MeshErrorOptions = {}) {
    super(message, options);
    this.managers = managers;
    this.fields = fields;
  }
}
