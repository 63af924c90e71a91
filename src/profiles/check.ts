/**
 * Checks values against the IstioOperator schema (schema.ts): unknown fields with the nearest known one, wrong
 * types, bad enum values. Used for -f overlays (whole documents) and, step by step, for --set paths. Problems are
 * returned as data; resolve.ts turns them into errors with file:line:col.
 */
import { nearest } from './paths.js';
import type { Schema } from './json-schema.js';

/** One problem found in an overlay. */
export interface SchemaIssue {
  /** Where: keys and list indexes from the document root. */
  path: (string | number)[];
  /** What is wrong, without the path. */
  message: string;
}

const ANY: Schema = {};

/** The schema of `key` inside an object schema, or an issue naming the nearest known field. */
export function fieldSchema(schema: Schema, key: string): { schema: Schema } | { unknown: string; suggestion?: string } {
  const known = schema.properties?.[key];
  if (known) return { schema: known };
  if (schema.additionalProperties === false) {
    const names = Object.keys(schema.properties ?? {});
    const suggestion = nearest(key, names);
    return suggestion === undefined ? { unknown: key } : { unknown: key, suggestion };
  }
  return { schema: typeof schema.additionalProperties === 'object' ? schema.additionalProperties : ANY };
}

/** The JSON type names a value has (an integer is also a number). */
function typesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

/** The schema's accepted types as a list ([] = anything). */
export function allowedTypes(schema: Schema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** Whether `value` has one of the schema's types and enum values (null always passes: it removes the field). */
export function typeMismatch(schema: Schema, value: unknown): string | undefined {
  if (value === null) return undefined;
  const allowed = allowedTypes(schema);
  if (allowed.length && !typesOf(value).some((t) => allowed.includes(t))) {
    return `expects ${allowed.join(' or ')}, got ${typesOf(value)[0]} ${JSON.stringify(value)}`;
  }
  if (schema.enum && !schema.enum.includes(value)) return `must be one of ${schema.enum.join(', ')}, got ${JSON.stringify(value)}`;
  return undefined;
}

/** Every issue of `value` against `schema`, depth first, in document order. */
export function checkValue(schema: Schema, value: unknown, path: (string | number)[] = []): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const mismatch = typeMismatch(schema, value);
  if (mismatch) return [{ path, message: mismatch }];
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => issues.push(...checkValue(schema.items!, item, [...path, i])));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      const field = fieldSchema(schema, key);
      if ('unknown' in field) {
        const hint = field.suggestion ? ` (did you mean ${field.suggestion}?)` : '';
        issues.push({ path: [...path, key], message: `unknown field${hint}` });
      } else issues.push(...checkValue(field.schema, child, [...path, key]));
    }
  }
  return issues;
}
