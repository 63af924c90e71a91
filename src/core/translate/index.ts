/**
 * `manifest translate`: an IstioOperator (files and --set) into one Helm values file per chart, as istioctl 1.30's
 * ManifestTranslate writes them (operator/cmd/mesh/manifest-translate.go, render.Migrate and MergeInputs): the
 * inputs merged over Istio's short profile file, the top-level fields moved into values (hub, tag, revision,
 * meshConfig, compatibilityVersion, component enablement), then each component's view of the values (its hub and
 * tag, ztunnel's flattened tree). Gateways have no chart release of their own and are reported as not translatable.
 * Pure: parsed overlays, flags and the rendered objects in; the files' names and texts out.
 */
import { UsageError } from '../../errors.js';
import { applySetFlag } from '../../profiles/set-flag.js';
import { operatorSchema } from '../../profiles/schema.js';
import { emitYaml } from '../yaml/emit.js';
import { getPath, isMap, type JsonObject } from '../tree.js';
import { mergeFrom, profileOperator, TRANSLATE_PROFILES } from './profiles.js';

/** One component of Istio's list (component.AllComponents), in its order. */
interface ComponentDef {
  /** mesh's (and Istio's user-facing) component name: the `component` of rendered objects. */
  name: 'Base' | 'Pilot' | 'IngressGateways' | 'EgressGateways' | 'Cni' | 'Ztunnel';
  /** The key under spec.components. */
  specName: string;
  /** On when spec.components does not mention it. */
  byDefault: boolean;
  /** The chart's release (none for gateways: not translatable). */
  release?: string;
  /** Where the component's own values sit under spec.values. */
  root: string;
  /** The chart reads its values at the top level (ztunnel). */
  flatten?: boolean;
  /** A values switch that turns a gateway on. */
  altEnablement?: string;
  multi?: boolean;
}

const COMPONENTS: readonly ComponentDef[] = [
  { name: 'Base', specName: 'base', byDefault: true, release: 'base', root: 'global' },
  { name: 'Pilot', specName: 'pilot', byDefault: true, release: 'istiod', root: 'pilot' },
  {
    name: 'IngressGateways',
    specName: 'ingressGateways',
    byDefault: true,
    root: 'gateways.istio-ingressgateway',
    altEnablement: 'values.gateways.istio-ingressgateway.enabled',
    multi: true,
  },
  {
    name: 'EgressGateways',
    specName: 'egressGateways',
    byDefault: false,
    root: 'gateways.istio-egressgateway',
    altEnablement: 'values.gateways.istio-egressgateway.enabled',
    multi: true,
  },
  { name: 'Cni', specName: 'cni', byDefault: false, release: 'cni', root: 'cni' },
  { name: 'Ztunnel', specName: 'ztunnel', byDefault: false, release: 'ztunnel', root: 'ztunnel', flatten: true },
];

