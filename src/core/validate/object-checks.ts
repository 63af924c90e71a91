/**
 * Checks every Kubernetes object gets from the API server whatever its kind: a name, valid label keys and values,
 * string annotations. This is what "malformed" means for kinds mesh has no schema for.
 */
import type { KubeObject } from '../yaml/load.js';
import type { FieldPath } from './diagnostic.js';
import { entries } from './rules/types.js';
import { dns1123LabelError, dns1123SubdomainError, labelKeyError, labelValueError } from './rules/names.js';

/** A problem with the object's envelope. */
export interface ObjectProblem {
  path: FieldPath;
  message: string;
  atKey?: boolean;
}

/** Checks apiVersion, metadata.name/namespace, labels and annotations. */
export function objectProblems(object: KubeObject): ObjectProblem[] {
  const out: ObjectProblem[] = [];
  if (!/^([a-z0-9.-]+\/)?[a-z0-9]+$/.test(object.apiVersion))
    out.push({ path: ['apiVersion'], message: `malformed apiVersion ${JSON.stringify(object.apiVersion)}: expected group/version or version` });
  const meta = object.metadata as unknown;
  // An IstioOperator is input to `install`, never applied as is: it needs no name.
  const nameOptional = object.apiVersion.startsWith('install.istio.io/');
  if ((meta === undefined || meta === null) && nameOptional) return out;
  if (meta === undefined || meta === null) {
    out.push({ path: ['metadata'], message: 'missing metadata: every object needs metadata.name' });
    return out;
  }
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    out.push({ path: ['metadata'], message: 'metadata must be a mapping' });
    return out;
  }
  const { name, generateName, namespace, labels, annotations } = meta as Record<string, unknown>;
  if (name === undefined && generateName === undefined && !nameOptional) out.push({ path: ['metadata', 'name'], message: 'missing required field "name"' });
  else if (name !== undefined && typeof name !== 'string') out.push({ path: ['metadata', 'name'], message: 'name must be a string' });
  else if (typeof name === 'string') {
    const problem = dns1123SubdomainError(name);
    if (problem) out.push({ path: ['metadata', 'name'], message: `invalid name ${JSON.stringify(name)}: ${problem}` });
  }
  if (namespace !== undefined) {
    const problem = typeof namespace === 'string' ? dns1123LabelError(namespace) : 'must be a string';
    if (problem) out.push({ path: ['metadata', 'namespace'], message: `invalid namespace ${JSON.stringify(namespace)}: ${problem}` });
  }
  checkStringMap(labels, ['metadata', 'labels'], out, true);
  checkStringMap(annotations, ['metadata', 'annotations'], out, false);
  return out;
}

function checkStringMap(map: unknown, path: FieldPath, out: ObjectProblem[], isLabels: boolean): void {
  if (map === undefined || map === null) return;
  if (typeof map !== 'object' || Array.isArray(map)) {
    out.push({ path, message: `${path[path.length - 1]} must be a mapping of strings` });
    return;
  }
  for (const [key, value] of entries(map)) {
    const keyProblem = labelKeyError(key);
    if (keyProblem) out.push({ path: [...path, key], message: `invalid key ${JSON.stringify(key)}: ${keyProblem}`, atKey: true });
    if (typeof value !== 'string') {
      out.push({ path: [...path, key], message: `value must be a string, got ${value === null ? 'null' : typeof value} (quote it)` });
      continue;
    }
    const valueProblem = isLabels ? labelValueError(value) : undefined;
    if (valueProblem) out.push({ path: [...path, key], message: `invalid label value ${JSON.stringify(value)}: ${valueProblem}` });
  }
}
