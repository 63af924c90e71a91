/** `mesh x workload group create | entry configure`: onboarding VMs and other non-Kubernetes workloads (istioctl x workload). */
import { defineCommand } from '../../types.js';
import { entryConfigureFlags, groupCreateFlags } from './flags.js';

const create = defineCommand({
  name: 'create',
  summary: 'Print a WorkloadGroup: the template for the WorkloadEntries of a VM workload',
  description: 'Writes the WorkloadGroup as YAML (or JSON) to stdout; nothing is sent to the cluster. Pipe it to `kubectl apply -f -`.',
  examples: [
    'mesh x workload group create --name web -n shop --labels app=web,version=v1 --ports http=8080 --serviceAccount web',
    '# create it in the cluster',
    'mesh x workload group create --name web -n shop | kubectl apply -f -',
  ],
  flags: groupCreateFlags,
  async run(ctx, opts) {
    const { runGroupCreate } = await import('./run.js');
    return runGroupCreate(ctx, opts);
  },
});

const configure = defineCommand({
  name: 'configure',
  summary: 'Write the files a VM needs to join the mesh: cluster.env, mesh.yaml, root-cert.pem, istio-token, hosts',
  description:
    'Reads the WorkloadGroup (-f, or --name and -n from the cluster), the mesh ConfigMap of the revision, the root ' +
    'certificate of the namespace (istio-ca-root-cert) and the gateway that reaches istiod, requests a ServiceAccount ' +
    'token for audience istio-ca (a TokenRequest: nothing is stored in the cluster), and writes the five files into -o.',
  examples: [
    '# from a local WorkloadGroup file',
    'mesh x workload entry configure -f workloadgroup.yaml -o vm-files',
    '# from the cluster, through a known gateway address',
    'mesh x workload entry configure --name web -n shop -o vm-files --ingressIP 203.0.113.10',
  ],
  flags: entryConfigureFlags,
  async run(ctx, opts) {
    const { runEntryConfigure } = await import('./run.js');
    return runEntryConfigure(ctx, opts);
  },
});

/** The `workload` group. */
export const workload = defineCommand({
  name: 'workload',
  summary: 'Configure workloads running on VMs and other non-Kubernetes environments',
  examples: ['mesh x workload group create --name web -n shop', 'mesh x workload entry configure -f workloadgroup.yaml -o vm-files'],
  subcommands: [
    defineCommand({ name: 'group', summary: 'WorkloadGroup resources', examples: ['mesh x workload group create --name web -n shop'], subcommands: [create] }),
    defineCommand({
      name: 'entry',
      summary: 'WorkloadEntry configuration',
      examples: ['mesh x workload entry configure -f wg.yaml -o dir'],
      subcommands: [configure],
    }),
  ],
});
