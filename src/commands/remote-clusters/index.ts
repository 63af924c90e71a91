/** `mesh remote-clusters`: the clusters each istiod reads endpoints from (`/debug/clusterz`), as istioctl lists them. */
import { defineCommand } from '../types.js';
import { outputFlag, textFlag } from '../flags.js';

const flags = {
  revision: textFlag('-r, --revision <rev>', 'only the istiods of this control-plane revision (istio.io/rev)'),
  output: outputFlag(['short', 'json', 'yaml'] as const, 'short'),
};

/** The `remote-clusters` command. */
export const remoteClusters = defineCommand({
  name: 'remote-clusters',
  summary: 'List the remote clusters each istiod is connected to: NAME SECRET STATUS ISTIOD',
  description:
    'Asks every istiod of the control-plane namespace (-i) for /debug/clusterz on its monitoring port (15014) through a port-forward. ' +
    'STATUS is "synced" once istiod has read the cluster; a remote secret that is wrong stays "timeout" or goes missing here. ' +
    'The secrets come from `mesh create-remote-secret`.',
  examples: [
    'mesh remote-clusters',
    '# the control plane of revision canary',
    'mesh remote-clusters --revision canary',
    'mesh remote-clusters -o json | jq -r \'.[] | select(.status!="synced") | .name\'',
  ],
  flags,
  async run(ctx, opts) {
    const { runRemoteClusters } = await import('./run.js');
    return runRemoteClusters(ctx, opts);
  },
});
