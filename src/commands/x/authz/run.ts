/** The body of `mesh x authz check`, loaded lazily. */
import type { CommandContext } from '../../../context.js';
import type { AuthzCheckOptions } from './flags.js';
import { ExitCode, UsageError } from '../../../errors.js';

/** Reads the dump of the pod (or of -f) and prints the policies its RBAC filters carry. */
export async function runAuthzCheck(ctx: CommandContext, opts: AuthzCheckOptions, pod: string | undefined): Promise<number> {
  if ((pod === undefined) === (opts.file === undefined)) {
    throw new UsageError(`x authz check needs either a pod (<pod-name[.namespace]>) or --file, ${pod === undefined ? 'got neither' : 'not both'}`);
  }
  const [{ loadConfigDump }, { authzPolicies }] = await Promise.all([import('../../../core/proxy-config/dump.js'), import('../../../core/authz/check.js')]);
  let text: string;
  let origin: string;
  if (opts.file !== undefined) {
    const [source] = opts.file === '-' ? await ctx.files.readSources(['-']) : [{ origin: opts.file, text: await ctx.files.readText(opts.file) }];
    ({ text, origin } = source ?? { text: '', origin: '<stdin>' });
  } else {
    const [cluster, admin] = await Promise.all([ctx.cluster(), import('../../../app/proxy-admin.js')]);
    const target = await admin.proxyTarget(cluster, pod!);
    text = await admin.adminRequest(cluster, target, opts.proxyAdminPort, '/config_dump');
    origin = `/config_dump of ${target.name}.${target.namespace}`;
  }
  const rows = authzPolicies(loadConfigDump(text, origin));
  if (opts.output !== 'short') {
    const { renderData } = await import('../../../render/format.js');
    ctx.out(renderData(rows, opts.output));
    return ExitCode.Ok;
  }
  const { renderTable } = await import('../../../render/table.js');
  ctx.out(
    renderTable(
      ['ACTION', 'AuthorizationPolicy', 'RULES'],
      rows.map((r) => [r.action, r.policy, String(r.rules)]),
      { padding: 3 },
    ),
  );
  return ExitCode.Ok;
}
