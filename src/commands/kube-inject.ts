/** `mesh kube-inject`: add the Istio sidecar to workload YAML, as `istioctl kube-inject` does, keeping everything else byte for byte. */
import { Option, type Command } from 'commander';
import type { LegacyCommandSpec } from './types.js';
import { filenameOption, recursiveOption, setOption } from './options.js';

/** Parsed flags of kube-inject. */
export interface KubeInjectOptions {
  /** Inputs: files, directories, or `-`. */
  filename?: string[];
  recursive: boolean;
  /** Output file (istioctl's `-o`); stdout when unset. */
  output?: string;
  /** Rewrite the input files in place. */
  inPlace: boolean;
  meshConfigFile?: string;
  valuesFile?: string;
  injectConfigFile?: string;
  operatorFileName?: string;
  revision?: string;
  hub?: string;
  tag?: string;
  set?: string[];
  /** Never read configuration from a cluster. */
  ignoreCluster: boolean;
  /** Inject as a classic sidecar container instead of a native sidecar. */
  nativeSidecar: boolean;
}

export const kubeInject: LegacyCommandSpec<KubeInjectOptions> = {
  name: 'kube-inject',
  summary: 'Add the Istio sidecar to Kubernetes workload YAML',
  description: [
    'Adds the istio-init init container and the istio-proxy sidecar to Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs and DeploymentConfigs, exactly as Istio 1.30\'s injector does. Everything else in the input (other documents, comments, key order, quoting) comes out unchanged.',
    'Configuration, in order: the default profile\'s values (as mesh install renders them); the cluster\'s istio and istio-sidecar-injector ConfigMaps when a kubeconfig is present (skip with --ignore-cluster); --operatorFileName; --meshConfigFile; --valuesFile; --hub/--tag; --set (install\'s paths and checks); --revision.',
  ].join('\n\n'),
  examples: [
    '# inject and apply in one step',
    'kubectl apply -f <(mesh kube-inject -f samples/ordering.yaml)',
    'mesh kube-inject -f app.yaml | kubectl apply -f -',
    '# rewrite the file in place (GitOps), never touching a cluster',
    'mesh kube-inject -f deploy/app.yaml --in-place --ignore-cluster',
    '# inject what a given IstioOperator install would',
    'mesh kube-inject -f app.yaml --operatorFileName iop.yaml',
    '# override values',
    'mesh kube-inject -f app.yaml --set values.global.proxy.resources.requests.cpu=500m',
  ],
  options: (cmd: Command) => {
    cmd.addOption(filenameOption('input file, directory, or - for stdin (repeatable)'));
    cmd.addOption(recursiveOption());
    cmd.option('-o, --output <file>', 'write the result to this file instead of stdout (atomic; may name the input file)');
    cmd.option('--in-place', 'rewrite each input file in place (atomic: the file is replaced only when injection succeeds)', false);
    cmd.option('--meshConfigFile <file>', 'mesh config file (the `mesh` key of the istio ConfigMap, as YAML)');
    cmd.option('--valuesFile <file>', 'injector values file (the `values` key of the istio-sidecar-injector ConfigMap)');
    cmd.option('--injectConfigFile <file>', 'injector config file (the `config` key of the istio-sidecar-injector ConfigMap)');
    cmd.option('--operatorFileName <file>', 'an IstioOperator file: inject what that install would');
    cmd.option('-r, --revision <rev>', 'control plane revision to inject for');
    cmd.option('--hub <hub>', 'image registry of the proxy image (default docker.io/istio)');
    cmd.option('--tag <tag>', 'tag of the proxy image (default 1.30.3)');
    cmd.addOption(setOption('override an injection value, e.g. --set values.global.proxy.logLevel=debug (repeatable)'));
    cmd.option('--ignore-cluster', 'never read configuration from a cluster', false);
    cmd.addOption(new Option('--no-native-sidecar', 'inject istio-proxy as a regular container instead of a native sidecar'));
  },
  async run(ctx, opts) {
    const { runKubeInject } = await import('./kube-inject-run.js');
    return runKubeInject(ctx, opts);
  },
};