/** An object the install renders, with the component it belongs to (for the guided install scripts). */
export interface TranslateObject {
  component: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** A file translate writes. */
export interface TranslatedFile {
  name: string;
  text: string;
  /** A script (written executable). */
  executable?: boolean;
}

/** What translate produces: the files, and the values of each translatable component (for `-o`-less output). */
export interface TranslateResult {
  files: TranslatedFile[];
  /** Components that have no chart of their own (gateways), by name. */
  unsupported: string[];
}

/** Istio's MergeInputs: user files and --set over the chosen profile, top-level fields moved into values. */
export function mergeInputs(files: readonly JsonObject[], sets: readonly string[]): JsonObject {
  const user: JsonObject = { apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', metadata: {}, spec: {} };
  for (const file of files) {
    const m = structuredClone(file);
    if (m.spec === null || m.spec === undefined) delete m.spec;
    mergeFrom(user, m);
  }
  const schema = operatorSchema().properties!.spec!;
  for (const flag of sets) applySetFlag(user.spec as JsonObject, schema, flag);
  const profile = String(getPath(user, 'spec.profile') ?? '') || 'default';
  const base = profileOperator(profile);
  if (!base) throw new UsageError(`unknown profile "${profile}"; profiles: ${TRANSLATE_PROFILES.join(', ')}`);
  const userValues = getPath(user, 'spec.values');
  mergeFrom(base, user);
  const spec = base.spec as JsonObject;
  const values = (isMap(spec.values) ? spec.values : (spec.values = {})) as JsonObject;
  for (const [from, to] of [
    ['hub', 'global.hub'],
    ['tag', 'global.tag'],
    ['revision', 'revision'],
    ['meshConfig', 'meshConfig'],
    ['compatibilityVersion', 'compatibilityVersion'],
  ] as const) {
    const v = spec[from];
    if (v === undefined) continue;
    if (isMap(v)) mergeFrom(values, { meshConfig: structuredClone(v) });
    else setPath(values, to, v);
  }
  setPath(values, 'pilot.enabled', getPath(spec, 'components.pilot.enabled') === true);
  setPath(values, 'pilot.cni.enabled', getPath(spec, 'components.cni.enabled') === true);
  const ns = getPath(values, 'global.istioNamespace');
  if (typeof ns === 'string' && ns) (base.metadata as JsonObject).namespace = ns;
  // Values the user set win over what the translation wrote (e.g. values.pilot.cni.enabled without the component).
  if (isMap(userValues)) mergeFrom(values, structuredClone(userValues));
  if (isMap(spec.unvalidatedValues)) mergeFrom(values, structuredClone(spec.unvalidatedValues));
  return base;
}

/** One enabled instance of a component: its name, namespace and the spec of it. */
interface ComponentInstance {
  def: ComponentDef;
  name: string;
  namespace: string;
  spec: JsonObject;
}

/** The enabled components, in Istio's order (component.Get). */
function enabledComponents(merged: JsonObject): ComponentInstance[] {
  const defaultNs = String(getPath(merged, 'metadata.namespace') ?? '') || 'istio-system';
  const out: ComponentInstance[] = [];
  for (const def of COMPONENTS) {
    const alt = def.altEnablement !== undefined && getPath(merged, `spec.${def.altEnablement}`) === true;
    const configured = getPath(merged, `spec.components.${def.specName}`);
    const instance = (spec: JsonObject): ComponentInstance => ({
      def,
      name: typeof spec.name === 'string' && spec.name ? spec.name : def.specName,
      namespace: typeof spec.namespace === 'string' && spec.namespace ? spec.namespace : defaultNs,
      spec,
    });
    const specs = def.multi ? (Array.isArray(configured) ? configured.filter(isMap) : undefined) : isMap(configured) ? [configured] : undefined;
    if (!specs) {
      if (def.byDefault || alt) out.push(instance({}));
      continue;
    }
    for (const s of specs) if (s.enabled !== false || alt) out.push(instance(s));
  }
  return out;
}

/** The values file of a component: spec.values with its hub and tag, and ztunnel's tree lifted to the top. */
function componentValues(merged: JsonObject, c: ComponentInstance): JsonObject {
  let values = structuredClone((getPath(merged, 'spec.values') ?? {}) as JsonObject);
  if (typeof c.spec.hub === 'string' && c.spec.hub) setPath(values, `${c.def.root}.hub`, c.spec.hub);
  if (c.spec.tag !== undefined && c.spec.tag !== null) setPath(values, `${c.def.root}.tag`, c.spec.tag);
  if (c.def.flatten && isMap(getPath(values, c.def.root))) {
    const own = getPath(values, c.def.root) as JsonObject;
    const flat: JsonObject = { global: values.global };
    for (const [k, v] of Object.entries(values)) if (!isMap(v)) flat[k] = v;
    Object.assign(flat, own);
    values = flat;
  }
  return values;
}

/** A component's manifests rendered by the charts alone and with the IstioOperator's k8s settings, when they differ. */
export interface RenderDifference {
  helm: string;
  istioctl: string;
}

/**
 * The files of istioctl's translate output for `merged`, with the install scripts listing `objects`. `differences`
 * holds, by component, the renders that the IstioOperator's k8s settings (patches applied after Helm) make differ.
 */
export function translate(
  merged: JsonObject,
  objects: readonly TranslateObject[],
  differences: Readonly<Partial<Record<string, RenderDifference>>> = {},
): TranslateResult {
  const files: TranslatedFile[] = [];
  const results: string[] = [];
  const unsupported: string[] = [];
  for (const c of enabledComponents(merged)) {
    if (!c.def.release) {
      unsupported.push(c.name);
      results.push(`* ❌ **Component \`${c.name}\`**: migration is **NOT** directly supported!`);
      continue;
    }
    const valuesName = `${c.name}-values.yaml`;
    files.push({ name: valuesName, text: emitYaml(sortKeys(componentValues(merged, c))) });
    const commands = ['#!/usr/bin/env bash', '', '# Label/Annotate resources to mark them a part of the Helm release.'];
    for (const o of objects.filter((x) => x.component === c.def.name)) {
      const group = o.apiVersion.includes('/') ? o.apiVersion.slice(0, o.apiVersion.lastIndexOf('/')) : '';
      const gk = group ? `${o.kind}.${group}` : o.kind;
      const nsFlag = o.namespace ? ` --namespace=${o.namespace}` : '';
      commands.push(
        `kubectl annotate ${gk}${nsFlag} ${o.name} meta.helm.sh/release-name=${c.name}`,
        `kubectl annotate ${gk}${nsFlag} ${o.name} meta.helm.sh/release-namespace=${c.namespace}`,
        `kubectl label ${gk}${nsFlag} ${o.name} app.kubernetes.io/managed-by=Helm`,
      );
    }
    commands.push(
      '\n',
      '# Run the actual Helm install operation',
      `helm upgrade --install ${c.name} --namespace ${c.namespace} -f ${valuesName} oci://registry.istio.io/release/charts/${c.def.release}`,
    );
    files.push({ name: `install-${c.name}.sh`, text: `${commands.join('\n')}\n`, executable: true });
    let diffWarn = '';
    const difference = differences[c.def.name];
    if (difference) {
      const [helmName, istioctlName] = [`diff-${c.name}-helm-output.yaml`, `diff-${c.name}-istioctl-output.yaml`];
      files.push({ name: helmName, text: difference.helm }, { name: istioctlName, text: difference.istioctl });
      diffWarn =
        '\n  ⚠️ Component rendering is different between Istioctl and Helm!\n  This may be from incompatibilities between the two installation methods.\n' +
        `  Review the difference between the two and take appropriate actions to resolve these, if needed: \`diff ${helmName} ${istioctlName}\`.\n`;
    }
    results.push(
      `* ✅ **Component \`${c.name}\`**: migration is supported!\n${diffWarn}\n  The translated values have been written to ${valuesName}.\n` +
        `  You may use these directly, or follow the guided \`install-${c.name}.sh\` script.`,
    );
  }
  files.push({ name: 'README.md', text: readme(results) });
  return { files, unsupported };
}

function readme(results: string[]): string {
  return [
    '# IstioOperator to Helm Migration',
    '',
    'This folder contains auto-generated output from the `mesh manifest translate` command.',
    'Note the `manifest translate` command only outputs this folders contents, and does not modify the cluster state.',
    '',
    'Follow the instructions below for each component to complete the migration.',
    '',
    '# Components',
    ...results,
    '',
  ].join('\n');
}

/** Keys sorted at every level, as Go's YAML writer orders map keys. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isMap(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k])]),
  );
}

function setPath(tree: JsonObject, path: string, value: unknown): void {
  const keys = splitRoot(path);
  let node = tree;
  for (const k of keys.slice(0, -1)) {
    if (!isMap(node[k])) node[k] = {};
    node = node[k] as JsonObject;
  }
  node[keys.at(-1)!] = value;
}

/** `gateways.istio-ingressgateway.hub` → its keys (names with dashes, never dots, so a split is enough). */
function splitRoot(path: string): string[] {
  return path.split('.');
}
