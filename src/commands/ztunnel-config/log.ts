/**
 * The body of `mesh ztunnel-config log`, loaded lazily: show each ztunnel's log levels, or change them through its
 * admin `/logging` (`level=<levels>`, `&reset` for `--reset`), as istioctl 1.30 does.
 */
import type { CommandContext } from '../../context.js';
import type { ZtunnelLogOptions } from './flags.js';
import { checkSource } from './run.js';
import { ClusterError, ExitCode, MeshError, UsageError } from '../../errors.js';

const LEVELS = new Set(['trace', 'debug', 'info', 'warning', 'warn', 'error', 'critical', 'off']);

/** Checks `--level` as istioctl does (`<level>` or `[<logger>:]<level>,...`) and returns what ztunnel is sent. */
export function ztunnelLevelQuery(level: string | undefined, reset: boolean): string {
  if (reset && level) throw new UsageError('--level cannot be combined with --reset');
  if (reset) return 'level=info&reset';
  for (const part of (level ?? '').split(',').filter(Boolean)) {
    const named = part.includes(':') || part.includes('=');
    // A logger may carry a namespace (`a::b:debug`): the level is what follows the last `:` or `=` of the last part.
    const tail = part.split('::').pop()!;
    const value = named ? tail.split(/[:=]/).slice(1).join(':') : part;
    if (!LEVELS.has(value)) throw new UsageError(`unrecognized logging level: ${value}`);
  }
  // Only a whole-string level is renamed to ztunnel's spelling (warning -> warn, critical -> error).
  const sent = level === 'warning' ? 'warn' : level === 'critical' ? 'error' : (level ?? '');
  return `level=${sent}`;
}

/** Runs `ztunnel-config log` on one ztunnel or on all of them. */
export async function runZtunnelLog(ctx: CommandContext, opts: ZtunnelLogOptions, args: string[]): Promise<number> {
  checkSource(opts, args);
  if (opts.output !== 'short') throw new UsageError('--output is not applicable for this command');
  const query = ztunnelLevelQuery(opts.level, opts.reset);
  if (opts.reset) ctx.err('log level reset; using default value "info" for ztunnel\n');
  const [cluster, admin] = await Promise.all([ctx.cluster(), import('../../app/ztunnel-admin.js')]);
  const pods = await admin.ztunnelLogTargets(cluster, {
    arg: args[0],
    node: opts.node,
    defaultNamespace: ctx.globals.namespace ?? ctx.globals.istioNamespace,
    istioNamespace: ctx.globals.istioNamespace,
  });
  const failed: string[] = [];
  for (const pod of pods) {
    // One ztunnel that does not answer must not leave the others unchanged (istioctl goes on too).
    try {
      const answer = await admin.ztunnelRequest(cluster, pod, opts.proxyAdminPort, `/logging?${query}`, 'POST');
      ctx.out(`${pod.name}.${pod.namespace}:\n${answer}\n`);
    } catch (error) {
      if (!(error instanceof MeshError)) throw error;
      failed.push(`${pod.name}.${pod.namespace}: ${error.message}`);
    }
  }
  if (failed.length) throw new ClusterError(failed.length === 1 ? failed[0]! : `${failed.length} of ${pods.length} ztunnels failed: ${failed.join('; ')}`);
  return ExitCode.Ok;
}
