/** The body of `mesh x injector list`. */
import type { CommandContext } from '../../../context.js';
import { ExitCode } from '../../../errors.js';
import { listInjectors, podRevisionsText } from '../../../core/check-inject/injectors.js';
import { renderTable } from '../../../render/table.js';
import { renderData } from '../../../render/format.js';

/** Lists namespaces, pods, injector webhooks and injector ConfigMaps, and prints istioctl's two tables (or the data). */
export async function runInjectorList(ctx: CommandContext, output: 'table' | 'json' | 'yaml'): Promise<number> {
  const { install } = await ctx.cluster();
  const [namespaces, hooks, pods, configMaps] = await Promise.all([
    install.list('v1', 'Namespace', {}),
    install.list('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', { labelSelector: 'app=sidecar-injector' }),
    install.list('v1', 'Pod', {}),
    install.list('v1', 'ConfigMap', { labelSelector: 'istio.io/rev' }),
  ]);
  const listing = listInjectors({ namespaces, hooks, pods, configMaps, istioNamespace: ctx.globals.istioNamespace, namespace: ctx.globals.namespace });
  if (output !== 'table') {
    ctx.out(renderData(listing, output));
    return ExitCode.Ok;
  }
  let text = listing.namespaces.length
    ? renderTable(
        ['NAMESPACE', 'ISTIO-REVISION', 'POD-REVISIONS'],
        listing.namespaces.map((r) => [r.namespace, r.istioRevision, podRevisionsText(r)]),
        { padding: 1 },
      )
    : 'No Istio injected namespaces present.\n';
  text += '\n';
  text += listing.hooks.length
    ? renderTable(
        ['NAMESPACES', 'INJECTOR-HOOK', 'ISTIO-REVISION', 'SIDECAR-IMAGE'],
        listing.hooks.map((h) => [h.namespace ?? 'DOES NOT AUTOINJECT', h.hook, h.revision, h.sidecarImage]),
        { padding: 1 },
      )
    : 'No Istio injection hooks present.\n';
  ctx.out(text);
  return ExitCode.Ok;
}
