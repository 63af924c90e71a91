/**
 * "Build the snapshot analyzers and describe look at": objects from -f inputs and/or the live cluster, one use-case
 * for analyze, describe and precheck, so that file reading, the cluster read and its warnings, namespace
 * defaulting and schema problems are the same everywhere.
 */
import type { CommandContext } from '../context.js';
import { InputError, MeshError } from '../errors.js';
import type { Snapshot, SnapshotSource } from '../core/analyze/index.js';
import type { SchemaProblem } from '../core/analyze/types.js';
import type { SourcedObject } from '../core/yaml/load.js';
import type { ClusterSourceOptions } from './cluster-source.js';

/** How to read -f inputs. */
export interface FileObjectsOptions {
  /** Walk sub-directories of directories given. */
  recursive: boolean;
  /** Skip (with a warning) files that do not parse, and drop objects of kinds mesh does not know. */
  ignoreUnknown?: boolean;
}

/** Reads files, directories and `-` (stdin) through the files port into objects that remember their origin. */
export async function readFileObjects(
  ctx: Pick<CommandContext, 'files' | 'err'>,
  paths: readonly string[],
  options: FileObjectsOptions,
): Promise<SourcedObject[]> {
  if (paths.length === 0) return [];
  const { loadDocuments, objectsOf } = await import('../core/yaml/load.js');
  const objects: SourcedObject[] = [];
  for (const source of await ctx.files.readSources(paths, { recursive: options.recursive })) {
    try {
      objects.push(...objectsOf(loadDocuments(source.text, source.origin)));
    } catch (error) {
      if (!options.ignoreUnknown || !(error instanceof InputError)) throw error;
      ctx.err(`warning: skipping ${error.message}\n`);
    }
  }
  if (!options.ignoreUnknown) return objects;
  const { isKnownObject } = await import('../core/analyze/known-kinds.js');
  return objects.filter((o) => isKnownObject(o.object));
}

/**
 * istioctl analyze's --meshConfigFile and --meshNetworksFile: the files' text as the `mesh` and `meshNetworks` keys of
 * the `istio` ConfigMap in the Istio namespace, the one the analyzers read their mesh config from (it replaces the
 * cluster's). Findings on it point at the mesh config file.
 */
export async function meshConfigObjects(
  ctx: Pick<CommandContext, 'files'>,
  istioNamespace: string,
  files: { meshConfigFile?: string | undefined; meshNetworksFile?: string | undefined },
): Promise<SourcedObject[]> {
  const keys: [string, string | undefined][] = [
    ['mesh', files.meshConfigFile],
    ['meshNetworks', files.meshNetworksFile],
  ];
  const data: Record<string, string> = {};
  let origin = '';
  for (const [key, file] of keys) {
    if (!file) continue;
    const [source] = await ctx.files.readSources([file]);
    if (source) {
      data[key] = source.text;
      origin ||= source.origin;
    }
  }
  if (!origin) return [];
  const [{ emitYaml }, { loadDocuments, objectsOf }] = await Promise.all([import('../core/yaml/emit.js'), import('../core/yaml/load.js')]);
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio', namespace: istioNamespace }, data };
  return objectsOf(loadDocuments(emitYaml(configMap), origin));
}

/** What goes into the snapshot. */
export interface SnapshotRequest {
  /** Objects read from files (applied on top of what the cluster has). */
  objects?: readonly SourcedObject[];
  /** Also read these kinds from the cluster; left out: files only, nothing asked of a cluster. */
  cluster?: ClusterSourceOptions;
  /**
   * When the cluster cannot be read: the warning's tail to go on without it (e.g. `analyzing the files only`), or
   * undefined to fail with the error.
   */
  withoutCluster?: (error: MeshError) => string | undefined;
  /** Validate Istio objects from files first, for analyzers that report schema problems. */
  schemaProblems?: boolean;
  /** Add stand-ins for what a cluster would have (a default ingress gateway) when no cluster was read. */
  defaultsWhenOffline?: boolean;
}

/** The snapshot, and whether the cluster went into it. */
export interface SnapshotResult {
  snapshot: Snapshot;
  clusterUsed: boolean;
}

/** Builds the snapshot for `request`; the namespaces come from the global flags (-n, else `default`; -i). */
export async function buildSnapshotFor(ctx: CommandContext, request: SnapshotRequest): Promise<SnapshotResult> {
  const { buildSnapshot, fileSource } = await import('../core/analyze/index.js');
  const sources: SnapshotSource[] = [];
  let clusterUsed = false;
  if (request.cluster) {
    const { readClusterSource } = await import('./cluster-source.js');
    try {
      sources.push((await readClusterSource(ctx, request.cluster)).source);
      clusterUsed = true;
    } catch (error) {
      const tail = error instanceof MeshError ? request.withoutCluster?.(error) : undefined;
      if (tail === undefined) throw error;
      ctx.err(`warning: ${(error as MeshError).message}; ${tail}\n`);
    }
  }
  const objects = request.objects ?? [];
  if (request.objects) sources.push(fileSource(objects));
  let problems: Map<object, SchemaProblem[]> | undefined;
  if (request.schemaProblems && objects.length) {
    const [{ validateObjects }, { schemaProblemsOf }] = await Promise.all([import('../core/validate/index.js'), import('../core/analyze/problems.js')]);
    problems = await schemaProblemsOf(objects, (o) => validateObjects(o, { ignoreUnknown: true }));
  }
  const snapshot = buildSnapshot(sources, {
    defaultNamespace: ctx.globals.namespace ?? 'default',
    istioNamespace: ctx.globals.istioNamespace,
    addDefaults: request.defaultsWhenOffline === true && !clusterUsed,
    problems,
  });
  return { snapshot, clusterUsed };
}
