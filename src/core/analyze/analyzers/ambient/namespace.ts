/**
 * MESH0011/MESH0012: sidecar-mode configuration in an ambient namespace. An EnvoyFilter that patches sidecars (no
 * targetRefs to a waypoint) finds no Envoy in ztunnel-captured pods; sidecar injection (istio-injection=enabled on
 * the namespace, sidecar.istio.io/inject=true on a pod template) takes pods out of ambient mode. Sidecar resources in
 * ambient namespaces are Istio's IST0167 (sidecar.SelectorAnalyzer).
 */
import type { Analyzer } from '../../types.js';
import { obj, arr } from '../../../model/access.js';
import { WORKLOAD_KINDS, workloads } from '../../../model/workloads.js';
import { namespaceIsAmbient } from '../../../ambient/index.js';

export const ambientNamespace: Analyzer = {
  meta: {
    name: 'ambient.NamespaceAnalyzer',
    description: 'Checks that ambient namespaces carry no sidecar injection and no EnvoyFilter for sidecars',
    inputs: ['Namespace', 'EnvoyFilter', ...WORKLOAD_KINDS],
    codes: ['MESH0011', 'MESH0012'],
  },
  analyze(ctx) {
    const ambient = (ns: string) => namespaceIsAmbient(ctx.find('Namespace', '', ns)?.labels ?? {});
    ctx.forEach('Namespace', (ns) => {
      if (namespaceIsAmbient(ns.labels) && ns.labels['istio-injection'] === 'enabled')
        ctx.report(
          ns,
          'MESH0012',
          ['istio-injection=enabled', ns.name, `kubectl label namespace ${ns.name} istio-injection-`],
          ['metadata', 'labels', 'istio-injection'],
        );
    });
    for (const w of workloads(ctx)) {
      if (w.labels['sidecar.istio.io/inject'] !== 'true' || !ambient(w.namespace)) continue;
      const at = w.specPath.slice(0, -1);
      ctx.report(
        w.resource,
        'MESH0012',
        ['sidecar.istio.io/inject=true on the pod template', w.namespace, 'remove the label to run the pod in ambient mode'],
        [...at, 'metadata', 'labels', 'sidecar.istio.io/inject'],
      );
    }
    ctx.forEach('EnvoyFilter', (ef) => {
      const spec = obj(ef.object.spec);
      if (arr(spec.targetRefs).length || !ambient(ef.namespace)) return;
      ctx.report(ef, 'MESH0011', [ef.namespace]);
    });
  },
};
