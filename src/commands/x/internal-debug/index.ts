/** `mesh x internal-debug`: istiod's debug endpoints (syncz, configz, endpointz, ...), from one istiod or all. */
import { defineCommand } from '../../types.js';
import { internalDebugFlags } from './flags.js';

/** The `x internal-debug` command. */
export const internalDebug = defineCommand({
  name: 'internal-debug',
  arguments: [
    { name: '[type]', description: 'a debug type, e.g. syncz, configz, endpointz, push_status, or edsz?proxyID=<pod>.<ns>' },
    { name: '[proxy]', description: 'a proxy ID (<pod>.<namespace>) for the types that take one (config_dump, edsz, sidecarz, ...)' },
  ],
  summary: "Print istiod's internal debug information (syncz, configz, endpointz, ...)",
  description:
    'Asks istiod for /debug/<type> on its monitoring port (15014) through a port-forward (istioctl goes through XDS; the answers ' +
    'are the same). By default the first running istiod of the control-plane namespace (-i) answers; --all asks every one and ' +
    'prints an object keyed by istiod name. An unknown type lists the types istiod serves.',
  examples: [
    '# sync status of every proxy connected to istiod',
    'mesh x internal-debug syncz',
    '# the config istiod pushes to one proxy',
    'mesh x internal-debug config_dump productpage-v1-7c5d9b8f6d-x2k4p.bookinfo',
    '# every debug type',
    'mesh x internal-debug --list',
    '# each istiod of revision canary',
    "mesh x internal-debug push_status --all --revision canary | jq 'keys'",
  ],
  flags: internalDebugFlags,
  async run(ctx, opts, args) {
    const { runInternalDebug } = await import('./run.js');
    return runInternalDebug(ctx, opts, args[0], args[1]);
  },
});
