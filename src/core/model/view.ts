/**
 * A read-only view over a snapshot, what every reader of it uses (analyzers through AnalysisContext, describe, the
 * shared hosts and workloads helpers): kinds by name, the "known kinds", shared memoised views, and the kinds read.
 */
import type { Kind, Resource, SchemaProblem } from './resource.js';
import type { Snapshot } from './snapshot.js';

/** Records the kinds a reader reads (forEach, find, knows), for the analyzers' "declared == read" invariant. */
export interface ReadSpy {
  read(kind: Kind): void;
}

/** What a reader of a snapshot sees. */
export interface SnapshotView {
  /** Calls `fn` for each object of `kind`, in a stable order; return false to stop early. */
  forEach(kind: Kind, fn: (r: Resource) => boolean | void): void;
  /** The object of `kind` named `name` in `namespace` ('' for cluster-scoped), if present. */
  find(kind: Kind, namespace: string, name: string): Resource | undefined;
  /**
   * True when the snapshot can vouch for the absence of `kind` objects: the cluster listed the kind, or the
   * files held at least one object of it. Analyzers report "not found" only for kinds the snapshot knows.
   */
  knows(kind: Kind): boolean;
  /** Schema problems found in the resource before analysis (validation is asynchronous, analyzers are not). */
  schemaProblems(resource: Resource): readonly SchemaProblem[];
  /** Namespace of the Istio control plane (for MeshConfig, injector ConfigMaps, gateways). */
  readonly istioNamespace: string;
  /**
   * `compute()`'s value, computed once per snapshot under `key` and shared by every reader asking for it (it must
   * not be modified). The kinds `compute` reads count as read by each reader that uses the value.
   */
  memo<T>(key: string, compute: () => T): T;
}

const EMPTY: readonly Resource[] = [];

/** kind → `namespace/name` → resource, built once per snapshot on the first find() (a scan per call is quadratic). */
const nameIndexes = new WeakMap<Snapshot, Map<Kind, Map<string, Resource>>>();

function byName(snapshot: Snapshot, kind: Kind): Map<string, Resource> {
  let kinds = nameIndexes.get(snapshot);
  if (!kinds) nameIndexes.set(snapshot, (kinds = new Map()));
  let index = kinds.get(kind);
  if (!index) {
    kinds.set(kind, (index = new Map()));
    // The first of equal names wins, as a scan in input order would find it.
    for (const r of snapshot.byKind.get(kind) ?? EMPTY) if (!index.has(`${r.namespace}\u0000${r.name}`)) index.set(`${r.namespace}\u0000${r.name}`, r);
  }
  return index;
}

/** Views several readers derive alike (workloads, their label index), computed once per snapshot, with the kinds read. */
const memos = new WeakMap<Snapshot, Map<string, { value: unknown; kinds: Set<Kind> }>>();

/** A view over `snapshot`; `spy` hears of every kind read, including those read inside memoised views. */
export function createView(snapshot: Snapshot, spy?: ReadSpy): SnapshotView {
  // Kinds read while a memo is computed, so that later readers using it are credited with the same reads.
  let recording: Set<Kind> | undefined;
  const read = (kind: Kind): void => {
    spy?.read(kind);
    recording?.add(kind);
  };
  return {
    istioNamespace: snapshot.istioNamespace,
    memo<T>(key: string, compute: () => T): T {
      let byKey = memos.get(snapshot);
      if (!byKey) memos.set(snapshot, (byKey = new Map()));
      let entry = byKey.get(key);
      if (!entry) {
        const outer = recording;
        recording = new Set();
        try {
          entry = { value: compute(), kinds: recording };
        } finally {
          for (const kind of recording) outer?.add(kind);
          recording = outer;
        }
        byKey.set(key, entry);
      } else for (const kind of entry.kinds) read(kind);
      return entry.value as T;
    },
    forEach(kind, fn) {
      read(kind);
      for (const r of snapshot.byKind.get(kind) ?? EMPTY) if (fn(r) === false) break;
    },
    find(kind, namespace, name) {
      read(kind);
      return byName(snapshot, kind).get(`${namespace}\u0000${name}`);
    },
    knows(kind) {
      read(kind);
      return snapshot.known.has(kind);
    },
    schemaProblems(resource) {
      read(resource.kind);
      return snapshot.problems.get(resource.object) ?? [];
    },
  };
}
