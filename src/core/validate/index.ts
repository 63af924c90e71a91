/**
 * Validation of Kubernetes objects against Istio's API, as the API server (schema, CEL rules) and Istio's validating
 * webhook (semantic rules) would check them. Pure: objects in, diagnostics out. Validators for each kind are compiled
 * at build time and loaded lazily, once per kind.
 */
import { isKubeObject, objectsOf, type KubeObject, type SourcedObject, type YamlDoc } from '../yaml/load.js';
import { locate } from '../yaml/locate.js';
import { kinds, loaders, type KindModule } from './generated/index.js';
import { applyChecks, type CheckProblem } from './apply-checks.js';
import { compareDiagnostics, formatPath, type Diagnostic, type FieldPath, type Severity } from './diagnostic.js';
import { objectProblems } from './object-checks.js';
import { rulesFor } from './rules/index.js';
import { schemaProblems } from './schema-errors.js';
import { workloadApiProblems } from '../model/workload-api.js';

export type { Diagnostic, Severity, FieldPath } from './diagnostic.js';
export { formatPath, objectRef } from './diagnostic.js';

/** Options of validateObjects. */
export interface ValidateOptions {
  /** Skip objects of unknown kinds in Istio API groups (and, in validateDocuments, documents that are not objects) instead of reporting them. */
  ignoreUnknown?: boolean;
  /** Run the semantic rules of Istio's webhook as well as the schema (default true). */
  semantic?: boolean;
}

/** The served API versions of every Istio kind mesh validates, keyed by kind. */
export function istioKinds(): Readonly<Record<string, { group: string; versions: string[] }>> {
  return kinds;
}

const loaded = new Map<string, Promise<KindModule>>();
function load(kind: string): Promise<KindModule> {
  let p = loaded.get(kind);
  if (!p) loaded.set(kind, (p = loaders[kind]!()));
  return p;
}

/**
 * Validates objects and returns every problem found, in input order (by position within an object).
 * Objects outside Istio's API groups get only the checks every Kubernetes object gets (name, labels).
 * Signature is stable: `mesh analyze` uses it for its schema analyzer.
 */
export async function validateObjects(objects: readonly SourcedObject[], options: ValidateOptions = {}): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const source of objects) {
    const found: Diagnostic[] = [];
    const report = (path: FieldPath, message: string, rule: string, severity: Severity = 'error', atKey = false) =>
      found.push(diagnostic(source, path, message, rule, severity, atKey));
    for (const p of objectProblems(source.object)) report(p.path, p.message, 'object', 'error', p.atKey);
    // Errors, not warnings: validate predicts what the API server accepts, and it refuses these workloads.
    for (const p of workloadApiProblems(source.object)) report(p.path, p.message, 'workload-api');
    await validateAgainstApi(source.object, options, report);
    const seen = new Set<string>();
    out.push(...found.filter((d) => !seen.has(`${d.path}\0${d.message}`) && seen.add(`${d.path}\0${d.message}`)).sort(compareDiagnostics));
  }
  return out;
}

type Reporter = (path: FieldPath, message: string, rule: string, severity?: Severity, atKey?: boolean) => void;

async function validateAgainstApi(object: KubeObject, options: ValidateOptions, report: Reporter): Promise<void> {
  const slash = object.apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  const version = object.apiVersion.slice(slash + 1);
  const known = Object.hasOwn(kinds, object.kind) ? kinds[object.kind] : undefined;
  if (!known || known.group !== group) {
    if (group.endsWith('.istio.io') && !options.ignoreUnknown) {
      const sameGroup = Object.keys(kinds).filter((k) => kinds[k]!.group === group);
      const hint = sameGroup.length ? `; ${group} has ${sameGroup.join(', ')}` : '';
      report(['kind'], `unknown kind ${object.kind} in API group ${group}${hint}`, 'object');
    }
    return;
  }
  if (!known.versions.includes(version)) {
    report(['apiVersion'], `${object.kind} is not served in version ${version}; served versions: ${known.versions.join(', ')}`, 'object');
    return;
  }
  const mod = await load(object.kind);
  const typeErrorPaths: string[] = [];
  if (!mod.validate(object)) {
    const errors = mod.validate.errors ?? [];
    for (const e of errors) if (e.keyword === 'type') typeErrorPaths.push(e.instancePath);
    for (const p of schemaProblems(errors, object)) report(p.path, p.message, 'schema', 'error', p.atKey);
  }
  if (mod.checks) {
    const problems: CheckProblem[] = [];
    applyChecks(mod.checks, object, [], problems);
    // A value of the wrong type fails its CEL rules too; the type error alone says what is wrong.
    for (const p of problems) if (!typeErrorPaths.includes(toPointer(p.path))) report(p.path, p.message, p.rule);
  }
  const typeErrors = typeErrorPaths.length > 0;
  if (options.semantic === false) return;
  const spec = object.spec && typeof object.spec === 'object' ? object.spec : {};
  for (const rule of rulesFor(object.kind)) {
    try {
      rule.check(spec, { object, report: (path, message, severity = 'error') => report(path, message, rule.name, severity) });
    } catch (error) {
      // Rules guard against wrong types, but a value of the wrong type that slips through is already reported as a
      // schema error; without one, an exception is a bug in the rule and must surface.
      if (!typeErrors) throw error;
    }
  }
}

function toPointer(path: FieldPath): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function diagnostic(source: SourcedObject, path: FieldPath, message: string, rule: string, severity: Severity, atKey: boolean): Diagnostic {
  const { line, col } = locate(source.doc, [...source.path, ...path], { key: atKey });
  const meta = source.object.metadata;
  const d: Diagnostic = {
    file: source.doc.origin,
    line,
    col,
    apiVersion: source.object.apiVersion,
    kind: source.object.kind,
    path: formatPath(path),
    message,
    severity,
    rule,
  };
  if (meta && typeof meta === 'object' && typeof meta.namespace === 'string') d.namespace = meta.namespace;
  if (meta && typeof meta === 'object' && typeof meta.name === 'string') d.name = meta.name;
  return d;
}

/**
 * Validates parsed documents: documents that are not Kubernetes objects are reported (unless ignoreUnknown),
 * empty documents are skipped, `kind: List` items are validated one by one.
 */
export async function validateDocuments(docs: readonly YamlDoc[], options: ValidateOptions = {}): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const doc of docs) {
    if (doc.empty || doc.value === null) continue;
    if (!isKubeObject(doc.value)) {
      if (!options.ignoreUnknown) out.push(notAnObject(doc));
      continue;
    }
    out.push(...(await validateObjects(objectsOf([doc]), options)));
  }
  return out;
}

function notAnObject(doc: YamlDoc): Diagnostic {
  const v = doc.value as Record<string, unknown>;
  const isMap = typeof v === 'object' && !Array.isArray(v);
  const missing = isMap ? ['apiVersion', 'kind'].filter((k) => typeof v[k] !== 'string') : [];
  const message = isMap ? `not a Kubernetes object: missing ${missing.join(' and ')}` : 'not a Kubernetes object: the document is not a mapping';
  const { line, col } = locate(doc, []);
  return {
    file: doc.origin,
    line,
    col,
    apiVersion: isMap && typeof v.apiVersion === 'string' ? v.apiVersion : '',
    kind: isMap && typeof v.kind === 'string' ? v.kind : '',
    path: '',
    message,
    severity: 'error',
    rule: 'object',
  };
}
