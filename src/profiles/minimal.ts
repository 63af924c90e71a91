/** `minimal`: istiod only (plus base), no gateways. */
import type { Profile } from './types.js';

/** The minimal profile (manifests/profiles/minimal.yaml). */
export const minimal: Profile = {
  name: 'minimal',
  description: 'the control plane only (istiod and base): add gateways separately',
  overlay: { profile: 'minimal', components: { ingressGateways: [{ name: 'istio-ingressgateway', enabled: false }] } },
};
