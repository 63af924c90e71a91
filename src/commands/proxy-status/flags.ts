/** The flags of `mesh proxy-status`, as istioctl spells them, and the options type derived from them. */
import type { OptionsOf } from '../types.js';
import { choiceFlag, durationMs, outputFlag, parsedFlag, portNumber, textFlag } from '../flags.js';

/** The flags of `mesh proxy-status`. */
export const proxyStatusFlags = {
  revision: textFlag('-r, --revision <revision>', 'ask only the istiods of this control-plane revision'),
  xdsLabel: textFlag('--xds-label <selector>', 'label selector of the istiod pods (default app=istiod)'),
  file: textFlag('--file <path>', "compare with this Envoy config dump JSON file (or - for stdin) instead of the pod's"),
  proxyAdminPort: parsedFlag('--proxy-admin-port <port>', 'Envoy admin port of the pod', portNumber, 15000),
  output: outputFlag(['table', 'json', 'yaml'], 'table'),
  verbosity: choiceFlag('--verbosity <level>', '0: subscribed types; 1: one column per xDS type with its state', ['0', '1'], '0'),
  timeout: parsedFlag('--timeout <duration>', 'how long to wait for each answer (e.g. 30s, 2m)', durationMs, 30_000, '30s'),
};

/** Parsed flags of `mesh proxy-status`. */
export type ProxyStatusOptions = OptionsOf<typeof proxyStatusFlags>;
