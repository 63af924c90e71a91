/**
 * An Envoy `/config_dump` as sections: the top level is `{configs: [Any...]}` with one entry per kind of
 * configuration (`envoy.admin.v3.ClustersConfigDump`, ...). Parsing is one JSON.parse; sections are looked up by the
 * `@type` suffix, so v2 (`envoy.admin.v2alpha`) dumps read the same.
 */
import type { JsonObject } from '../tree.js';
import { InputError } from '../../errors.js';
import { field, list, obj, typeName } from './fields.js';
import { parseJson } from './json.js';

/** A parsed config dump. */
export interface ConfigDump {
  /** Where it came from (a file name, `<stdin>`, or `pod.namespace`), for messages. */
  origin: string;
  /** The parsed document (for -o json|yaml of the whole dump). */
  raw: JsonObject;
  /** The `configs` entries, in dump order. */
  configs: JsonObject[];
}

/** Section kinds mesh reads, by the message name that ends their `@type`. */
export type SectionKind =
  'BootstrapConfigDump' | 'ClustersConfigDump' | 'ListenersConfigDump' | 'RoutesConfigDump' | 'SecretsConfigDump' | 'EndpointsConfigDump' | 'EcdsConfigDump';

/** Parses the text of a config dump; anything that is not one is an InputError naming `origin`. */
export function loadConfigDump(text: string, origin: string): ConfigDump {
  return asConfigDump(parseJson(text, origin), origin);
}

/** Checks that parsed JSON is a config dump (an object with a `configs` list). */
export function asConfigDump(value: unknown, origin: string): ConfigDump {
  const configs = field(value, 'configs');
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Array.isArray(configs)) {
    if (isZtunnelDump(value)) {
      const file = origin === '<stdin>' ? '-' : origin;
      throw new InputError(`${origin}: this is a ztunnel config dump, not an Envoy one: read it with \`mesh zc <view> --file ${file}\` (mesh ztunnel-config)`);
    }
    const hint =
      field(value, 'clusterStatuses') !== undefined
        ? 'this is the output of /clusters?format=json: read it with `mesh proxy-config endpoint --file`'
        : 'save one with `kubectl exec <pod> -c istio-proxy -- curl -s localhost:15000/config_dump > dump.json`';
    throw new InputError(`${origin}: not an Envoy config dump: expected a JSON object with a "configs" list (the output of /config_dump)`, { hint });
  }
  return { origin, raw: value as JsonObject, configs: configs.filter((c): c is JsonObject => c !== null && typeof c === 'object') };
}

/** A ztunnel's /config_dump has these top-level keys (and no `configs`). */
function isZtunnelDump(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return ['workloads', 'services', 'policies', 'certificates', 'workloadState'].some((k) => k in value);
}

/** Every section of a kind (Envoy writes one each, ECDS may write several). */
export function sections(dump: ConfigDump, kind: SectionKind): JsonObject[] {
  return dump.configs.filter((c) => typeName(c) === kind || typeName(c).endsWith(`.${kind}`));
}

/** Whether the dump has a section of this kind at all (a dump taken with ?mask may not). */
export function hasSection(dump: ConfigDump, kind: SectionKind): boolean {
  return sections(dump, kind).length > 0;
}

/** Objects `entry[inner]` of each `section[outer][]` across all sections of a kind, skipping entries without one. */
export function entries(dump: ConfigDump, kind: SectionKind, outer: string, ...inner: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const section of sections(dump, kind)) {
    for (const entry of list(section, outer)) {
      const value = inner.length ? obj(entry, ...inner) : (entry as JsonObject);
      if (value && typeof value === 'object') out.push(value);
    }
  }
  return out;
}
