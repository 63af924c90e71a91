/** Runs analyzers over inline YAML, the way `mesh analyze --use-kube=false` does, and returns [code, resource] pairs. */
import { loadDocuments, objectsOf } from '../../../../src/core/yaml/load.js';
import { buildSnapshot, fileSource, type Snapshot } from '../../../../src/core/model/snapshot.js';
import { schemaProblemsOf } from '../../../../src/core/analyze/problems.js';
import { validateObjects } from '../../../../src/core/validate/index.js';
import { runAnalyzers } from '../../../../src/core/analyze/run.js';
import type { AnalysisMessage, Analyzer } from '../../../../src/core/analyze/types.js';

/** One case of an analyzer's table (Istio's testGrid). */
export interface AnalyzerCase {
  name: string;
  yaml: string;
  /** [code, `Kind namespace/name`] pairs, in output order. */
  expected: [string, string][];
}

/** Builds the snapshot `mesh analyze --use-kube=false case.yaml` would (schema problems included). */
export async function snapshotOf(yaml: string): Promise<Snapshot> {
  const objects = objectsOf(loadDocuments(yaml, 'case.yaml'));
  const problems = await schemaProblemsOf(objects, (o) => validateObjects(o, { ignoreUnknown: true }));
  return buildSnapshot([fileSource(objects)], { defaultNamespace: 'default', istioNamespace: 'istio-system', addDefaults: true, problems });
}

/** Analyzes `yaml` with `analyzers` (files only, istioctl's defaults added) and returns the messages. */
export async function analyzeYaml(yaml: string, analyzers: readonly Analyzer[]): Promise<AnalysisMessage[]> {
  const snapshot = await snapshotOf(yaml);
  return runAnalyzers(snapshot, { analyzers, suppressions: [] }).messages;
}

/** The [code, origin] pairs of the messages. */
export function pairs(messages: readonly AnalysisMessage[]): [string, string][] {
  return messages.map((m) => [m.code, m.origin ?? '']);
}
