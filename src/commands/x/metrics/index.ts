/** `mesh x metrics` (alias `m`): a workload's request rate, error rate and latency percentiles from Prometheus. */
import { defineCommand } from '../../types.js';
import { durationMs, outputFlag, parsedFlag } from '../../flags.js';

/** The flags of `x metrics`. */
export const metricsFlags = {
  duration: parsedFlag('-d, --duration <duration>', 'the window rates and percentiles are computed over', durationMs, 60_000, '1m'),
  output: outputFlag(['short', 'json', 'yaml'] as const, 'short'),
};

/** The `x metrics` command. */
export const metrics = defineCommand({
  name: 'metrics',
  aliases: ['m'],
  arguments: [{ name: '<workload...>', description: 'workload names, each optionally .<namespace> (prefixes match, as in istioctl)' }],
  summary: "Print a workload's RPS, error rate and P50/P90/P99 latency from Prometheus",
  description:
    'Finds the Prometheus pod of the control-plane namespace (-i, label app.kubernetes.io/name=prometheus, as the Istio addon ' +
    'installs it), queries it through a port-forward to port 9090 and prints, per workload, the server-side figures of ' +
    "Istio's standard metrics over --duration: total and error (4xx, 5xx) requests per second and the 50th, 90th and 99th " +
    'latency percentiles. Latency "-" means no request in the window.',
  examples: [
    'mesh x metrics productpage-v1',
    '# several workloads in their namespaces, over two minutes',
    'mesh x metrics productpage-v1.bookinfo reviews-v1.bookinfo -d 2m',
    "mesh x metrics ratings-v1.bookinfo -o json | jq '.[0].errorRps'",
  ],
  flags: metricsFlags,
  async run(ctx, opts, args) {
    const { runMetrics } = await import('./run.js');
    return runMetrics(ctx, opts, args);
  },
});
