/** `mesh x injector list` (istioctl x injector list): the injector webhooks, their revisions, and the namespaces and pods each serves. */
import { outputFlag } from '../../flags.js';
import { defineCommand } from '../../types.js';

const list = defineCommand({
  name: 'list',
  summary: 'List the sidecar injectors, the namespaces each serves, and the revisions their pods run',
  description:
    'First table: every namespace that is or would be injected (system namespaces, the control-plane namespace and ambient ' +
    "namespaces left out) with the revision its injector serves (MISSING/<rev> when no injector takes its label) and its pods' " +
    'revisions, counting pods that opted out and pods that need a restart to move to the namespace revision. Second table: each ' +
    'injector webhook (app=sidecar-injector), the namespaces it serves, its revision and the proxy image of that revision.',
  examples: [
    'mesh x injector list',
    '# one namespace',
    'mesh x injector list -n shop',
    '# pods left on an old revision after an upgrade',
    "mesh x injector list -o json | jq '.namespaces[] | select(.needsRestart > 0)'",
  ],
  flags: { output: outputFlag(['table', 'json', 'yaml'], 'table') },
  async run(ctx, opts) {
    const { runInjectorList } = await import('./run.js');
    return runInjectorList(ctx, opts.output);
  },
});

/** `mesh x injector`. */
export const injector = defineCommand({
  name: 'injector',
  summary: 'List sidecar injectors and the sidecar versions they inject',
  examples: ['mesh x injector list'],
  subcommands: [list],
});
