/**
 * The body of the `mesh ztunnel-config` views, loaded lazily by index.ts: read the dump from a file or from a
 * ztunnel's admin API (src/app/ztunnel-admin.ts), decode it (src/core/ztunnel), render it as istioctl does.
 */
import type { CommandContext } from '../../context.js';
import type { ZtunnelViewOptions } from './flags.js';
import type { ZtunnelView } from '../../core/ztunnel/view.js';
import type { ZtunnelTarget } from '../../app/ztunnel-admin.js';
import { ExitCode, UsageError } from '../../errors.js';
import { readDumpFile } from '../../app/dump-file.js';

/** istioctl's rule: a dump comes from one of --file, --node or a pod argument. */
export function checkSource(opts: { file?: string; node?: string }, args: string[]): void {
  if ([opts.file, opts.node, args[0]].filter((x) => x !== undefined).length > 1) {
    throw new UsageError('at most one of --file, --node, or pod name must be passed');
  }
}

/** Runs one view subcommand. */
export async function runZtunnelView(ctx: CommandContext, view: ZtunnelView, opts: ZtunnelViewOptions, args: string[]): Promise<number> {
  checkSource(opts, args);
  let text: string;
  let origin: string;
  let target: ZtunnelTarget | undefined;
  if (opts.file !== undefined) {
    ({ text, origin } = await readDumpFile(ctx, opts.file));
  } else {
    const [cluster, admin] = await Promise.all([ctx.cluster(), import('../../app/ztunnel-admin.js')]);
    target = await admin.ztunnelTarget(cluster, {
      arg: args[0],
      node: opts.node,
      defaultNamespace: ctx.globals.namespace ?? ctx.globals.istioNamespace,
      istioNamespace: ctx.globals.istioNamespace,
      // Certificates and connections differ between ztunnels: istioctl refuses to pick one of several.
      single: view === 'certificate' || view === 'connections',
    });
    origin = `/config_dump of ${target.pod.name}.${target.pod.namespace}`;
    text = await admin.ztunnelRequest(cluster, target.pod, opts.proxyAdminPort, '/config_dump');
  }
  const [{ loadZtunnelDump }, { renderZtunnelView }] = await Promise.all([import('../../core/ztunnel/dump.js'), import('../../render/ztunnel.js')]);
  const dump = loadZtunnelDump(text, origin, opts.output === 'short');
  // A workload pod named instead of a ztunnel narrows workload and connections to it, as in istioctl.
  const workload = target?.workload;
  const rendered = renderZtunnelView(
    dump,
    view,
    opts.output,
    {
      workload: {
        address: opts.address,
        node: opts.workloadNode,
        namespace: workload?.namespace ?? opts.workloadNamespace,
        name: workload?.name,
      },
      serviceNamespace: opts.serviceNamespace,
      policyNamespace: opts.policyNamespace,
      connections: { namespace: workload?.namespace ?? opts.workloadNamespace, direction: opts.direction, raw: opts.raw === true, workload: workload?.name },
      now: ctx.clock.now(),
    },
    opts.withHeaders === true,
  );
  ctx.out(rendered);
  return ExitCode.Ok;
}
