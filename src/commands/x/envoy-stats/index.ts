/** `mesh x envoy-stats` (alias `es`): the metrics a proxy's Envoy emits, from its admin API. */
import { defineCommand } from '../../types.js';
import { envoyStatsFlags } from './flags.js';

/** The `x envoy-stats` command. */
export const envoyStats = defineCommand({
  name: 'envoy-stats',
  aliases: ['es'],
  arguments: [{ name: '[pod]', description: '<pod-name[.namespace]> or <type>/<name>[.namespace]' }],
  summary: "Print the metrics a pod's Envoy emits (/stats, /clusters)",
  description:
    "Reads Envoy's admin API (port 15000) through a port-forward: --type server is /stats (-o prom: /stats/prometheus; " +
    "-o prom-merged: pilot-agent's merged Envoy and application metrics, at the pod's prometheus.io/port and path), " +
    '--type clusters is /clusters. With -l, every matching pod is asked, each answer under a "The result of pod" line ' +
    '(with -o json|yaml: one object keyed by pod name).',
  examples: [
    'mesh x envoy-stats productpage-v1-7c5d9b8f6d-x2k4p.bookinfo',
    '# in Prometheus text format',
    'mesh x envoy-stats deploy/productpage-v1.bookinfo -o prom | grep envoy_cluster_upstream_rq_total',
    '# per-cluster counters of every pod of an app',
    'mesh x es -n bookinfo -l app=reviews --type clusters',
    'mesh x envoy-stats productpage-v1-7c5d9b8f6d-x2k4p.bookinfo -o json | jq \'.stats[] | select(.name=="server.live")\'',
  ],
  flags: envoyStatsFlags,
  async run(ctx, opts, args) {
    const { runEnvoyStats } = await import('./run.js');
    return runEnvoyStats(ctx, opts, args[0]);
  },
});
