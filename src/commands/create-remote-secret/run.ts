/** The body of `mesh create-remote-secret`, loaded lazily. */
import type { CommandContext } from '../../context.js';
import type { RemoteSecretOptions } from './flags.js';
import { ExitCode, UsageError } from '../../errors.js';

/** Finds (or, with consent, creates) the ServiceAccount's token and prints the remote Secret. */
export async function runCreateRemoteSecret(ctx: CommandContext, opts: RemoteSecretOptions): Promise<number> {
  if (opts.authType !== 'plugin' && (opts.authPluginName || opts.authPluginConfig))
    throw new UsageError('--auth-plugin-name and --auth-plugin-config need --auth-type plugin');
  if (opts.authType === 'plugin' && !opts.authPluginName) throw new UsageError('--auth-type plugin needs --auth-plugin-name');
  const [rs, app, { confirmChange, CANCELLED }] = await Promise.all([
    import('../../core/multicluster/remote-secret.js'),
    import('../../app/remote-secret.js'),
    import('../../app/confirm.js'),
  ]);
  if (opts.name) rs.checkClusterName(opts.name);
  const cluster = await ctx.cluster();
  const namespace = ctx.globals.namespace ?? ctx.globals.istioNamespace;
  const clusterName = opts.name ?? (await app.clusterUid(cluster));
  const confirm = async (objects: { kind?: unknown; metadata?: unknown }[]): Promise<boolean> => {
    const list = objects.map((o) => `${String(o.kind)} ${(o.metadata as { name?: string }).name}`).join(', ');
    ctx.err(`The remote secret needs objects this cluster (${cluster.server}) lacks: ${list}\n`);
    return confirmChange(ctx, opts.skipConfirmation, `Create them in namespace ${namespace}?`, 'create the ServiceAccount and its token Secret');
  };
  const creds = await app.serviceAccountCredentials(
    ctx,
    cluster,
    {
      namespace,
      type: opts.type,
      serviceAccount: opts.serviceAccount,
      createServiceAccount: opts.createServiceAccount,
      secretName: opts.secretName,
      needToken: opts.authType === 'bearer-token',
    },
    confirm,
  );
  if (!creds) {
    ctx.err(CANCELLED);
    return ExitCode.Ok;
  }
  const server = opts.server ?? cluster.server;
  if (!opts.server && /127\.0\.0\.1|localhost/.test(server)) {
    ctx.err(
      `warn: server in Kubeconfig is ${server}. This is likely not reachable from inside the cluster, if you're using Kubernetes in Docker, pass --server with the container IP for the API Server\n`,
    );
  }
  const secret = rs.remoteSecret({
    clusterName,
    type: opts.type,
    namespace,
    server,
    ...(opts.tlsServerName ? { tlsServerName: opts.tlsServerName } : {}),
    caDataBase64: creds.caDataBase64,
    auth:
      opts.authType === 'plugin'
        ? { type: 'plugin', name: opts.authPluginName!, config: opts.authPluginConfig ?? {} }
        : { type: 'bearer-token', token: creds.token },
  });
  if (opts.output === 'json') {
    const { toJson } = await import('../../render/format.js');
    ctx.out(toJson(secret));
  } else ctx.out(rs.remoteSecretYaml(secret));
  return ExitCode.Ok;
}
