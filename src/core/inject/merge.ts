/**
 * Strategic merge of the template pod onto the workload's pod, the way istiod's overlay does it: maps merge key by
 * key (the template wins), lists of containers, env, volumes and pull secrets merge by `name`, ports by
 * `containerPort`, volume mounts by `mountPath`; other lists are replaced. Order follows what istiod produces: the
 * template overlay puts the patch's items first, then the items only the base had (`patchFirst`); the overlay of a
 * user's container customization keeps the base order and appends new items.
 */
import { isMap, type JsonObject } from '../tree.js';

/** Merge keys of the lists a pod spec merges by element instead of replacing (from the Kubernetes API's patch tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  tolerations: 'key',
  hostAliases: 'ip',
};

/** Returns `base` with `patch` merged in; neither input is modified. */
export function strategicMerge(base: unknown, patch: unknown, key?: string, patchFirst = true): unknown {
  if (isMap(base) && isMap(patch)) {
    const out: JsonObject = { ...base };
    for (const [k, v] of Object.entries(patch)) out[k] = k in base ? strategicMerge(base[k], v, k, patchFirst) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch) && key && MERGE_KEYS[key]) {
    const mk = MERGE_KEYS[key]!;
    if (!patchFirst) {
      const out = [...base];
      for (const item of patch) {
        const idx = isMap(item) ? out.findIndex((b) => isMap(b) && b[mk] === item[mk]) : -1;
        if (idx >= 0) out[idx] = strategicMerge(out[idx], item, undefined, false);
        else out.push(item);
      }
      return out;
    }
    const used = new Set<unknown>();
    const out = patch.map((item) => {
      const match = isMap(item) ? base.find((b) => isMap(b) && b[mk] === item[mk] && !used.has(b)) : undefined;
      if (match === undefined) return item;
      used.add(match);
      return strategicMerge(match, item);
    });
    for (const b of base) if (!used.has(b)) out.push(b);
    return out;
  }
  return patch;
}

/** Moves the container named `name` from one list to the end of another (both copied). */
export function moveContainer(from: JsonObject[], to: JsonObject[], name: string): [JsonObject[], JsonObject[]] {
  const item = from.find((c) => c.name === name);
  if (!item) return [from, to];
  return [from.filter((c) => c !== item), [...to, item]];
}

/** Moves the container named `name` to the front or back of the list (Istio's modifyContainers). */
export function reposition(list: JsonObject[] | undefined, name: string, where: 'first' | 'last'): JsonObject[] | undefined {
  if (!list) return list;
  const item = list.find((c) => c.name === name);
  if (!item) return list;
  const rest = list.filter((c) => c !== item);
  return where === 'first' ? [item, ...rest] : [...rest, item];
}
