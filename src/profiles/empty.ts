/** `empty`: nothing enabled; a base for fully custom configurations. */
import type { Profile } from './types.js';

/** The empty profile (manifests/profiles/empty.yaml). */
export const empty: Profile = {
  name: 'empty',
  description: 'nothing enabled: a starting point for a fully custom configuration',
  overlay: {
    profile: 'empty',
    components: {
      base: { enabled: false },
      pilot: { enabled: false },
      ingressGateways: [{ name: 'istio-ingressgateway', enabled: false }],
    },
  },
};
