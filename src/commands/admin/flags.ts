/** The flags of `mesh admin log`, as istioctl spells them, and the options type derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, outputFlag, parsedFlag, portNumber, textFlag, textFlagWithDefault } from '../flags.js';

/** `admin log`'s flags: istioctl's, `-r` being --revision there too. */
export const adminLogFlags = {
  selector: textFlagWithDefault('-l, --selector <selector>', 'label selector of the istiod pods (without a pod argument)', 'app=istiod'),
  revision: textFlag('-r, --revision <rev>', 'only the istiods of this control-plane revision (istio.io/rev)'),
  level: textFlag('--level <scope:level,...>', 'set the output level of scopes, e.g. ads:debug,authorization:debug (levels: none, error, warn, info, debug)'),
  stackTraceLevel: textFlag('--stack-trace-level <scope:level,...>', 'set from which level on scopes log stack traces, e.g. ads:error'),
  reset: boolFlag('--reset', 'set every scope back to info and its stack traces to none'),
  logReset: boolFlag('--log-reset', "set every scope's output back to info"),
  stackTraceReset: boolFlag('--stack-trace-reset', "set every scope's stack traces back to none"),
  // istioctl's spelling, underscore included (commander files it under this key).
  ctrlz_port: parsedFlag('--ctrlz_port <port>', "istiod's ControlZ port", portNumber, 9876),
  output: outputFlag(['short', 'json', 'yaml'] as const, 'short'),
};

/** Options of `admin log`. */
export type AdminLogOptions = OptionsOf<typeof adminLogFlags>;
