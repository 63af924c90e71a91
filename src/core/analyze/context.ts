/** The AnalysisContext analyzers talk to, over a snapshot; optionally recording which kinds they read. */
import type { Snapshot } from './snapshot.js';
import type { AnalysisContext, Finding, Kind, Resource } from './types.js';

/** Records the kinds an analyzer reads (forEach, find, knows), for the "declared == read" invariant. */
export interface ReadSpy {
  read(kind: Kind): void;
}

const EMPTY: readonly Resource[] = [];

/** Builds the context one analyzer runs with; findings go to `sink`. */
export function createContext(snapshot: Snapshot, analyzer: string, sink: (f: Finding) => void, spy?: ReadSpy): AnalysisContext {
  return {
    istioNamespace: snapshot.istioNamespace,
    forEach(kind, fn) {
      spy?.read(kind);
      for (const r of snapshot.byKind.get(kind) ?? EMPTY) if (fn(r) === false) break;
    },
    find(kind, namespace, name) {
      spy?.read(kind);
      return (snapshot.byKind.get(kind) ?? EMPTY).find((r) => r.name === name && r.namespace === namespace);
    },
    knows(kind) {
      spy?.read(kind);
      return snapshot.known.has(kind);
    },
    schemaProblems(resource) {
      spy?.read(resource.kind);
      return snapshot.problems.get(resource.object) ?? [];
    },
    report(resource, code, args, field) {
      sink({ code, args, resource, field, analyzer });
    },
  };
}
