/** A running kube-local cluster. */
export interface Cluster {
  /** Process id of kube-local, also the id of its process group. */
  pid: number;
  /** Temporary folder holding certificates, logs, etcd data and the kubeconfig. */
  dir: string;
  /** Kubeconfig of the cluster admin (group system:masters). */
  kubeconfig: string;
}
/** Returns the path of the kube-local binary, building it when the Go sources changed. */
export function ensureBinary(): string;
/** Starts a cluster and resolves once it can run workloads. */
export function startCluster(opts?: { nodes?: number; detached?: boolean; keepDir?: boolean; timeoutMs?: number }): Promise<Cluster>;
/** Stops a cluster and its whole process group, then removes its folder. */
export function stopCluster(cluster: Cluster, opts?: { keepDir?: boolean }): Promise<void>;
