/**
 * Istio 1.30's installation profiles as istioctl's `manifest translate` starts from them: the short files of
 * manifests/profiles/*.yaml (components switched on or off, a few values), not the charts' own defaults (which
 * Helm applies itself when it renders the charts, so they belong in no values file). Every profile lays itself over
 * `default`, as Istio's readProfile does. The hub and tag are those of the release, as a released istioctl compiles
 * them in.
 */
import { ISTIO_HUB, ISTIO_VERSION } from '../../version.js';
import type { JsonObject } from '../tree.js';

const gateway = (name: string, enabled: boolean) => [{ name, enabled }];

/** The `spec` of Istio's default profile file. */
function defaultSpec(): JsonObject {
  return {
    hub: ISTIO_HUB,
    tag: ISTIO_VERSION,
    components: {
      base: { enabled: true },
      pilot: { enabled: true },
      ingressGateways: gateway('istio-ingressgateway', true),
      egressGateways: gateway('istio-egressgateway', false),
    },
    values: {
      defaultRevision: '',
      global: { istioNamespace: 'istio-system', configValidation: true },
      gateways: { 'istio-ingressgateway': {}, 'istio-egressgateway': {} },
      ztunnel: { resourceName: 'ztunnel' },
    },
  };
}

/** Each profile's own file (its difference from default). */
const PROFILES: Record<string, () => JsonObject> = {
  default: () => ({}),
  demo: () => ({ components: { egressGateways: gateway('istio-egressgateway', true) }, values: { profile: 'demo' } }),
  minimal: () => ({ components: { ingressGateways: gateway('istio-ingressgateway', false) } }),
  empty: () => ({ components: { base: { enabled: false }, pilot: { enabled: false }, ingressGateways: gateway('istio-ingressgateway', false) } }),
  remote: () => ({
    components: { base: { enabled: true }, pilot: { enabled: true }, ingressGateways: gateway('istio-ingressgateway', false) },
    values: { profile: 'remote' },
  }),
  ambient: () => ({
    components: { cni: { enabled: true }, ztunnel: { enabled: true }, ingressGateways: gateway('istio-ingressgateway', false) },
    values: { profile: 'ambient' },
  }),
  preview: () => ({ values: { profile: 'preview' } }),
  stable: () => ({ values: { profile: 'stable' } }),
  openshift: () => ({ components: { cni: { enabled: true, namespace: 'kube-system' } }, values: { global: { platform: 'openshift' } } }),
  'openshift-ambient': () => ({
    components: {
      cni: { enabled: true, namespace: 'kube-system' },
      ztunnel: { enabled: true, namespace: 'kube-system' },
      ingressGateways: gateway('istio-ingressgateway', false),
    },
    values: { profile: 'ambient', global: { platform: 'openshift' } },
  }),
};

/** The names of the profiles. */
export const TRANSLATE_PROFILES = Object.keys(PROFILES);

/** The IstioOperator of `profile` as Istio's profile files give it (default, with the profile's file over it). */
export function profileOperator(profile: string): JsonObject | undefined {
  const own = PROFILES[profile];
  if (!own) return undefined;
  const base: JsonObject = { apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', metadata: { namespace: 'istio-system' }, spec: defaultSpec() };
  mergeFrom(base, { spec: own() });
  return base;
}

/** Istio's values.Map MergeFrom: maps merge key by key, anything else (lists included) replaces. */
export function mergeFrom(base: JsonObject, over: JsonObject): void {
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    if (isPlainMap(v) && isPlainMap(b)) mergeFrom(b, v);
    else base[k] = isPlainMap(v) ? structuredClone(v) : v;
  }
}

function isPlainMap(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
