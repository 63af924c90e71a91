/** IST0116/IST0137: Services selecting the same in-mesh Deployment agree on each port's protocol and targetPort. */
import type { Analyzer, Resource } from '../../types.js';
import { arr, obj, strMap } from '../../../model/access.js';
import { SelectorIndex } from '../../../model/label-index.js';
import { scalarString } from '../../../tree.js';

export const multiService: Analyzer = {
  meta: {
    name: 'deployment.MultiServiceAnalyzer',
    description: 'Checks that Services selecting the same Deployment use each port with one protocol and one targetPort mapping',
    inputs: ['Deployment', 'Service'],
    codes: ['IST0116', 'IST0137'],
  },
  analyze(ctx) {
    const services: Resource[] = [];
    ctx.forEach('Service', (s) => void services.push(s));
    const bySelector = new SelectorIndex(
      services,
      (s) => strMap(obj(s.object.spec).selector),
      (s) => s.namespace,
    );
    ctx.forEach('Deployment', (d) => {
      if (d.labels['gateway.istio.io/managed'] === 'istio.io-mesh-controller') return;
      const podLabels = strMap(obj(obj(obj(d.object.spec).template).metadata).labels);
      const matching = bySelector.selecting(podLabels, d.namespace);
      if (matching.length < 2) return;
      const protocols = new Map<string, Map<string, string[]>>();
      const targets = new Map<string, Map<string, string>>();
      for (const s of matching) {
        for (const p of arr(obj(s.object.spec).ports).map(obj)) {
          const port = scalarString(p.port) ?? '';
          const proto = scalarString(p.protocol) ?? 'TCP';
          const byProto = protocols.get(port) ?? new Map<string, string[]>();
          byProto.set(proto, [...(byProto.get(proto) ?? []), `${s.namespace}/${s.name}`]);
          protocols.set(port, byProto);
          const target = scalarString(p.targetPort) && scalarString(p.targetPort) !== '0' ? scalarString(p.targetPort)! : port;
          const byPort = targets.get(target) ?? new Map<string, string>();
          byPort.set(port, `${s.namespace}/${s.name}`);
          targets.set(target, byPort);
        }
      }
      for (const [port, byProto] of protocols) {
        if (byProto.size > 1) ctx.report(d, 'IST0116', [d.name, port, [...byProto.values()].flat().sort()]);
      }
      for (const [target, byPort] of targets) {
        if (byPort.size > 1)
          ctx.report(d, 'IST0137', [d.name, [...new Set(byPort.values())].sort(), target, [...byPort.keys()].map(Number).sort((a, b) => a - b)]);
      }
    });
  },
};
