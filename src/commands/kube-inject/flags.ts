/** The flags of `mesh kube-inject`, spelled as istioctl kube-inject spells them, and the options type derived from them. */
import type { OptionsOf } from '../types.js';
import { boolFlag, filenameFlag, recursiveFlag, setFlag, textFlag } from '../flags.js';

/** The flags of `mesh kube-inject`. */
export const kubeInjectFlags = {
  filename: filenameFlag('input file, directory, or - for stdin (repeatable)'),
  recursive: recursiveFlag(),
  output: textFlag('-o, --output <file>', 'write the result to this file instead of stdout (atomic; may name the input file)'),
  inPlace: boolFlag('--in-place', 'rewrite each input file in place (atomic: the file is replaced only when injection succeeds)'),
  meshConfigFile: textFlag('--meshConfigFile <file>', 'mesh config file (the `mesh` key of the istio ConfigMap, as YAML)'),
  valuesFile: textFlag('--valuesFile <file>', 'injector values file (the `values` key of the istio-sidecar-injector ConfigMap)'),
  injectConfigFile: textFlag('--injectConfigFile <file>', 'injector config file (the `config` key of the istio-sidecar-injector ConfigMap)'),
  operatorFileName: textFlag('--operatorFileName <file>', 'an IstioOperator file: inject what that install would'),
  revision: textFlag('-r, --revision <rev>', 'control plane revision to inject for'),
  hub: textFlag('--hub <hub>', 'image registry of the proxy image (default docker.io/istio)'),
  tag: textFlag('--tag <tag>', 'tag of the proxy image (default 1.30.3)'),
  set: setFlag('override an injection value, e.g. --set values.global.proxy.logLevel=debug (repeatable)'),
  ignoreCluster: boolFlag('--ignore-cluster', 'never read configuration from a cluster'),
  nativeSidecar: boolFlag('--no-native-sidecar', 'inject istio-proxy as a regular container instead of a native sidecar'),
};

/** Parsed flags of `mesh kube-inject`. */
export type KubeInjectOptions = OptionsOf<typeof kubeInjectFlags>;
