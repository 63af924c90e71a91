/**
 * The real Cluster port (src/context.ts): one kubeconfig load and one connection, shared by every port a command
 * uses. Loads @kubernetes/client-node through ./client.ts, so only a command that asks for the cluster pays for it.
 */
import type { Cluster, GlobalOptions } from '../../context.js';
import { connect, type KubeConnection } from './client.js';
import { installClient } from './apply.js';
import { precheckCluster } from './precheck.js';
import { readCluster } from './snapshot.js';
import { getPod, listPods, resolvePod } from './pods.js';
import { podRequest } from './pod-http.js';
import { openPortForward } from './port-forward.js';
import { waypointClient } from './waypoints.js';
import { createToken, podLogs } from './logs.js';

/** A Cluster that also hands its connection to the adapters that still build on it directly. */
export interface KubeCluster extends Cluster {
  /** The loaded kubeconfig and client module. */
  readonly connection: KubeConnection;
}

/** Connects to the cluster the global flags name (loads the kubeconfig; sends no request). */
export async function openCluster(globals: GlobalOptions, env: Readonly<Record<string, string | undefined>>): Promise<KubeCluster> {
  const conn = await connect(globals, env);
  return {
    connection: conn,
    server: conn.server,
    namespace: conn.namespace,
    reader: { read: (options) => readCluster(conn, options) },
    install: installClient(conn),
    precheck: precheckCluster(conn),
    waypoints: waypointClient(conn),
    pods: {
      resolve: (target) => resolvePod(conn, target),
      list: (namespace, selector) => listPods(conn, namespace, selector),
      get: (name, namespace) => getPod(conn, name, namespace),
    },
    request: (pod, port, path, options) => podRequest(conn, pod, port, path, options),
    logs: (pod, container, options) => podLogs(conn, pod, container, options),
    createToken: (namespace, serviceAccount, options) => createToken(conn, namespace, serviceAccount, options),
    portForward: (pod, remotePort, local) => openPortForward(conn, pod, remotePort, local),
  };
}
