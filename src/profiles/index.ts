/** The built-in profiles, in the order `mesh profile list` shows them. Explicit list: nothing is discovered. */
import type { Profile } from './types.js';
import { ambient } from './ambient.js';
import { demo } from './demo.js';
import { empty } from './empty.js';
import { minimal } from './minimal.js';
import { openshift } from './openshift.js';
import { openshiftAmbient } from './openshift-ambient.js';
import { preview } from './preview.js';
import { remote } from './remote.js';
import { stable } from './stable.js';

export type { Profile } from './types.js';

/** The default profile has no overlay: it is the base (src/profiles/default.ts). */
const defaultEntry: Profile = {
  name: 'default',
  description: 'production defaults: istiod and an ingress gateway (the base every other profile overlays)',
  overlay: {},
};

/** Every built-in profile by name. */
export const PROFILES: readonly Profile[] = [ambient, defaultEntry, demo, empty, minimal, openshift, openshiftAmbient, preview, remote, stable];

/** Profile names, sorted. */
export const PROFILE_NAMES: readonly string[] = PROFILES.map((p) => p.name);

/** The profile called `name`, or undefined. */
export function findProfile(name: string): Profile | undefined {
  return PROFILES.find((p) => p.name === name);
}
