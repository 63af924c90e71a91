/**
 * `mesh x config list|get|set|unset` (istioctl x config): the user's defaults for the global flags, in
 * ~/.config/mesh/config.yaml ($XDG_CONFIG_HOME, or $MESH_CONFIG), each overridable by a MESH_* variable.
 */
import { outputFlag } from '../../flags.js';
import { defineCommand } from '../../types.js';

const list = defineCommand({
  name: 'list',
  summary: 'List the settings: FLAG, VALUE, and FROM (the environment variable, the file, or the default)',
  examples: [
    'mesh x config list',
    '# where does the control-plane namespace come from?',
    'mesh x config list -o json | jq \'.[] | select(.flag=="istioNamespace")\'',
  ],
  flags: { output: outputFlag(['table', 'json', 'yaml'], 'table') },
  async run(ctx, opts) {
    const { runConfigList } = await import('./run.js');
    return runConfigList(ctx, opts.output);
  },
});

const get = defineCommand({
  name: 'get',
  summary: "Print one setting's value (environment, file or default)",
  arguments: [{ name: '<key>' }],
  examples: ['mesh x config get istioNamespace'],
  async run(ctx, _opts, args) {
    const { runConfigGet } = await import('./run.js');
    return runConfigGet(ctx, args[0]!);
  },
});

const set = defineCommand({
  name: 'set',
  summary: 'Write a setting to the settings file (every later command uses it as the default)',
  arguments: [{ name: '<key>' }, { name: '<value>' }],
  description: 'A flag on the command line still wins, and so does the MESH_* variable of the setting (see `mesh x config list`).',
  examples: ['# a control plane in its own namespace', 'mesh x config set istioNamespace mesh-system', 'mesh x config set context prod-eu'],
  async run(ctx, _opts, args) {
    const { runConfigSet } = await import('./run.js');
    return runConfigSet(ctx, args[0]!, args[1]!);
  },
});

const unset = defineCommand({
  name: 'unset',
  summary: 'Remove a setting from the settings file (back to the built-in default)',
  arguments: [{ name: '<key>' }],
  examples: ['mesh x config unset context'],
  async run(ctx, _opts, args) {
    const { runConfigSet } = await import('./run.js');
    return runConfigSet(ctx, args[0]!, undefined);
  },
});

/** `mesh x config`. */
export const xConfig = defineCommand({
  name: 'config',
  summary: "Configure mesh's defaults (istio namespace, namespace, context, kubeconfig)",
  description:
    'Settings live in ~/.config/mesh/config.yaml ($XDG_CONFIG_HOME/mesh/config.yaml, or the file $MESH_CONFIG names), ' +
    'one `key: value` per line. Each is the default of a global flag; its variable (MESH_ISTIONAMESPACE, MESH_NAMESPACE, ' +
    'MESH_CONTEXT, MESH_KUBECONFIG) overrides the file, and the flag overrides both.',
  examples: ['mesh x config list', 'mesh x config set istioNamespace mesh-system', 'MESH_ISTIONAMESPACE=other mesh x config get istioNamespace'],
  subcommands: [list, get, set, unset],
});
