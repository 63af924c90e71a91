/** IST0118/IST0150: service ports say their protocol (name `<protocol>[-suffix]` or appProtocol), so Istio need not sniff it. */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { declaredProtocol } from '../../../model/protocol.js';
import { isControlPlane } from '../../../model/workloads.js';
import { scalarString } from '../../../tree.js';

export const portName: Analyzer = {
  meta: {
    name: 'service.PortNameAnalyzer',
    description: 'Checks that Service port names (or appProtocol) declare a protocol Istio knows',
    inputs: ['Service'],
    codes: ['IST0118', 'IST0150'],
  },
  analyze(ctx) {
    ctx.forEach('Service', (svc) => {
      if (isControlPlane(svc) || svc.labels['gateway.istio.io/managed']) return;
      const spec = obj(svc.object.spec);
      const external = spec.type === 'ExternalName';
      arr(spec.ports).forEach((p, i) => {
        const port = obj(p);
        const name = scalarString(port.name) ?? '';
        const proto = declaredProtocol(name, scalarString(port.appProtocol), scalarString(port.protocol) ?? 'TCP');
        if (proto !== undefined && !(external && proto === 'tcp')) return;
        if (external) ctx.report(svc, 'IST0150', [name || String(port.port)], ['spec', 'ports', i, 'name']);
        else
          ctx.report(
            svc,
            'IST0118',
            [name || '(unnamed)', scalarString(port.port) ?? '?', scalarString(port.targetPort) ?? scalarString(port.port) ?? '?'],
            ['spec', 'ports', i],
          );
      });
    });
  },
};
