/** The flags of `mesh x internal-debug` and the options type derived from them. */
import type { OptionsOf } from '../../types.js';
import { boolFlag, outputFlag, textFlag } from '../../flags.js';

/** istioctl's flags (its XDS-only flags aside: mesh asks istiod's HTTP debug port). */
export const internalDebugFlags = {
  list: boolFlag('-L, --list', 'list the debug types istiod serves'),
  all: boolFlag('--all', 'ask every istiod, not only the first, and print each answer under its name'),
  revision: textFlag('-r, --revision <rev>', 'only the istiods of this control-plane revision (istio.io/rev)'),
  output: outputFlag(['json', 'yaml'] as const, 'json'),
};

/** Options of `x internal-debug`. */
export type InternalDebugOptions = OptionsOf<typeof internalDebugFlags>;
