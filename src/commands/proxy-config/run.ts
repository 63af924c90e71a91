/**
 * The body of the proxy-config views and of rootca-compare, loaded lazily by index.ts: read the dump from a file
 * or from the pod's Envoy (through ctx.cluster()), hand the text to the pure core, render, print.
 */
import type { CommandContext } from '../../context.js';
import type { RootCaOptions, ViewCommandOptions } from './flags.js';
import { POD_ARG, viewCommand, type ViewCommand } from './views.js';
import { ExitCode, InputError, UsageError } from '../../errors.js';
import { readDumpFile } from '../../app/dump-file.js';

/** Runs one view subcommand: `--file` or a pod, never both. */
export async function runView(ctx: CommandContext, view: ViewCommand, opts: ViewCommandOptions, args: string[]): Promise<number> {
  const target = args[0];
  if ((target === undefined) === (opts.file === undefined)) {
    throw new UsageError(`proxy-config ${view.name} needs either a pod (${POD_ARG}) or --file, ${target === undefined ? 'got neither' : 'not both'}`);
  }
  let text: string;
  let origin: string;
  if (opts.file !== undefined) {
    ({ text, origin } = await readDumpFile(ctx, opts.file));
  } else {
    const [cluster, admin] = await Promise.all([ctx.cluster(), import('../../app/proxy-admin.js')]);
    const pod = await admin.proxyTarget(cluster, target!);
    origin = `${view.adminPath.split('?')[0]} of ${pod.name}.${pod.namespace}`;
    text = await admin.adminRequest(cluster, pod, opts.proxyAdminPort, view.adminPath);
  }
  const { renderView } = await import('../../render/proxy-config.js');
  const result = renderView(view.name, text, origin, {
    output: opts.output,
    cluster: { fqdn: opts.fqdn, port: opts.port, subset: opts.subset, direction: opts.direction },
    listener: { address: opts.address, port: opts.port, type: opts.type },
    route: { name: opts.name },
    endpoint: { address: opts.address, port: opts.port, cluster: opts.cluster, status: opts.status },
    brief: opts.brief === true,
    waypoint: opts.waypoint === true,
    withHeaders: opts.withHeaders === true,
    now: new Date(ctx.clock.now()),
  });
  if ('text' in result) {
    ctx.out(result.text);
  } else {
    const { renderData } = await import('../../render/format.js');
    ctx.out(renderData(result.data, opts.output as 'json' | 'yaml'));
  }
  return ExitCode.Ok;
}

/** `proxy-config rootca-compare`: 0 when both proxies' ROOTCA bundles share a certificate, 79 when not. */
export async function runRootCaCompare(ctx: CommandContext, opts: RootCaOptions, args: string[]): Promise<number> {
  const [cluster, admin, { loadConfigDump }, { rootCertificates, shareRootCertificate }] = await Promise.all([
    ctx.cluster(),
    import('../../app/proxy-admin.js'),
    import('../../core/proxy-config/dump.js'),
    import('../../core/proxy-config/secrets.js'),
  ]);
  const names: string[] = [];
  const bundles: Buffer[][] = [];
  for (const arg of args.slice(0, 2)) {
    const pod = await admin.proxyTarget(cluster, arg);
    const name = `${pod.name}.${pod.namespace}`;
    const text = await admin.adminRequest(cluster, pod, opts.proxyAdminPort, viewCommand('secret').adminPath);
    const roots = rootCertificates(loadConfigDump(text, `/config_dump of ${name}`));
    if (roots.length === 0) throw new InputError(`${name}: the proxy holds no ROOTCA certificate (is it connected to istiod?)`);
    names.push(name);
    bundles.push(roots);
  }
  if (shareRootCertificate(bundles[0]!, bundles[1]!)) {
    ctx.out(`${names[0]} and ${names[1]} trust the same root CA: mTLS between them can be verified\n`);
    return ExitCode.Ok;
  }
  ctx.out(`${names[0]} and ${names[1]} trust different root CAs: mTLS between them will fail\n`);
  return ExitCode.IssuesFound;
}
