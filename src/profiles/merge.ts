/** Deep merge and copy with Istio's overlay rules: mappings merge key by key, lists and scalars replace, null deletes. */

/** A mapping (plain object, not a list). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A deep copy of JSON-like data. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (structuredClone(v) as T);
}

/** Merges `over` into `base` in place and returns `base`. */
export function mergeInto(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete base[key];
    else if (isMap(value) && isMap(base[key])) mergeInto(base[key] as Record<string, unknown>, value);
    else base[key] = clone(value);
  }
  return base;
}

const splitPaths = new Map<string, string[]>();

/** Reads a dotted path (`values.global.hub`) from a tree; undefined when any step is missing. */
export function getPath(tree: unknown, path: string): unknown {
  let keys = splitPaths.get(path);
  if (!keys) splitPaths.set(path, (keys = path.split('.'))); // injection reads the same few paths thousands of times
  let cur = tree;
  for (const key of keys) {
    if (!isMap(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Writes a dotted path, creating mappings on the way. */
export function setPath(tree: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = tree;
  for (const key of keys.slice(0, -1)) {
    if (!isMap(cur[key])) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}
