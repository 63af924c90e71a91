/** The I/O half of `mesh proxy-config`: read a file or ask the pod's Envoy, hand the text to the pure core, print. */
import { readFile } from 'node:fs/promises';
import type { CommandContext } from '../context.js';
import type { ProxyConfigOptions } from './proxy-config.js';
import type { View } from '../core/proxy-config/view.js';
import { ClusterError, ExitCode, InputError, MeshError, UsageError } from '../errors.js';

/** What each view asks Envoy for (istioctl's masks: less to transfer from a big proxy). */
const ADMIN_PATHS: Record<View, string> = {
  all: '/config_dump?include_eds=true',
  bootstrap: '/config_dump?mask=bootstrap',
  cluster: '/config_dump?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters',
  ecds: '/config_dump',
  eds: '/config_dump?include_eds=true',
  endpoint: '/clusters?format=json',
  listener: '/config_dump?mask=dynamic_listeners,static_listeners',
  route: '/config_dump?mask=dynamic_route_configs,static_route_configs',
  secret: '/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets',
};

/** Reads `--file` (`-` is stdin) as text; a missing or unreadable file is an InputError naming it. */
async function readInput(ctx: CommandContext, file: string): Promise<{ text: string; origin: string }> {
  if (file === '-') return { text: stripBom((await ctx.readStdin()).toString('utf8')), origin: '<stdin>' };
  try {
    return { text: stripBom(await readFile(file, 'utf8')), origin: file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a JSON file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`${file}: ${why}`, { cause: error });
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Runs one view subcommand (everything but `log`). */
export async function runView(ctx: CommandContext, view: View, opts: ProxyConfigOptions, args: string[]): Promise<number> {
  const target = args[0];
  if ((target === undefined) === (opts.file === undefined)) {
    throw new UsageError(`proxy-config ${view} needs either a pod (<pod-name[.namespace]> or <type>/<name>[.namespace]) or --file, ${target === undefined ? 'got neither' : 'not both'}`);
  }
  let text: string;
  let origin: string;
  if (opts.file !== undefined) {
    ({ text, origin } = await readInput(ctx, opts.file));
  } else {
    const { proxyTarget, adminRequest } = await import('../adapters/kube/proxy-admin.js');
    const { conn, pods } = await proxyTarget(ctx.globals, target!);
    const pod = pods[0]!;
    origin = `${ADMIN_PATHS[view].split('?')[0]} of ${pod.name}.${pod.namespace}`;
    text = await adminRequest(conn, pod, opts.proxyAdminPort, ADMIN_PATHS[view]);
  }
  const { renderView } = await import('../render/proxy-config.js');
  const result = renderView(view, text, origin, {
    output: opts.output,
    cluster: { fqdn: opts.fqdn, port: opts.port, subset: opts.subset, direction: opts.direction },
    listener: { address: opts.address, port: opts.port, type: opts.type },
    route: { name: opts.name },
    endpoint: { address: opts.address, port: opts.port, cluster: opts.cluster, status: opts.status },
    brief: opts.brief === true,
    waypoint: opts.waypoint === true,
    withHeaders: opts.withHeaders === true,
    now: new Date(),
  });
  if ('text' in result) {
    ctx.out(result.text);
  } else {
    const { renderData } = await import('../render/format.js');
    ctx.out(renderData(result.data, opts.output as 'json' | 'yaml'));
  }
  return 0;
}

/** `proxy-config log`: list the loggers of each pod, or change their levels first. */
export async function runLog(ctx: CommandContext, opts: ProxyConfigOptions, args: string[]): Promise<number> {
  if (!args[0] && !opts.selector) throw new UsageError('proxy-config log needs a pod (<pod-name[.namespace]> or <type>/<name>[.namespace]) or --selector');
  if (args[0] && opts.selector) throw new UsageError('proxy-config log takes a pod or --selector, not both');
  if (opts.reset && opts.level) throw new UsageError('--level cannot be combined with --reset');
  const admin = await import('../adapters/kube/proxy-admin.js');
  const { parseLoggers, planLogChanges, DEFAULT_LOG_LEVEL } = await import('../core/proxy-config/logging.js');
  const { conn, pods } = opts.selector ? await admin.proxyTargetsBySelector(ctx.globals, opts.selector) : await admin.proxyTarget(ctx.globals, args[0]!);
  const port = opts.proxyAdminPort;
  // Levels and logger names are checked against the first proxy before anything changes anywhere.
  const first = await admin.adminRequest(conn, pods[0]!, port, '/logging', 'POST');
  const resetLevel = opts.reset ? ((await admin.injectorLogLevel(conn, ctx.globals.istioNamespace)) ?? DEFAULT_LOG_LEVEL) : DEFAULT_LOG_LEVEL;
  const changes = planLogChanges(opts.level, opts.reset === true, Object.keys(parseLoggers(first)), resetLevel);
  const results: { pod: string; namespace: string; loggers: Record<string, string>; text: string }[] = [];
  const failed: string[] = [];
  for (const [i, pod] of pods.entries()) {
    // One proxy that does not answer must not keep the others of a selector unchanged (istioctl goes on too).
    try {
      let answer = i === 0 ? first : await admin.adminRequest(conn, pod, port, '/logging', 'POST');
      for (const query of changes) answer = await admin.adminRequest(conn, pod, port, `/logging?${query}`, 'POST');
      results.push({ pod: pod.name, namespace: pod.namespace, loggers: parseLoggers(answer), text: answer });
    } catch (error) {
      if (!(error instanceof MeshError) || pods.length === 1) throw error;
      failed.push(error.message);
    }
  }
  if (opts.output === 'short') {
    ctx.out(results.map((r) => `${r.pod}.${r.namespace}:\n${r.text.endsWith('\n') ? r.text : `${r.text}\n`}`).join(''));
  } else {
    const { renderData } = await import('../render/format.js');
    ctx.out(renderData(results.map(({ pod, namespace, loggers }) => ({ pod, namespace, loggers })), opts.output));
  }
  if (failed.length) throw new ClusterError(`${failed.length} of ${pods.length} proxies failed: ${failed.join('; ')}`);
  return 0;
}

/** `proxy-config rootca-compare`: 0 when both proxies' ROOTCA bundles share a certificate, 79 when not. */
export async function runRootCaCompare(ctx: CommandContext, opts: ProxyConfigOptions, args: string[]): Promise<number> {
  const admin = await import('../adapters/kube/proxy-admin.js');
  const { loadConfigDump } = await import('../core/proxy-config/dump.js');
  const { rootCertificates, shareRootCertificate } = await import('../core/proxy-config/secrets.js');
  const names: string[] = [];
  const bundles: Buffer[][] = [];
  for (const arg of args.slice(0, 2)) {
    const { conn, pods } = await admin.proxyTarget(ctx.globals, arg);
    const pod = pods[0]!;
    const name = `${pod.name}.${pod.namespace}`;
    const text = await admin.adminRequest(conn, pod, opts.proxyAdminPort, ADMIN_PATHS.secret);
    const roots = rootCertificates(loadConfigDump(text, `/config_dump of ${name}`));
    if (roots.length === 0) throw new InputError(`${name}: the proxy holds no ROOTCA certificate (is it connected to istiod?)`);
    names.push(name);
    bundles.push(roots);
  }
  if (shareRootCertificate(bundles[0]!, bundles[1]!)) {
    ctx.out(`${names[0]} and ${names[1]} trust the same root CA: mTLS between them can be verified\n`);
    return 0;
  }
  ctx.out(`${names[0]} and ${names[1]} trust different root CAs: mTLS between them will fail\n`);
  return ExitCode.IssuesFound;
}
