/** `ambient`: sidecar-less data plane: istiod, CNI and ztunnel; no ingress gateway. */
import type { Profile } from './types.js';

/** The ambient profile (manifests/profiles/ambient.yaml plus the charts' profile-ambient.yaml values). */
export const ambient: Profile = {
  name: 'ambient',
  description: 'ambient mode: istiod, istio-cni and ztunnel, no sidecars and no ingress gateway',
  overlay: {
    profile: 'ambient',
    components: {
      cni: { enabled: true },
      ztunnel: { enabled: true },
      ingressGateways: [{ name: 'istio-ingressgateway', enabled: false }],
    },
    meshConfig: {
      defaultConfig: { proxyMetadata: { ISTIO_META_ENABLE_HBONE: 'true' } },
      serviceScopeConfigs: [
        {
          servicesSelector: { matchExpressions: [{ key: 'istio.io/global', operator: 'In', values: ['true'] }] },
          scope: 'GLOBAL',
        },
      ],
    },
    values: {
      profile: 'ambient',
      global: { variant: 'distroless' },
      pilot: { env: { PILOT_ENABLE_AMBIENT: 'true' } },
      cni: { ambient: { enabled: true } },
    },
  },
};
