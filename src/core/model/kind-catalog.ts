/**
 * The Istio kind catalog: the JSON schemas in schemas/, bundled as data, with each kind's CRD metadata (`x-istio`).
 * Used where the schemas themselves are needed at run time (CRD rendering in manifest/, tests); validation uses the
 * code compiled from them at build time instead.
 */
import common from '../../../schemas/_common.json' with { type: 'json' };
import authorizationPolicy from '../../../schemas/AuthorizationPolicy.json' with { type: 'json' };
import destinationRule from '../../../schemas/DestinationRule.json' with { type: 'json' };
import envoyFilter from '../../../schemas/EnvoyFilter.json' with { type: 'json' };
import gateway from '../../../schemas/Gateway.json' with { type: 'json' };
import peerAuthentication from '../../../schemas/PeerAuthentication.json' with { type: 'json' };
import proxyConfig from '../../../schemas/ProxyConfig.json' with { type: 'json' };
import requestAuthentication from '../../../schemas/RequestAuthentication.json' with { type: 'json' };
import serviceEntry from '../../../schemas/ServiceEntry.json' with { type: 'json' };
import sidecar from '../../../schemas/Sidecar.json' with { type: 'json' };
import telemetry from '../../../schemas/Telemetry.json' with { type: 'json' };
import trafficExtension from '../../../schemas/TrafficExtension.json' with { type: 'json' };
import virtualService from '../../../schemas/VirtualService.json' with { type: 'json' };
import wasmPlugin from '../../../schemas/WasmPlugin.json' with { type: 'json' };
import workloadEntry from '../../../schemas/WorkloadEntry.json' with { type: 'json' };
import workloadGroup from '../../../schemas/WorkloadGroup.json' with { type: 'json' };
import type { SchemaNode } from './schema-refs.js';

/** CRD metadata mesh keeps in each kind's schema under `x-istio`. */
export interface IstioKindInfo {
  group: string;
  /** Served versions, newest first. */
  versions: string[];
  storageVersion: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  printerColumns: { name: string; type: string; jsonPath: string; description: string }[];
}

const ALL: SchemaNode[] = [
  common,
  authorizationPolicy,
  destinationRule,
  envoyFilter,
  gateway,
  peerAuthentication,
  proxyConfig,
  requestAuthentication,
  serviceEntry,
  sidecar,
  telemetry,
  trafficExtension,
  virtualService,
  wasmPlugin,
  workloadEntry,
  workloadGroup,
] as SchemaNode[];

/** Every schema by `$id`, including shared-definition documents such as `IstioCommon`. */
export const schemaRegistry: ReadonlyMap<string, SchemaNode> = new Map(ALL.map((s) => [s.$id as string, s]));

/** The Istio kinds with a schema (every schema that carries `x-istio`), sorted. */
export function schemaKinds(): string[] {
  return [...schemaRegistry.values()]
    .filter((s) => s['x-istio'])
    .map((s) => s.$id as string)
    .sort();
}

/** The `x-istio` CRD metadata of a kind, or undefined for a kind mesh has no schema for. */
export function kindInfo(kind: string): IstioKindInfo | undefined {
  return schemaRegistry.get(kind)?.['x-istio'] as IstioKindInfo | undefined;
}
