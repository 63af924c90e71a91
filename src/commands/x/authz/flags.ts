/** The flags of `mesh x authz check`, as istioctl spells them, and the options type derived from them. */
import type { OptionsOf } from '../../types.js';
import { outputFlag, parsedFlag, portNumber, textFlag } from '../../flags.js';

/** istioctl's flags, plus -o. */
export const authzCheckFlags = {
  file: textFlag('-f, --file <path>', 'an Envoy config dump (JSON) to check instead of asking a pod (- for stdin)'),
  proxyAdminPort: parsedFlag('--proxy-admin-port <port>', "Envoy's admin port in the pod", portNumber, 15000),
  output: outputFlag(['short', 'json', 'yaml'] as const, 'short'),
};

/** Options of `x authz check`. */
export type AuthzCheckOptions = OptionsOf<typeof authzCheckFlags>;
