/** Turns ajv's errors into one-line messages with a field path, in the words kubectl users know. */
import type { AjvError } from './generated/index.js';
import type { FieldPath } from './diagnostic.js';

/** A schema problem before it is placed in the file. */
export interface SchemaProblem {
  path: FieldPath;
  message: string;
  /** Locate the key rather than the value (unknown fields). */
  atKey?: boolean;
}

/** Converts ajv errors for `object`. At-most-one (`oneOf`) errors are left to the check tree, which words them better. */
export function schemaProblems(errors: readonly AjvError[], object: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.schemaPath.includes('/oneOf/')) continue;
    const path = pointerToPath(e.instancePath);
    const value = valueAt(object, path);
    switch (e.keyword) {
      case 'required':
        out.push({ path: [...path, e.params.missingProperty], message: `missing required field "${e.params.missingProperty}"` });
        break;
      case 'additionalProperties':
        out.push({ path: [...path, e.params.additionalProperty], message: `unknown field "${e.params.additionalProperty}"`, atKey: true });
        break;
      case 'type':
        out.push({ path, message: `must be ${article(e.params.type)}, got ${describe(value)}` });
        break;
      case 'enum':
        out.push({ path, message: `unsupported value ${JSON.stringify(value)}: must be one of ${(e.params.allowedValues as unknown[]).join(', ')}` });
        break;
      case 'pattern':
        out.push({ path, message: `${JSON.stringify(value)} does not match the pattern ${e.params.pattern}` });
        break;
      default:
        out.push({ path, message: `${e.message ?? 'is invalid'}${value !== undefined && typeof value !== 'object' ? ` (got ${JSON.stringify(value)})` : ''}` });
    }
  }
  return out;
}

/** `/spec/http/0/route` → ['spec', 'http', 0, 'route'] (JSON pointer unescaping; digits become indexes). */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => {
      const key = p.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key;
    });
}

/** The value at `path` in `root`, or undefined. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let v: unknown = root;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

/** Names the JSON type of a value for messages such as "must be a string, got a list". */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `the string ${JSON.stringify(value)}`;
}
