/**
 * MESH0001: a DestinationRule turns TLS off (mode DISABLE) for a service whose workloads require STRICT mutual
 * TLS through PeerAuthentication (namespace-wide or mesh-wide). Clients then send plaintext that the server
 * refuses. Istio reported this as IST0113 until it retired the check; mesh keeps it under its own code.
 */
import type { Analyzer, Resource } from '../../types.js';
import { obj, strMap } from '../../../model/access.js';
import { meshConfigOf } from '../../../model/mesh-config.js';
import { splitServiceHost, toFqdn } from '../../../model/hosts.js';
import { isEmpty } from '../../../model/selectors.js';
import { scalarString } from '../../../tree.js';

export const mtlsConflict: Analyzer = {
  meta: {
    name: 'auth.MTLSConflictAnalyzer',
    description: 'Checks for DestinationRules that disable TLS towards workloads whose PeerAuthentication requires mTLS',
    inputs: ['DestinationRule', 'PeerAuthentication', 'MeshConfig'],
    codes: ['MESH0001'],
  },
  analyze(ctx) {
    let root = ctx.istioNamespace;
    ctx.forEach('MeshConfig', (m) => void (root = meshConfigOf(m).rootNamespace || root));
    // Namespace (or root = mesh-wide) → the selector-less PeerAuthentication that governs it.
    const policies = new Map<string, Resource>();
    ctx.forEach('PeerAuthentication', (pa) => {
      if (isEmpty(strMap(obj(obj(pa.object.spec).selector).matchLabels))) policies.set(pa.namespace, pa);
    });
    ctx.forEach('DestinationRule', (dr) => {
      const spec = obj(dr.object.spec);
      if (scalarString(obj(obj(spec.trafficPolicy).tls).mode) !== 'DISABLE') return;
      const host = scalarString(spec.host);
      const target = host ? splitServiceHost(toFqdn(dr.namespace, host)) : undefined;
      if (!target) return;
      const pa = policies.get(target.namespace) ?? policies.get(root);
      if (!pa || scalarString(obj(obj(pa.object.spec).mtls).mode) !== 'STRICT') return;
      ctx.report(dr, 'MESH0001', [host, `${pa.namespace}/${pa.name}`], ['spec', 'trafficPolicy', 'tls', 'mode']);
    });
  },
};
