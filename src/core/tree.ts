/**
 * The ground floor for JSON-like data: the one map type, deep copy and merge with Istio's overlay rules, dotted
 * paths, the one string order, and the few ways of reading a string out of untyped data. Imports nothing.
 */

/** A JSON-like mapping: a parsed YAML/JSON object, Helm values, a mesh config, a Kubernetes object's fields. */
export type JsonObject = { [key: string]: unknown };

/** A mapping (plain object, not a list). */
export function isMap(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A deep copy of JSON-like data. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (structuredClone(v) as T);
}

/** Merges `over` into `base` in place and returns `base`: mappings merge key by key, lists and scalars replace, null deletes. */
export function mergeInto(base: JsonObject, over: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete base[key];
    else if (isMap(value) && isMap(base[key])) mergeInto(base[key], value);
    else base[key] = clone(value);
  }
  return base;
}

/** `over` layered on a copy of `base` with the same rules as mergeInto; neither input changes. */
export function merge(base: JsonObject, over: JsonObject): JsonObject {
  return mergeInto(clone(base), over);
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
export function setPath(tree: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = tree;
  for (const key of keys.slice(0, -1)) {
    if (!isMap(cur[key])) cur[key] = {};
    cur = cur[key] as JsonObject;
  }
  cur[keys[keys.length - 1]!] = value;
}

/**
 * String order for sorting keys and names in output: by UTF-16 code unit, as Go's and kubectl's sort.Strings do,
 * so renders compare byte-for-byte with theirs. Not localeCompare: its Intl collator costs ~10 ms to set up on
 * first use, which start-up-bound commands (kube-inject) notice, and it depends on the machine's locale data.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Comparator for `Object.entries(...)` pairs by key. */
export function byKey<T>([a]: readonly [string, T], [b]: readonly [string, T]): number {
  return compareStrings(a, b);
}

/** `value` when it is a string, else undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `value` when it is a string, else `fallback`. */
export function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** A scalar as a string (YAML may type `8080` or `true` where a string is meant); undefined for anything else. */
export function scalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** `String(value)`, with '' for null and undefined: how Go templates print a missing value in a text position. */
export function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
