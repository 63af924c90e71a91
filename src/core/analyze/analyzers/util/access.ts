/** Tolerant readers for untyped YAML: analyzers run on input that schema validation may reject, so never assume shapes. */

/** A plain object field map, or an empty one. */
export type Obj = Record<string, unknown>;

/** `value` as an object, or {}. */
export function obj(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

/** `value` as an array, or []. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` as a string, or undefined (numbers are turned into strings, as YAML may type them). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** `value` as an array of strings (non-strings dropped). */
export function strs(value: unknown): string[] {
  return arr(value).map(str).filter((s): s is string => s !== undefined);
}

/** `value` as a string map (label selectors, labels). */
export function strMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value))) {
    const s = str(v);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** `value` as a number (numeric strings accepted), or undefined. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
