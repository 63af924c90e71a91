/** `mesh proxy-status` (alias `ps`): every proxy's xDS sync state from istiod, or one proxy's istiod-vs-Envoy config diff. */
import type { CommandContext } from '../../context.js';
import { defineCommand } from '../types.js';
import { ExitCode } from '../../errors.js';
import { proxyStatusFlags } from './flags.js';

export const proxyStatus = defineCommand({
  name: 'proxy-status',
  aliases: ['ps'],
  summary: "Show the xDS sync state of every proxy in the mesh, or diff one proxy's config with istiod's",
  description:
    'Without a pod: asks every running istiod (app=istiod in -i/--istioNamespace) for /debug/syncz on port 15014 ' +
    'through a port-forward and lists each connected proxy with the xDS types it subscribes to. --verbosity 1 shows each ' +
    "type's state: SYNCED (the last push was acknowledged), STALE (not yet), NOT SENT, ERROR (rejected). An istiod that " +
    'does not answer is named in a warning; the command fails only when none answers.\n\n' +
    "With a pod: compares istiod's config for that proxy with its Envoy's /config_dump (clusters, listeners, routes) " +
    `and prints a unified diff where they differ; exits ${ExitCode.IssuesFound} when anything differs.`,
  arguments: [{ name: '[pod]' }],
  examples: [
    '# sync state of every proxy in the mesh',
    'mesh proxy-status',
    '# only proxies in namespace foo, one column per xDS type',
    'mesh ps -n foo --verbosity 1',
    "# diff istiod's config for a pod (or one pod of a deployment) with its Envoy's",
    'mesh proxy-status productpage-v1-7d4b9c8f5-x2x9q.default',
    'mesh proxy-status deployment/productpage-v1 -n default',
    '# proxies waiting for an ACK or rejecting config, for CI',
    'mesh ps -o json | jq -r \'.proxies[] | select(any(.types[]; .status == "STALE" or .status == "ERROR")) | .name\'',
  ],
  flags: proxyStatusFlags,
  async run(ctx: CommandContext, opts, args) {
    const { runProxyStatus } = await import('./run.js');
    return runProxyStatus(ctx, opts, args[0]);
  },
});
