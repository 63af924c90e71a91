/** `mesh kube-uninject`: take the Istio sidecar out of workload YAML again (istioctl dropped it; linkerd has `uninject`). */
import { defineCommand } from '../types.js';
import { kubeUninjectFlags } from './flags.js';

export const kubeUninject = defineCommand({
  name: 'kube-uninject',
  summary: 'Remove the Istio sidecar from Kubernetes workload YAML (the inverse of kube-inject)',
  description: [
    "Removes exactly what kube-inject or Istio's injection webhook added to Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs and DeploymentConfigs: the containers, init containers, volumes and pull secrets listed in the sidecar.istio.io/status annotation, the user's own istio-proxy customization recorded in proxy.istio.io/overrides, the app probes and Prometheus settings the proxy's environment recorded, and the labels and annotations the template writes (a value the user chose is kept).",
    'For YAML that mesh injected, the output is the original input byte for byte. Documents without an injected pod template, comments, key order and quoting come out unchanged.',
    'Use it to leave the mesh, or to move workloads to ambient mode (label the namespace istio.io/dataplane-mode=ambient afterwards).',
  ].join('\n\n'),
  examples: [
    '# undo kube-inject in a GitOps repository',
    'mesh kube-uninject -f deploy/app.yaml --in-place',
    '# a running deployment, back to its plain form',
    'kubectl get deploy reviews -n shop -o yaml | mesh kube-uninject -f - | kubectl apply -f -',
    '# a whole directory into one file',
    'mesh kube-uninject -f k8s/ -R -o plain.yaml',
  ],
  flags: kubeUninjectFlags,
  async run(ctx, opts) {
    const { runKubeUninject } = await import('./run.js');
    return runKubeUninject(ctx, opts);
  },
});
