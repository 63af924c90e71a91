/** `mesh create-remote-secret`: the Secret that lets another cluster's istiod read this cluster (multicluster). */
import { defineCommand } from '../types.js';
import { remoteSecretFlags } from './flags.js';

/** The `create-remote-secret` command. */
export const createRemoteSecret = defineCommand({
  name: 'create-remote-secret',
  summary: "Print a Secret with this cluster's credentials for another cluster's istiod",
  description:
    'Builds a kubeconfig from a ServiceAccount token of this cluster (istio-reader-service-account, in the namespace of -n, ' +
    'else -i) and prints it inside the Secret istiod watches (label istio/multiCluster: "true", annotation ' +
    'networking.istio.io/cluster). Apply it to the other cluster. On Kubernetes 1.24+ a token Secret is created for the ' +
    'ServiceAccount when it has none, and the ServiceAccount with its reader ClusterRole when missing: mesh asks first (-y to ' +
    'skip the question). The Secret holds a credential: keep it out of version control.',
  examples: [
    "# let cluster c1's istiod read cluster c0",
    'mesh --kubeconfig c0.yaml create-remote-secret --name c0 | kubectl --kubeconfig c1.yaml apply -f -',
    '# remove it again',
    'mesh --kubeconfig c0.yaml create-remote-secret --name c0 | kubectl --kubeconfig c1.yaml delete -f -',
    '# an API server reached through a proxy, non-interactively',
    'mesh create-remote-secret --name c0 --server https://c0.example.com:443 --tls-server-name kubernetes.default.svc -y',
    '# credentials from an auth plug-in instead of a token',
    'mesh create-remote-secret --name c0 --auth-type plugin --auth-plugin-name gcp',
  ],
  flags: remoteSecretFlags,
  async run(ctx, opts) {
    const { runCreateRemoteSecret } = await import('./run.js');
    return runCreateRemoteSecret(ctx, opts);
  },
});
