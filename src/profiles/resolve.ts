/**
 * Resolves the IstioOperator to render: default ⊕ profile ⊕ each -f overlay (in order) ⊕ each --set (in order),
 * as istioctl's MergeInputs does, then makes the aliases agree (spec.hub ↔ values.global.hub, spec.tag,
 * spec.revision ↔ values.revision, spec.namespace ↔ values.global.istioNamespace, meshConfig). Pure.
 */
import { InputError, UsageError } from '../errors.js';
import type { GenerateInput, IstioOperator, OverlaySource } from './operator.js';
import { checkValue } from './check.js';
import { defaultProfile } from './default.js';
import { PROFILE_NAMES, findProfile } from './index.js';
import { clone, getPath, isMap, mergeInto, setPath } from '../core/tree.js';
import { nearest, parsePath, splitSetFlag } from './paths.js';
import { operatorSchema } from './schema.js';
import { applySetFlag } from './set-flag.js';

/** Top-level spec fields that Helm values mirror; the last one the user wrote (either spelling) wins. */
const ALIASES: readonly [spec: string, values: string][] = [
  ['hub', 'values.global.hub'],
  ['tag', 'values.global.tag'],
  ['revision', 'values.revision'],
  ['namespace', 'values.global.istioNamespace'],
];

/**
 * A problem in a -f overlay. The message names the file and the field; `overlayErrorWithLocation` (async, it loads
 * the slow YAML position finder only when needed) turns it into `file:line:col: ...`.
 */
export class OverlayError extends InputError {
  constructor(
    /** The overlay the problem is in. */
    readonly source: OverlaySource,
    /** Path of the offending field from the document root. */
    readonly path: (string | number)[],
    /** The problem, without file or position. */
    readonly detail: string,
    hint?: string,
  ) {
    super(`${source.origin}: ${detail}`, hint === undefined ? {} : { hint });
  }
}

/**
 * Checks one -f overlay; throws OverlayError for the first problem found (and counts the others). With onInvalid
 * (--force), schema problems go there and the overlay is used as written; a document that is no IstioOperator is
 * still an error.
 */
export function checkOverlay(source: OverlaySource, onInvalid?: (problem: string) => void): Record<string, unknown> {
  const doc = source.value;
  if (doc === null || doc === undefined) return { spec: {} };
  if (!isMap(doc))
    throw new OverlayError(source, [], `expected an IstioOperator (install.istio.io/v1alpha1), got ${Array.isArray(doc) ? 'a list' : typeof doc}`);
  if (doc.kind !== undefined && doc.kind !== 'IstioOperator') {
    throw new OverlayError(source, ['kind'], `expected kind IstioOperator, got ${String(doc.kind)}`, 'pass IstioOperator overlays with -f');
  }
  const issues = checkValue(operatorSchema(), doc);
  if (issues.length && onInvalid) {
    for (const issue of issues) onInvalid(`${source.origin}: ${issue.path.join('.')}: ${issue.message}`);
  } else if (issues.length) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    const where = first.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${k}`)).join('');
    throw new OverlayError(source, first.path, `${where}: ${first.message}${more}`);
  }
  return doc;
}

/** The profile the user picked: the last `profile` of the files, then of the --set flags; `default` if none. */
function chosenProfile(files: Record<string, unknown>[], sets: readonly string[]): string {
  let name = 'default';
  for (const f of files) {
    const p = getPath(f, 'spec.profile');
    if (typeof p === 'string' && p !== '') name = p;
  }
  for (const flag of sets) {
    const { path, value } = splitSetFlag(flag);
    if (path === 'profile' || path === 'spec.profile') name = value;
  }
  return name;
}

/** Resolves the IstioOperator for the inputs. Throws UsageError (bad --set/profile) or InputError (bad overlay). */
export function resolveOperator(input: GenerateInput): IstioOperator {
  const files = (input.files ?? []).map((f) => checkOverlay(f, input.onInvalid));
  const sets = [...(input.sets ?? [])];
  if (input.revision !== undefined) sets.push(`revision=${input.revision}`);
  const profileName = chosenProfile(files, sets);
  const profile = findProfile(profileName);
  if (!profile) {
    const guess = nearest(profileName, PROFILE_NAMES);
    throw new UsageError(`unknown profile "${profileName}"; profiles: ${PROFILE_NAMES.join(', ')}`, guess ? { hint: `did you mean ${guess}?` } : {});
  }
  const iop = defaultProfile() as unknown as Record<string, unknown>;
  const spec = iop.spec as Record<string, unknown>;
  mergeInto(spec, clone(profile.overlay) as Record<string, unknown>);

  // Remember the last value the user gave each alias, in application order, under either spelling.
  const userAlias = new Map<string, unknown>();
  const noteAliases = (written: (path: string) => unknown) => {
    for (const [specPath, valuesPath] of ALIASES) {
      for (const p of [specPath, valuesPath]) {
        const v = written(p);
        if (v !== undefined) userAlias.set(specPath, v);
      }
    }
  };
  for (const file of files) {
    const { spec: fileSpec, ...rest } = file;
    mergeInto(iop, rest);
    if (isMap(fileSpec)) {
      mergeInto(spec, fileSpec);
      noteAliases((p) => getPath(fileSpec, p));
    }
  }
  const schema = operatorSchema().properties!.spec!;
  for (const flag of sets) {
    applySetFlag(spec, schema, flag);
    const dotted = parsePath(splitSetFlag(flag).path, flag)
      .map((s) => ('key' in s ? s.key : '[]'))
      .join('.');
    noteAliases((p) => (p === dotted ? getPath(spec, p) : undefined));
  }
  spec.profile = profileName;
  return canonicalize(iop, userAlias);
}

/** Makes every alias pair hold one value, folds values.meshConfig into spec.meshConfig, and applies unvalidatedValues. */
function canonicalize(iop: Record<string, unknown>, userAlias: Map<string, unknown>): IstioOperator {
  const spec = iop.spec as Record<string, unknown>;
  const values = (spec.values ??= {}) as Record<string, unknown>;
  for (const [specPath, valuesPath] of ALIASES) {
    const v = userAlias.has(specPath) ? userAlias.get(specPath) : (spec[specPath] ?? getPath(spec, valuesPath));
    if (v === undefined) continue;
    spec[specPath] = v;
    setPath(spec, valuesPath, v);
  }
  if (isMap(values.meshConfig)) {
    spec.meshConfig = mergeInto(isMap(spec.meshConfig) ? spec.meshConfig : {}, values.meshConfig);
    delete values.meshConfig;
  }
  const components = (spec.components ?? {}) as Record<string, { enabled?: boolean } | undefined>;
  // Cross-chart switches istioctl derives from the component list.
  setPath(values, 'pilot.enabled', components.pilot?.enabled !== false);
  if (components.cni?.enabled) setPath(values, 'pilot.cni.enabled', true);
  if (isMap(spec.unvalidatedValues)) mergeInto(values, spec.unvalidatedValues);
  const metadata = (iop.metadata ??= {}) as Record<string, unknown>;
  metadata.namespace = spec.namespace;
  return iop as unknown as IstioOperator;
}
