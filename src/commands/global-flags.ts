/** The flags every command accepts, declared once: src/cli.ts puts them on the root program, completion offers them. */
import { boolFlag, textFlag, textFlagWithDefault } from './flags.js';
import type { OptionsOf } from './types.js';

/** The root program's flags (besides --help and --version, which commander adds). */
export const globalFlags = {
  kubeconfig: textFlag('--kubeconfig <path>', 'path to the kubeconfig file (default: $KUBECONFIG or ~/.kube/config)'),
  context: textFlag('--context <name>', 'the kubeconfig context to use'),
  namespace: textFlag('-n, --namespace <ns>', 'the namespace to work in'),
  istioNamespace: textFlagWithDefault('-i, --istioNamespace <ns>', 'the namespace of the Istio control plane', 'istio-system'),
  verbose: boolFlag('-v, --verbose', 'print more detail, and stack traces for internal errors'),
};

/** The parsed global flags, as commander hands them over. */
export type GlobalFlagValues = OptionsOf<typeof globalFlags>;
