/** The AnalysisContext analyzers talk to: a snapshot view (core/model/view.ts) plus a sink for findings. */
import type { Snapshot } from '../model/snapshot.js';
import { createView, type ReadSpy } from '../model/view.js';
import type { AnalysisContext, Finding } from './types.js';

export type { ReadSpy } from '../model/view.js';

/** Builds the context one analyzer runs with; findings go to `sink`, reads to `spy`. */
export function createContext(snapshot: Snapshot, analyzer: string, sink: (f: Finding) => void, spy?: ReadSpy): AnalysisContext {
  return {
    ...createView(snapshot, spy),
    report(resource, code, args, field) {
      sink({ code, args, resource, field, analyzer });
    },
  };
}
