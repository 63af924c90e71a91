/** `mesh kube-inject`: add the Istio sidecar to workload YAML, as `istioctl kube-inject` does, keeping everything else byte for byte. */
import { defineCommand } from '../types.js';
import { kubeInjectFlags } from './flags.js';

export const kubeInject = defineCommand({
  name: 'kube-inject',
  summary: 'Add the Istio sidecar to Kubernetes workload YAML',
  description: [
    "Adds the istio-init init container and the istio-proxy sidecar to Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs and DeploymentConfigs, exactly as Istio 1.30's injector does. Everything else in the input (other documents, comments, key order, quoting) comes out unchanged.",
    "Configuration, in order: the default profile's values (as mesh install renders them); the cluster's istio and istio-sidecar-injector ConfigMaps when a kubeconfig is present (skip with --ignore-cluster); --operatorFileName; --meshConfigFile; --valuesFile; --hub/--tag; --set (install's paths and checks); --revision.",
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
  flags: kubeInjectFlags,
  async run(ctx, opts) {
    const { runKubeInject } = await import('./run.js');
    return runKubeInject(ctx, opts);
  },
});
