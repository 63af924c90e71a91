/** The flags of `mesh x envoy-stats`, as istioctl spells them, and the options type derived from them. */
import type { OptionsOf } from '../../types.js';
import { choiceFlag, outputFlag, parsedFlag, portNumber, textFlag } from '../../flags.js';

/** istioctl's flags. */
export const envoyStatsFlags = {
  type: choiceFlag('-t, --type <type>', 'which stats: server (Envoy /stats) or clusters (/clusters)', ['server', 'clusters', 'cluster'] as const, 'server'),
  selector: textFlag('-l, --selector <selector>', 'every pod matching this label selector (in -n), instead of a pod argument'),
  proxyAdminPort: parsedFlag('--proxy-admin-port <port>', "Envoy's admin port in the pod", portNumber, 15000),
  output: outputFlag(['short', 'json', 'yaml', 'prom', 'prom-merged'] as const, 'short'),
};

/** Options of `x envoy-stats`. */
export type EnvoyStatsOptions = OptionsOf<typeof envoyStatsFlags>;
