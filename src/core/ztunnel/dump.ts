/**
 * A ztunnel admin `/config_dump`: `workloads`, `services` (each a list, or a map keyed by UID as ztunnel writes
 * them), `policies`, `certificates` and `workloadState` (connections, keyed by workload UID). Read as istioctl's
 * writer reads it (`ConfigWriter.Prime`): one JSON.parse, then each section decoded into its Go shape.
 */
import { InputError } from '../../errors.js';
import { parseJson } from '../proxy-config/json.js';
import { decode } from './decode.js';
import { narrow, type GoMap, type Spec } from './spec.js';
import {
  CERTIFICATE,
  POLICY,
  SERVICE,
  TABLE_FIELDS,
  WORKLOAD,
  WORKLOAD_STATE,
  type Certificate,
  type Policy,
  type Service,
  type Workload,
  type WorkloadState,
} from './types.js';
import type { StructSpec } from './spec.js';

/** A decoded dump. A section is null when the dump does not have it (Go's nil: `null` in JSON output). */
export interface ZtunnelDump {
  /** Where it came from (a file, `<stdin>`, `/config_dump of pod.ns`), for messages. */
  origin: string;
  /** The text as read: `all -o json` prints it as it is, as istioctl does. */
  text: string;
  workloads: Workload[] | null;
  services: Service[] | null;
  policies: Policy[] | null;
  certificates: Certificate[] | null;
  /** Connections per workload, in dump order. */
  workloadState: WorkloadState[];
}

const SECTIONS = ['services', 'workloads', 'policies', 'certificates', 'workloadstate'] as const;

/**
 * Parses and decodes the text of a ztunnel config dump; anything else is a one-line InputError naming `origin`.
 * `forTables`: every value is checked as Go would, but only what the tables read is built (a tenth of the work on a
 * big dump); -o json|yaml needs the whole.
 */
export function loadZtunnelDump(text: string, origin: string, forTables = false): ZtunnelDump {
  const raw = parseJson(text, origin);
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new InputError(`${origin}: not a ztunnel config dump: expected a JSON object with workloads, services, policies and certificates`);
  }
  const top = (raw ?? {}) as Record<string, unknown>;
  // Go matches keys case-insensitively; the last of two spellings wins, as it does there.
  const section: Partial<Record<(typeof SECTIONS)[number], unknown>> = {};
  for (const key in top) {
    const name = SECTIONS.find((s) => s === key.toLowerCase());
    if (name) section[name] = top[key];
  }
  if (raw !== null && Object.keys(section).length === 0) throw new InputError(notZtunnel(top, origin));
  const at = (what: string): string => `${origin}: ${what}`;
  const read = (value: unknown, spec: Spec, path: string): unknown => decode(value, forTables ? narrowed(spec) : spec, path);
  const state = section.workloadstate;
  return {
    origin,
    text,
    services: listOrMap(section.services, SERVICE, at('services'), read) as Service[] | null,
    workloads: listOrMap(section.workloads, WORKLOAD, at('workloads'), read) as Workload[] | null,
    certificates: listOrMap(section.certificates, CERTIFICATE, at('certificates'), read) as Certificate[] | null,
    policies: listOrMap(section.policies, POLICY, at('policies'), read) as Policy[] | null,
    workloadState: state === undefined ? [] : Object.values((read(state, STATE_MAP, at('workloadState')) as GoMap<WorkloadState> | null) ?? {}),
  };
}

const STATE_MAP: Spec = { map: WORKLOAD_STATE };
const LISTS = new Map<StructSpec, { list: Spec; map: Spec }>();
const NARROWED = new WeakMap<object, Spec>();

/** `spec` narrowed to TABLE_FIELDS, computed once per spec (decoders are compiled per spec object). */
function narrowed(spec: Spec): Spec {
  if (typeof spec === 'string') return spec;
  let n = NARROWED.get(spec);
  if (!n) NARROWED.set(spec, (n = narrow(spec, TABLE_FIELDS)));
  return n;
}

/** The list and map forms of a section's spec, made once (so their compiled decoders are reused). */
function forms(spec: StructSpec): { list: Spec; map: Spec } {
  let f = LISTS.get(spec);
  if (!f) LISTS.set(spec, (f = { list: { slice: { ptr: spec } }, map: { map: { ptr: spec } } }));
  return f;
}

/**
 * istioctl's `unmarshalListOrMap`: a list is read as it is; anything else as a map whose values are taken (so
 * `null` gives an empty list). Go takes a map's values in random order; mesh keeps the dump's order.
 */
function listOrMap(value: unknown, spec: StructSpec, path: string, read: (value: unknown, spec: Spec, path: string) => unknown): unknown[] | null {
  if (value === undefined) return null;
  const values = Array.isArray(value)
    ? (read(value, forms(spec).list, path) as unknown[])
    : Object.values((read(value, forms(spec).map, path) as GoMap | null) ?? {});
  // A null entry crashes istioctl's tables (a nil pointer); mesh reads it as absent.
  return values.filter((v) => v !== null);
}

function notZtunnel(top: Record<string, unknown>, origin: string): string {
  if (Array.isArray(top.configs)) {
    const file = origin === '<stdin>' ? '-' : origin;
    return `${origin}: this is an Envoy config dump (a sidecar's or gateway's), not a ztunnel one: read it with \`mesh proxy-config <view> --file ${file}\``;
  }
  return `${origin}: not a ztunnel config dump: it has none of workloads, services, policies, certificates, workloadState`;
}
