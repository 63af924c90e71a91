/** The flags of `mesh x workload group create` and `x workload entry configure` (istioctl's spellings). */
import type { OptionsOf } from '../../types.js';
import { booleanValue, boolFlag, listFlag, outputFlag, parsedFlag, textFlag, textFlagWithDefault } from '../../flags.js';
import { InvalidArgumentError } from 'commander';

function whole(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 0xffffffff) throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** `group create`. */
export const groupCreateFlags = {
  name: textFlag('--name <name>', 'the name of the workload group'),
  labels: listFlag('-l, --labels <k=v,...>', 'the labels to apply to the workload instances, e.g. -l env=prod,vers=2'),
  annotations: listFlag('-a, --annotations <k=v,...>', 'the annotations to apply to the workload instances'),
  ports: listFlag('-p, --ports <name=port,...>', 'the incoming ports exposed by the workload instance, e.g. http=8080'),
  serviceAccount: textFlagWithDefault('-s, --serviceAccount <name>', 'the service identity of the workload instances', 'default'),
  network: textFlag('--network <network>', 'the L3 network the endpoints live in'),
  locality: textFlag('--locality <locality>', 'the locality of the endpoints'),
  weight: parsedFlag<number | undefined>('-w, --weight <n>', 'the load balancing weight of the endpoints', whole),
  output: outputFlag(['yaml', 'json'], 'yaml'),
};

/** `entry configure`. */
export const entryConfigureFlags = {
  file: textFlag('-f, --file <file>', 'the WorkloadGroup file; leave it out to read the group from the cluster (--name, -n)'),
  name: textFlag('--name <name>', 'the name of the workload group in the cluster'),
  output: textFlag('-o, --output <dir>', 'directory for the generated files (required)'),
  clusterID: textFlag('--clusterID <id>', "the cluster's ID (default: values.global.multiCluster.clusterName of the injector)"),
  tokenDuration: parsedFlag('--tokenDuration <seconds>', 'lifetime of the generated token in seconds', whole, 3600, '3600'),
  ingressService: textFlag('--ingressService <svc[.ns]>', 'the Service of the gateway that reaches istiod (default istio-eastwestgateway)'),
  ingressIP: textFlag('--ingressIP <ip>', 'the IP address of the gateway that reaches istiod'),
  autoregister: boolFlag('--autoregister', 'have istiod create a WorkloadEntry when the VM connects'),
  captureDns: parsedFlag('--capture-dns [bool]', "capture the VM's DNS queries on port 53 in the agent", booleanValue, true, 'true'),
  internalIP: textFlag('--internalIP <ip>', 'the internal IP address of the workload'),
  externalIP: textFlag('--externalIP <ip>', 'the external IP address of the workload'),
  revision: textFlag('-r, --revision <revision>', 'the control-plane revision the VM joins'),
};

/** Parsed flags of `group create`. */
export type GroupCreateOptions = OptionsOf<typeof groupCreateFlags>;
/** Parsed flags of `entry configure`. */
export type EntryConfigureOptions = OptionsOf<typeof entryConfigureFlags>;
