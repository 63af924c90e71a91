/** The flags of `mesh create-remote-secret`, as istioctl spells them, and the options type derived from them. */
import { InvalidArgumentError } from 'commander';
import type { FlagSpec, OptionsOf } from '../types.js';
import { boolFlag, booleanValue, choiceFlag, outputFlag, parsedFlag, textFlag } from '../flags.js';

/** `--auth-plugin-config k=v,k2=v2` (repeatable), as pflag's StringToString reads it. */
function keyValues(text: string, previous: Record<string, string> | undefined): Record<string, string> {
  const out = { ...(previous ?? {}) };
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError(`"${pair}" is not key=value`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** istioctl's flags, plus -y and -o. */
export const remoteSecretFlags = {
  name: textFlag('--name <name>', "the cluster's name in the mesh (a DNS-1123 label; default: the UID of its kube-system namespace)"),
  server: textFlag('--server <url>', "the API server address the other cluster's istiod dials (default: the kubeconfig's)"),
  tlsServerName: textFlag('--tls-server-name <name>', 'the server name to check in the TLS certificate, when --server is a proxy in front of the API server'),
  type: choiceFlag(
    '--type <type>',
    'remote: a remote cluster for a primary; config: the config cluster of an external istiod',
    ['remote', 'config'] as const,
    'remote',
  ),
  serviceAccount: textFlag(
    '--service-account <name>',
    'whose token goes into the Secret (default: istio-reader-service-account, or istiod with --type config)',
  ),
  createServiceAccount: parsedFlag(
    '--create-service-account [bool]',
    'create the reader ServiceAccount and its ClusterRole when they are missing (--create-service-account=false to refuse)',
    booleanValue,
    true,
  ),
  secretName: textFlag('--secret-name <name>', "the ServiceAccount's token Secret to use, when it has several"),
  authType: choiceFlag('--auth-type <type>', 'how the other cluster authenticates', ['bearer-token', 'plugin'] as const, 'bearer-token'),
  authPluginName: textFlag('--auth-plugin-name <name>', 'the kubeconfig auth-provider plug-in (with --auth-type plugin), e.g. gcp'),
  authPluginConfig: {
    flags: '--auth-plugin-config <key=value,...>',
    description: "the plug-in's configuration (with --auth-type plugin; repeatable)",
    parse: keyValues,
  } as FlagSpec<Record<string, string> | undefined>,
  skipConfirmation: boolFlag('-y, --skip-confirmation', 'create the ServiceAccount, its RBAC and token Secret without asking'),
  output: outputFlag(['yaml', 'json'] as const, 'yaml'),
};

/** Options of `create-remote-secret`. */
export type RemoteSecretOptions = OptionsOf<typeof remoteSecretFlags>;
