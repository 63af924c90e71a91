/**
 * The analyzer contract (STYLE.md §6): an analyzer declares what it reads and reports, and talks only to an
 * AnalysisContext built over a point-in-time snapshot. It never fetches anything itself.
 */
import type { KubeObject, YamlDoc } from '../yaml/load.js';
import type { Level, MessageCode } from './messages.js';

/**
 * A kind as analyzers name it: the bare kind for Kubernetes core/apps/admission kinds and Istio's kinds
 * (`VirtualService`, `Pod`), `Kind.group` for anything else (`Gateway.gateway.networking.k8s.io`), plus the
 * pseudo-kinds `MeshConfig` and `MeshNetworks` that the snapshot derives from the `istio` ConfigMap.
 */
export type Kind = string;

/** Where an object came from. */
export type Origin =
  | { type: 'file'; file: string; doc: YamlDoc; path: (string | number)[] }
  | { type: 'cluster' }
  /** Stand-ins mesh adds when no cluster is used (istioctl does the same): default MeshConfig, ingress gateway. */
  | { type: 'default' };

/** One object in the snapshot. */
export interface Resource {
  /** The analyzer-facing kind (see Kind). */
  kind: Kind;
  /** The raw object as read. */
  object: KubeObject;
  /** Namespace; '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  origin: Origin;
}

/** A path to a field inside an object, e.g. ['spec', 'http', 0, 'route', 1, 'destination', 'host']. */
export type FieldPath = readonly (string | number)[];

/** A finding, as analyzers report it (rendering and filtering happen later). */
export interface Finding {
  code: MessageCode;
  /** The template arguments, in order. */
  args: readonly unknown[];
  /** The resource the finding is about. */
  resource: Resource;
  /** The field the finding points at (or a line already known), for a precise line; the resource's first line otherwise. */
  field?: FieldPath | { line: number };
  /** Name of the analyzer that reported it. */
  analyzer: string;
}

/** What an analyzer sees. */
export interface AnalysisContext {
  /** Calls `fn` for each object of `kind`, in a stable order; return false to stop early. */
  forEach(kind: Kind, fn: (r: Resource) => boolean | void): void;
  /** The object of `kind` named `name` in `namespace` ('' for cluster-scoped), if present. */
  find(kind: Kind, namespace: string, name: string): Resource | undefined;
  /**
   * True when the snapshot can vouch for the absence of `kind` objects: the cluster listed the kind, or the
   * files held at least one object of it. Analyzers report "not found" only for kinds the snapshot knows.
   */
  knows(kind: Kind): boolean;
  /** Records a finding about `resource`, pointing at `field` (or at a known line) when given. */
  report(resource: Resource, code: MessageCode, args: readonly unknown[], field?: FieldPath | { line: number }): void;
  /** Schema problems found in the resource before analysis (validation is asynchronous, analyzers are not). */
  schemaProblems(resource: Resource): readonly SchemaProblem[];
  /** Namespace of the Istio control plane (for MeshConfig, injector ConfigMaps, gateways). */
  readonly istioNamespace: string;
  /**
   * `compute()`'s value, computed once per snapshot under `key` and shared by every analyzer asking for it (it must
   * not be modified). The kinds `compute` reads count as read by each analyzer that uses the value.
   */
  memo<T>(key: string, compute: () => T): T;
}

/** A schema or webhook-rule problem `mesh validate` found in an object. */
export interface SchemaProblem {
  /** `spec.http[0].route` style path. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** Line of the field in the object's file. */
  line: number;
}

/** What an analyzer declares about itself. Names, codes and descriptions are public API. */
export interface AnalyzerMeta {
  /** `area.PascalName`, as istioctl names its analyzers, so `--analyzer` values carry over. */
  name: string;
  /** One sentence for `mesh analyze -L`. */
  description: string;
  /** Every kind the analyzer reads (checked by test against what it actually reads). */
  inputs: readonly Kind[];
  /** Every message code it may report. */
  codes: readonly MessageCode[];
  /** Runs only when named with `--analyzer` (too noisy by default), as istioctl keeps some out of its default set. */
  optIn?: boolean;
  /** Reads the schema problems of file objects (`ctx.schemaProblems`): the snapshot must carry them (validate runs first). */
  readsSchemaProblems?: boolean;
}

/** A plug-in unit of analysis. */
export interface Analyzer {
  meta: AnalyzerMeta;
  analyze(ctx: AnalysisContext): void;
}

/** A finding after rendering its message and resolving its location: what formats print. */
export interface AnalysisMessage {
  code: MessageCode;
  level: Level;
  /** The message name from the catalog, e.g. ReferencedResourceNotFound. */
  name: string;
  message: string;
  /** `Kind namespace/name` (or `Kind name` when cluster-scoped), istioctl's "origin". */
  origin?: string;
  /** Kind, namespace and name of the resource. */
  resource?: { kind: string; namespace: string; name: string; apiVersion: string };
  /** File the resource came from, and the line of the field (or of the resource). */
  file?: string;
  line?: number;
  /** The analyzer that found it. */
  analyzer: string;
}
