/**
 * Applies one `--set path=value` to a resolved IstioOperator spec: the path is walked through the data and the
 * schema together, so an unknown field is reported with the nearest known one, a list selector that matches
 * nothing names the elements that exist, and the value is typed from the schema (`true`, numbers, `[a,b]` lists).
 */
import { UsageError } from '../errors.js';
import { allowedTypes, fieldSchema } from './check.js';
import { isMap } from '../core/tree.js';
import { formatPath, nearest, parsePath, splitSetFlag, type PathStep } from './paths.js';
import type { Schema } from './json-schema.js';

/** Applies `flag` to `spec` (mutated) under `specSchema`; returns the canonical path that was written. */
export function applySetFlag(spec: Record<string, unknown>, specSchema: Schema, flag: string): string {
  const { path, value: raw } = splitSetFlag(flag);
  const steps = parsePath(path, flag);
  let schema = specSchema;
  let node: unknown = spec;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    const here = formatPath(steps.slice(0, i));
    if ('key' in step) {
      if (!isMap(node)) throw new UsageError(`--set ${flag}: ${here} is not a mapping`);
      const field = fieldSchema(schema, step.key);
      if ('unknown' in field) {
        const where = here ? ` in ${here}` : '';
        const hint = field.suggestion ? `did you mean ${formatPath([...steps.slice(0, i), { key: field.suggestion }, ...steps.slice(i + 1)])}?` : undefined;
        throw new UsageError(`--set ${flag}: unknown field "${step.key}"${where}`, hint ? { hint } : {});
      }
      schema = field.schema;
      if (last) node[step.key] = typedValue(raw, schema, steps, flag);
      else {
        const next = steps[i + 1]!;
        if (node[step.key] === undefined || node[step.key] === null) node[step.key] = 'key' in next ? {} : [];
        node = node[step.key];
      }
      continue;
    }
    if (!Array.isArray(node)) throw new UsageError(`--set ${flag}: ${here} is not a list, so ${formatPath([step])} selects nothing`);
    schema = schema.items ?? {};
    let index: number;
    if ('index' in step) {
      index = step.index;
      if (index > node.length) throw new UsageError(`--set ${flag}: ${here} has ${node.length} element(s); use an index up to ${node.length}`);
    } else {
      index = node.findIndex((el) => isMap(el) && String(el[step.field]) === step.equals);
      if (index < 0) {
        const existing = node.filter(isMap).map((el) => String(el[step.field]));
        const guess = nearest(step.equals, existing);
        throw new UsageError(
          `--set ${flag}: no element of ${here} has ${step.field}=${step.equals}` +
            (existing.length ? ` (it has ${existing.join(', ')})` : ' (the list is empty)'),
          guess ? { hint: `did you mean [${step.field}:${guess}]?` } : {},
        );
      }
    }
    if (last) node[index] = typedValue(raw, schema, steps, flag);
    else {
      if (node[index] === undefined) node[index] = 'key' in steps[i + 1]! ? {} : [];
      node = node[index];
    }
  }
  return formatPath(steps);
}

const INT = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Guesses a type as istioctl does: integer, float, boolean, list `[a,b]`, JSON object, else string. */
function inferValue(raw: string): unknown {
  if (INT.test(raw)) return Number(raw);
  if (FLOAT.test(raw)) return Number(raw);
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (raw.startsWith('[') && raw.endsWith(']')) return parseList(raw, {});
  if (raw.startsWith('{') && raw.endsWith('}')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw.replace(/\\,/g, ',');
}

/** `[a,b]`, `a,b` or JSON `["a",1]` → a list typed by the item schema. */
function parseList(raw: string, items: Schema): unknown[] {
  try {
    const parsed = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // not JSON: a bracketed, comma-separated list
  }
  const body = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  if (body.trim() === '') return [];
  return body.split(/(?<!\\),/).map((s) => coerce(s.trim().replace(/\\,/g, ','), items));
}

function coerce(raw: string, schema: Schema): unknown {
  const types = allowedTypes(schema);
  if (types.length === 0) return inferValue(raw);
  // Image tags (string or number) stay strings: `1.30` must not become 1.3 (istioctl treats tags the same way).
  if (types.includes('string') && types.includes('number')) return raw;
  const numeric = types.includes('integer') || types.includes('number');
  if (types.includes('boolean') && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (numeric && (types.includes('number') ? FLOAT.test(raw) || INT.test(raw) : INT.test(raw))) return Number(raw);
  if (types.includes('string')) return raw.replace(/\\,/g, ',');
  if (types.includes('array')) return parseList(raw, schema.items ?? {});
  if (types.includes('object') && raw.startsWith('{')) {
    try {
      const v = JSON.parse(raw);
      if (isMap(v)) return v;
    } catch {
      // reported below
    }
  }
  return undefined;
}

function typedValue(raw: string, schema: Schema, steps: PathStep[], flag: string): unknown {
  // proxyMetadata values are environment variables: always strings (istioctl's alwaysString list does the same).
  if (steps.some((s) => 'key' in s && s.key === 'proxyMetadata')) return raw;
  if (raw === 'null') return null;
  const value = coerce(raw, schema);
  if (value === undefined) {
    const types = allowedTypes(schema);
    const what = types.includes('object') ? 'an object: set its fields one by one (path.field=value) or pass JSON' : types.join(' or ');
    throw new UsageError(`--set ${flag}: ${formatPath(steps)} expects ${what}, got "${raw}"`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    const guess = nearest(String(value), schema.enum.map(String));
    throw new UsageError(`--set ${flag}: ${formatPath(steps)} must be one of ${schema.enum.join(', ')}`, guess ? { hint: `did you mean ${guess}?` } : {});
  }
  return value;
}
