/** `preview`: default plus experimental features (agent DNS capture). */
import type { Profile } from './types.js';

/** The preview profile (manifests/profiles/preview.yaml plus the charts' profile-preview.yaml values). */
export const preview: Profile = {
  name: 'preview',
  description: 'default plus experimental features (DNS capture by the agent); stability not guaranteed',
  overlay: {
    profile: 'preview',
    meshConfig: { defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true' } } },
    values: { profile: 'preview' },
  },
};
