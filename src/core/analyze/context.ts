/** The AnalysisContext analyzers talk to, over a snapshot; optionally recording which kinds they read. */
import type { Snapshot } from './snapshot.js';
import type { AnalysisContext, Finding, Kind, Resource } from './types.js';

/** Records the kinds an analyzer reads (forEach, find, knows), for the "declared == read" invariant. */
export interface ReadSpy {
  read(kind: Kind): void;
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

/** Views several analyzers derive alike (workloads, their label index), computed once per snapshot, with the kinds read. */
const memos = new WeakMap<Snapshot, Map<string, { value: unknown; kinds: Set<Kind> }>>();

/** Builds the context one analyzer runs with; findings go to `sink`. */
export function createContext(snapshot: Snapshot, analyzer: string, sink: (f: Finding) => void, spy?: ReadSpy): AnalysisContext {
  // Kinds read while a memo is computed, so that later analyzers using it are credited with the same reads.
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
    report(resource, code, args, field) {
      sink({ code, args, resource, field, analyzer });
    },
  };
}
