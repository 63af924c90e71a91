/**
 * Compares what istiod would send a proxy (`/debug/config_dump?proxyID=` on 15014) with what the proxy's Envoy
 * holds (`/config_dump` on 15000), section by section (clusters, listeners, routes), as `istioctl proxy-status
 * <pod>` does. Envoy writes snake_case field names and istiod camelCase, and either may order fields and entries
 * differently, so both sides are normalized the same way first: camelCase keys, sorted keys, entries sorted by
 * name, versions and timestamps dropped. The texts are what the diff is made of.
 */
import { compareStrings, type JsonObject } from '../tree.js';
import { InputError } from '../../errors.js';

/** The result for one section. */
export interface SectionComparison {
  /** Clusters, Listeners or Routes. */
  name: 'Clusters' | 'Listeners' | 'Routes';
  /** istiod's side, normalized, as indented JSON (or why the section is missing). */
  istiod: string;
  /** Envoy's side, likewise. */
  envoy: string;
  match: boolean;
}

/** The whole comparison. */
export interface DumpComparison {
  sections: SectionComparison[];
  /** When Envoy last loaded a route configuration (RFC 3339), if its dump says. */
  routesLastLoaded?: string;
}

const SECTION_TYPES = {
  Clusters: 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
  Listeners: 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump',
  Routes: 'type.googleapis.com/envoy.admin.v3.RoutesConfigDump',
} as const;

/** Parses a config dump (`{"configs": [...]}`); `origin` names it in the InputError a malformed one raises. */
export function parseConfigDump(text: string, origin: string): JsonObject[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${origin}: not a JSON config dump (${(error as Error).message})`);
  }
  const configs = isRecord(data) ? data.configs : undefined;
  if (!Array.isArray(configs)) throw new InputError(`${origin}: not an Envoy config dump (no "configs" list)`);
  return configs.filter(isRecord).map((c) => normalizeKeys(c) as JsonObject);
}

/** Compares two parsed dumps. Pure. */
export function compareConfigDumps(istiod: JsonObject[], envoy: JsonObject[]): DumpComparison {
  const sections: SectionComparison[] = [];
  for (const name of ['Clusters', 'Listeners', 'Routes'] as const) {
    const a = sectionText(istiod, name);
    const b = sectionText(envoy, name);
    sections.push({ name, istiod: a, envoy: b, match: a === b });
  }
  const result: DumpComparison = { sections };
  const loaded = routesLastLoaded(envoy);
  if (loaded) result.routesLastLoaded = loaded;
  return result;
}

function sectionText(configs: JsonObject[], name: keyof typeof SECTION_TYPES): string {
  const typeUrl = SECTION_TYPES[name];
  // istioctl takes the last section of a type when a dump repeats one.
  const section = configs.filter((c) => c['@type'] === typeUrl).pop();
  if (!section) return `config dump has no configuration type ${typeUrl}\n`;
  const dynamic = name === 'Clusters' ? clusters(section) : name === 'Listeners' ? listeners(section) : routes(section);
  return `${JSON.stringify(dynamic, null, 4)}\n`;
}

function clusters(section: JsonObject): JsonObject {
  const list = records(section.dynamicActiveClusters).map((c) => omit(c, 'versionInfo', 'lastUpdated'));
  list.sort((x, y) => compareStrings(nameOf(x.cluster), nameOf(y.cluster)));
  return list.length ? { dynamicActiveClusters: list } : {};
}

function listeners(section: JsonObject): JsonObject {
  // A reloaded listener also has a draining state; only the active one is comparable.
  const list = records(section.dynamicListeners)
    .filter((l) => isRecord(l.activeState))
    .map((l) => ({ ...omit(l, 'drainingState', 'name'), activeState: omit(l.activeState as JsonObject, 'versionInfo', 'lastUpdated') }));
  list.sort((x, y) => compareStrings(nameOf(x.activeState.listener), nameOf(y.activeState.listener)));
  return list.length ? { dynamicListeners: list } : {};
}

function routes(section: JsonObject): JsonObject {
  const list = records(section.dynamicRouteConfigs).map((r) => {
    const out = omit(r, 'versionInfo', 'lastUpdated');
    if (isRecord(r.routeConfig) && Array.isArray(r.routeConfig.virtualHosts)) {
      const hosts = records(r.routeConfig.virtualHosts).sort((x, y) => compareStrings(nameOf(x), nameOf(y)));
      out.routeConfig = { ...r.routeConfig, virtualHosts: hosts };
    }
    return out;
  });
  list.sort((x, y) => compareStrings(nameOf(x.routeConfig), nameOf(y.routeConfig)));
  return list.length ? { dynamicRouteConfigs: list } : {};
}

function routesLastLoaded(configs: JsonObject[]): string | undefined {
  const section = configs.filter((c) => c['@type'] === SECTION_TYPES.Routes).pop();
  let latest: number | undefined;
  for (const r of records(section?.dynamicRouteConfigs)) {
    const t = typeof r.lastUpdated === 'string' ? Date.parse(r.lastUpdated) : NaN;
    if (!Number.isNaN(t) && t > 0 && (latest === undefined || t > latest)) latest = t;
  }
  return latest === undefined ? undefined : new Date(latest).toISOString();
}

/**
 * snake_case keys become camelCase (protobuf JSON's two spellings of one field) and keys are sorted, recursively.
 * Map keys that happen to contain an underscore are renamed too, but identically on both sides, so equality holds.
 */
export function normalizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeKeys);
  if (!isRecord(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)
    .map((k) => [camel(k), k] as const)
    .sort((a, b) => compareStrings(a[0], b[0]))) {
    out[key[0]] = normalizeKeys(value[key[1]]);
  }
  return out;
}

function camel(key: string): string {
  return /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(key) ? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : key;
}

function omit(obj: JsonObject, ...keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}

function records(v: unknown): JsonObject[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function nameOf(v: unknown): string {
  return isRecord(v) && typeof v.name === 'string' ? v.name : '';
}

function isRecord(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
