/** IST0158: pods in injected namespaces run the proxy image the injector uses now (Istio 1.30.3 by default). */
import type { Analyzer, Resource } from '../../types.js';
import { injectorProxyImage } from './injector.js';
import { proxyImage, workloads } from '../../../model/workloads.js';

export const image: Analyzer = {
  meta: {
    name: 'injection.ImageAnalyzer',
    description: 'Checks that injected pods run the proxy image of the current injection configuration',
    inputs: ['Namespace', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ConfigMap', 'MutatingWebhookConfiguration'],
    codes: ['IST0158'],
  },
  analyze(ctx) {
    // A namespace labelled with a revision tag (istio.io/rev=prod) is injected by the revision the tag's webhook points at.
    const tagRevision = new Map<string, string>();
    ctx.forEach('MutatingWebhookConfiguration', (w) => {
      const tag = w.labels['istio.io/tag'];
      if (tag !== undefined && !tagRevision.has(tag)) tagRevision.set(tag, w.labels['istio.io/rev'] ?? 'default');
    });
    const revisions = new Map<string, { ns: Resource; revision: string | undefined }>();
    ctx.forEach('Namespace', (ns) => {
      const label = ns.labels['istio.io/rev'];
      const rev = label === undefined ? undefined : (tagRevision.get(label) ?? label);
      if (ns.labels['istio-injection'] === 'enabled' || rev !== undefined)
        revisions.set(ns.name, { ns, revision: ns.labels['istio-injection'] === 'enabled' ? tagRevision.get('default') : rev });
    });
    const mismatched = new Map<string, { expected: string; pods: string[] }>();
    for (const w of workloads(ctx)) {
      // Controllers only carry a proxy when someone ran kube-inject on them; running pods always do when injected.
      const ns = revisions.get(w.namespace);
      if (!ns || w.annotations['sidecar.istio.io/proxyImage']) continue;
      const actual = proxyImage(w.spec);
      if (!actual || actual === 'auto') continue;
      const expected = injectorProxyImage(ctx, ns.revision);
      if (actual === expected || actual.startsWith(`${expected}-`)) continue;
      const entry = mismatched.get(w.namespace) ?? { expected, pods: [] };
      entry.pods.push(w.resource.kind === 'Pod' ? w.resource.name : `${w.resource.kind}/${w.resource.name}`);
      mismatched.set(w.namespace, entry);
    }
    for (const [ns, { expected, pods }] of mismatched) ctx.report(revisions.get(ns)!.ns, 'IST0158', [expected, pods.sort()]);
  },
};
