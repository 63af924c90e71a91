/** Tolerant readers for untyped YAML: analyzers and describe run on input that schema validation may reject, so never assume shapes. */
import { isMap, scalarString, type JsonObject } from '../tree.js';

/** `value` as an object, or {}. */
export function obj(value: unknown): JsonObject {
  return isMap(value) ? value : {};
}

/** `value` as an array, or []. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` as an array of strings (scalars turned into strings, as YAML may type them; the rest dropped). */
export function strs(value: unknown): string[] {
  return arr(value)
    .map(scalarString)
    .filter((s): s is string => s !== undefined);
}

/** `value` as a string map (label selectors, labels). */
export function strMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value))) {
    const s = scalarString(v);
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
