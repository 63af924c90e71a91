/** The body of `mesh x check-inject`: the labels of the target and its namespace, the webhooks, and the verdicts. */
import type { CommandContext } from '../../../context.js';
import type { CheckInjectOptions } from './flags.js';
import { ClusterError, ExitCode, UsageError } from '../../../errors.js';
import { parsePodArgument, POD_OWNER_KINDS } from '../../../core/model/pods.js';
import { checkInjection } from '../../../core/check-inject/webhooks.js';
import { isMap } from '../../../core/tree.js';
import { renderTable } from '../../../render/table.js';
import { renderData } from '../../../render/format.js';

/** Runs `x check-inject`; 79 when several webhooks would inject. */
export async function runCheckInject(ctx: CommandContext, target: string | undefined, opts: CheckInjectOptions): Promise<number> {
  if (target === undefined && opts.labels === undefined) {
    throw new UsageError('check-inject requires only [<resource-type>/]<resource-name>[.<namespace>], or specify labels flag', {
      hint: 'mesh x check-inject deployment/details-v1 -n test',
    });
  }
  const cluster = await ctx.cluster();
  const { podLabels, namespace } =
    target === undefined ? { podLabels: parseLabels(opts.labels!), namespace: cluster.namespace } : await targetLabels(ctx, target);
  const ns = await cluster.install.get({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  if (!ns) throw new ClusterError(`namespace "${namespace}" not found`);
  const nsLabels = labelsOf(ns.metadata);
  const configs = await cluster.install.list('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', {});
  const verdicts = checkInjection(configs, podLabels, nsLabels);
  if (!verdicts.length) throw new ClusterError('no Istio injection webhooks present in the cluster', { hint: 'install a control plane: mesh install' });
  if (opts.output !== 'table') ctx.out(renderData(verdicts, opts.output));
  else {
    const color = ctx.terminal.color;
    ctx.out(
      renderTable(
        ['WEBHOOK', 'REVISION', 'INJECTED', 'REASON'],
        verdicts.map((v) => [v.webhook, v.revision, v.injected ? { text: '✔', style: 'success' } : { text: '✘', style: 'failure' }, v.reason]),
        { padding: 2, color },
      ),
    );
  }
  const injecting = verdicts.filter((v) => v.injected).length;
  if (injecting > 1) {
    ctx.err(
      `error: multiple webhooks will inject (${verdicts
        .filter((v) => v.injected)
        .map((v) => v.webhook)
        .join(', ')}), which can lead to errors\n`,
    );
    return ExitCode.IssuesFound;
  }
  return ExitCode.Ok;
}

/** The pod labels and namespace of a target: a pod, a workload's pod (or its template), or namespace/<name>. */
async function targetLabels(ctx: CommandContext, target: string): Promise<{ podLabels: Record<string, string>; namespace: string }> {
  const cluster = await ctx.cluster();
  const nsMatch = /^(?:namespace|namespaces|ns)\/([^/]+)$/i.exec(target);
  if (nsMatch) return { podLabels: {}, namespace: nsMatch[1]! };
  const arg = parsePodArgument(target, cluster.namespace);
  if (arg.kind === 'Pod') return { podLabels: (await cluster.pods.get(arg.name, arg.namespace)).labels, namespace: arg.namespace };
  try {
    const ref = await cluster.pods.resolve(arg);
    return { podLabels: (await cluster.pods.get(ref.name, ref.namespace)).labels, namespace: ref.namespace };
  } catch (error) {
    if (!(error instanceof ClusterError)) throw error;
    // No pod yet: what the workload's pods will carry decides whether they would be injected.
    const owner = Object.values(POD_OWNER_KINDS).find((k) => k.kind === arg.kind);
    const workload = owner && (await cluster.install.get({ apiVersion: owner.apiVersion, kind: owner.kind, name: arg.name, namespace: arg.namespace }));
    if (!workload) throw error;
    const spec = isMap(workload.spec) ? workload.spec : {};
    // A Service's pods carry at least its selector's labels.
    if (arg.kind === 'Service') return { podLabels: isMap(spec.selector) ? (spec.selector as Record<string, string>) : {}, namespace: arg.namespace };
    const template = isMap(spec.template)
      ? spec.template
      : isMap(spec.jobTemplate) && isMap(spec.jobTemplate.spec)
        ? spec.jobTemplate.spec.template
        : undefined;
    return { podLabels: labelsOf(isMap(template) ? template.metadata : undefined), namespace: arg.namespace };
  }
}

function labelsOf(metadata: unknown): Record<string, string> {
  return isMap(metadata) && isMap(metadata.labels) ? (metadata.labels as Record<string, string>) : {};
}

/** `-l a=b,c=d` (equality pairs, as istioctl's ParseToLabelSelector gives its match labels). */
function parseLabels(pairs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of pairs
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^=!\s]+)\s*==?\s*([^=\s]*)$/.exec(part);
    if (!m) throw new UsageError(`--labels: "${part}" is not a key=value pair`);
    out[m[1]!] = m[2]!;
  }
  return out;
}
