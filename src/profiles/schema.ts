/**
 * The JSON Schema of an IstioOperator overlay, derived from the default profile's data (one source of truth:
 * every field the defaults have is known, with the type of its default) plus the fields Istio accepts that have no
 * default. schemas/IstioOperator.json is this schema written out (a test keeps the two equal); resolve.ts walks
 * the same object to check --set paths and -f overlays, so the file and the checks cannot drift apart.
 */
import { defaultProfile } from './default.js';
import type { Schema } from './json-schema.js';
import { MESH_CONFIG_FIELDS } from './mesh-config-fields.js';
import { byKey } from '../core/tree.js';

/** Maps whose keys are the user's (labels, annotations, env, selectors...): any key is allowed. */
const OPEN_MAPS = new Set([
  'env',
  'labels',
  'label',
  'podLabels',
  'annotations',
  'podAnnotations',
  'serviceAnnotations',
  'serviceAccountAnnotations',
  'deploymentLabels',
  'deploymentAnnotations',
  'daemonSetLabels',
  'nodeSelector',
  'defaultNodeSelector',
  'affinity',
  'seccompProfile',
  'seLinuxOptions',
  'securityContext',
  'meshNetworks',
  'templates',
  'injectedAnnotations',
  'autoscaleBehavior',
  'gatewayClasses',
  'dnsConfig',
  'sidecarInjectorWebhookAnnotations',
  'tracer',
  'lifecycle',
  'meshConfig',
  'unvalidatedValues',
  'proxyMetadata',
  'matchLabels',
  'token',
  'arch',
]);

const INT_OR_STRING = { type: ['integer', 'string'] };
const STRING_OR_NUMBER = { type: ['string', 'number'] };
const QUANTITY_MAP: Schema = { type: 'object', additionalProperties: STRING_OR_NUMBER };
const RESOURCES: Schema = {
  type: 'object',
  properties: { requests: QUANTITY_MAP, limits: QUANTITY_MAP, claims: { type: 'array' } },
  additionalProperties: false,
};

/** Fields by name whose type is not the type of their default value. */
const TYPE_BY_NAME: Record<string, Schema> = {
  tag: STRING_OR_NUMBER,
  rollingMaxSurge: INT_OR_STRING,
  rollingMaxUnavailable: INT_OR_STRING,
  maxUnavailable: INT_OR_STRING,
  maxSurge: INT_OR_STRING,
  minAvailable: INT_OR_STRING,
  traceSampling: { type: 'number' },
  resources: RESOURCES,
};

/** Fields Istio's values accept that have no default, by parent path (from operator/pkg/apis/values_types.proto). */
const EXTRA_FIELDS: Record<string, Record<string, Schema>> = {
  values: {
    profile: { type: 'string' },
    compatibilityVersion: { type: 'string' },
    meshConfig: { type: 'object' },
    istio_cni: { type: 'object' },
    platform: { type: 'string' },
  },
  'values.global': {
    platform: { type: 'string' },
    tracer: { type: 'object' },
    trustBundleName: { type: 'string' },
    ipFamilyPolicy: { type: 'string' },
    revision: { type: 'string' },
    jwtPolicy: { type: 'string' },
    agentgateway: { type: 'object' },
    arch: { type: 'object' },
    profile: { type: 'string' },
    // The base chart's default (true) is not in istiod's values: istiod-rbac.ts reads a missing value as true.
    enableReaderRBAC: { type: 'boolean' },
  },
  'values.global.proxy': {
    holdApplicationUntilProxyStarts: { type: 'boolean' },
    lifecycle: { type: 'object' },
    enableCoreDump: { type: 'boolean' },
    variant: { type: 'string' },
    clusterDomain: { type: 'string' },
  },
  'values.pilot': { crlConfigMapName: { type: 'string' }, istiodRemote: { type: 'object' }, enabled: { type: 'boolean' } },
  // TargetUtilizationConfig: the defaults leave `memory` empty, so its one field is declared here.
  'values.pilot.memory': { targetAverageUtilization: { type: 'integer' } },
  'values.gateways.istio-ingressgateway.memory': { targetAverageUtilization: { type: 'integer' } },
  'values.gateways.istio-egressgateway.memory': { targetAverageUtilization: { type: 'integer' } },
  'values.sidecarInjectorWebhook': { injectionURL: { type: 'string' } },
  'values.base': { validateGateway: { type: 'boolean' } },
  'values.gateways': { enabled: { type: 'boolean' } },
  'values.gateways.istio-ingressgateway': { enabled: { type: 'boolean' }, zvpn: { type: 'object' }, hub: { type: 'string' }, tag: STRING_OR_NUMBER },
  'values.gateways.istio-egressgateway': { enabled: { type: 'boolean' }, zvpn: { type: 'object' }, hub: { type: 'string' }, tag: STRING_OR_NUMBER },
  'values.cni': {
    enabled: { type: 'boolean' },
    logLevel: { type: 'string' },
    psp_cluster_role: { type: 'string' },
    privileged: { type: 'boolean' },
    rollingMaxUnavailable: INT_OR_STRING,
    namespace: { type: 'string' },
  },
  'values.ztunnel': {
    enabled: { type: 'boolean' },
    istioNamespace: { type: 'string' },
    revision: { type: 'string' },
    meshConfig: { type: 'object' },
    resourceScope: { type: 'string' },
    nodeSelector: { type: 'object' },
    affinity: { type: 'object' },
    priorityClassName: { type: 'string' },
    logging: { type: 'object' },
    namespace: { type: 'string' },
  },
};

