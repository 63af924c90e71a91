/** `stable`: default with only stable APIs admitted by the validation policy. */
import type { Profile } from './types.js';

/** The stable profile (manifests/profiles/stable.yaml plus the charts' profile-stable.yaml values). */
export const stable: Profile = {
  name: 'stable',
  description: 'default, with a validation policy that admits only stable (v1) Istio API fields',
  overlay: { profile: 'stable', values: { profile: 'stable', experimental: { stableValidationPolicy: true } } },
};
