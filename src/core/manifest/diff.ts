/**
 * Compares two manifests by object identity (API group, kind, namespace, name; the version is left out so that
 * v1beta1 → v1 moves show as a change, not as a remove and an add). Pure: returns the pairs and their YAML;
 * the textual diff is drawn by the caller.
 */
import { emitYaml } from '../yaml/emit.js';
import { isKubeObject, objectsOf, type KubeObject, type YamlDoc } from '../yaml/load.js';
import { byKey } from '../tree.js';

/** One object present on both sides whose content differs. */
export interface ChangedObject {
  /** `Kind namespace/name` (or `Kind name` when cluster-scoped). */
  id: string;
  /** YAML of the object in the first manifest. */
  a: string;
  /** YAML of the object in the second manifest. */
  b: string;
}

/** Result of diffManifests. */
export interface ManifestDiff {
  /** Ids of objects only in the first manifest. */
  onlyInA: string[];
  /** Ids of objects only in the second manifest. */
  onlyInB: string[];
  /** Objects in both that differ. */
  changed: ChangedObject[];
  /** How many objects are identical. */
  same: number;
}

/** The identity of an object as shown to users. */
export function objectId(o: KubeObject): string {
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
  const kind = group ? `${o.kind}.${group}` : o.kind;
  const ns = o.metadata?.namespace;
  return `${kind} ${ns ? `${ns}/` : ''}${o.metadata?.name ?? '<unnamed>'}`;
}

function index(docs: YamlDoc[]): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>();
  for (const { object } of objectsOf(docs)) if (isKubeObject(object)) out.set(objectId(object), object);
  return out;
}

/** Sorted keys so that key order alone never counts as a difference. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
  );
}

/** Pairs the objects of two manifests and reports what differs, ids sorted. */
export function diffManifests(a: YamlDoc[], b: YamlDoc[]): ManifestDiff {
  const ia = index(a);
  const ib = index(b);
  const result: ManifestDiff = { onlyInA: [], onlyInB: [], changed: [], same: 0 };
  for (const [id, obj] of [...ia].sort(byKey)) {
    const other = ib.get(id);
    if (!other) result.onlyInA.push(id);
    else {
      const ya = emitYaml(canonical(obj));
      const yb = emitYaml(canonical(other));
      if (ya === yb) result.same++;
      else result.changed.push({ id, a: ya, b: yb });
    }
  }
  for (const id of [...ib.keys()].sort()) if (!ia.has(id)) result.onlyInB.push(id);
  return result;
}