function fromSample(value: unknown, path: string, name: string): Schema {
  if (name in TYPE_BY_NAME) return TYPE_BY_NAME[name]!;
  if (typeof value === 'string') return { type: 'string' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  if (Array.isArray(value)) return { type: 'array' };
  if (value && typeof value === 'object') {
    if (OPEN_MAPS.has(name)) return { type: 'object' };
    const properties: Record<string, Schema> = {};
    for (const [k, v] of Object.entries(value)) properties[k] = fromSample(v, `${path}.${k}`, k);
    for (const [k, s] of Object.entries(EXTRA_FIELDS[path] ?? {})) properties[k] ??= s;
    return { type: 'object', properties: sortKeys(properties), additionalProperties: false };
  }
  return {};
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(byKey));
}

const K8S: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: sortKeys({
    resources: RESOURCES,
    replicaCount: { type: 'integer' },
    env: { type: 'array' },
    nodeSelector: { type: 'object' },
    affinity: { type: 'object' },
    tolerations: { type: 'array' },
    podAnnotations: { type: 'object' },
    serviceAnnotations: { type: 'object' },
    service: { type: 'object' },
    hpaSpec: { type: 'object' },
    podDisruptionBudget: { type: 'object' },
    strategy: { type: 'object' },
    imagePullPolicy: { type: 'string' },
    readinessProbe: { type: 'object' },
    priorityClassName: { type: 'string' },
    securityContext: { type: 'object' },
    overlays: { type: 'array' },
    volumes: { type: 'array' },
    volumeMounts: { type: 'array' },
  }),
};

function componentSchema(gateway: boolean): Schema {
  const properties: Record<string, Schema> = {
    enabled: { type: 'boolean' },
    namespace: { type: 'string' },
    hub: { type: 'string' },
    tag: STRING_OR_NUMBER,
    k8s: K8S,
  };
  if (gateway) Object.assign(properties, { name: { type: 'string' }, label: { type: 'object', additionalProperties: { type: 'string' } } });
  return { type: 'object', properties: sortKeys(properties), additionalProperties: false };
}

let cached: Schema | undefined;

/** The IstioOperator schema (built once per process). */
export function operatorSchema(): Schema {
  if (cached) return cached;
  const values = fromSample(defaultProfile().spec.values, 'values', 'values');
  const meshConfig: Schema = { type: 'object', properties: sortKeys({ ...MESH_CONFIG_FIELDS }), additionalProperties: false };
  const gateways: Schema = { type: 'array', items: componentSchema(true) };
  const spec: Schema = {
    type: 'object',
    additionalProperties: false,
    properties: sortKeys({
      profile: { type: 'string' },
      hub: { type: 'string' },
      tag: STRING_OR_NUMBER,
      revision: { type: 'string' },
      namespace: { type: 'string' },
      installPackagePath: { type: 'string' },
      compatibilityVersion: { type: 'string' },
      meshConfig,
      values,
      unvalidatedValues: { type: 'object' },
      components: {
        type: 'object',
        additionalProperties: false,
        properties: {
          base: componentSchema(false),
          pilot: componentSchema(false),
          cni: componentSchema(false),
          ztunnel: componentSchema(false),
          ingressGateways: gateways,
          egressGateways: gateways,
        },
      },
    }),
  };
  cached = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'IstioOperator',
    description: 'An IstioOperator overlay (install.istio.io/v1alpha1) as mesh accepts it with -f; generated from src/profiles.',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: ['install.istio.io/v1alpha1'] },
      kind: { type: 'string', enum: ['IstioOperator'] },
      metadata: { type: 'object' },
      spec,
    },
    additionalProperties: false,
  };
  return cached;
}
