/** `remote`: a cluster whose sidecars are served by an istiod elsewhere; installs injection plumbing only. */
import type { Profile } from './types.js';

/** The remote profile (manifests/profiles/remote.yaml plus the charts' profile-remote.yaml values). */
export const remote: Profile = {
  name: 'remote',
  description: 'a remote cluster of a multicluster mesh: no local istiod configuration, injection served from a primary',
  overlay: {
    profile: 'remote',
    components: { ingressGateways: [{ name: 'istio-ingressgateway', enabled: false }] },
    values: {
      profile: 'remote',
      istiodRemote: { enabled: true },
      pilot: { configMap: false },
      telemetry: { enabled: false },
      global: { omitSidecarInjectorConfigMap: true },
    },
  },
};
