/** IST0118/IST0150: service ports say their protocol (name `<protocol>[-suffix]` or appProtocol), so Istio need not sniff it. */
import type { Analyzer } from '../../types.js';
import { arr, obj, str } from '../util/access.js';
import { isControlPlane } from '../util/workloads.js';

/** Protocols Istio recognises in a port name prefix or appProtocol. */
const PROTOCOLS = new Set(['grpc', 'grpc-web', 'http', 'http2', 'https', 'http_proxy', 'tcp', 'tls', 'udp', 'mongo', 'mysql', 'redis']);
const K8S_APP_PROTOCOLS = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);

/** The protocol a port declares, or undefined when Istio would have to detect it. */
export function declaredProtocol(name: string, appProtocol: string | undefined, l4: string): string | undefined {
  if (l4.toUpperCase() === 'UDP') return 'udp';
  if (appProtocol) {
    const a = appProtocol.toLowerCase();
    if (PROTOCOLS.has(a) || K8S_APP_PROTOCOLS.has(a)) return a;
  }
  const lower = name.toLowerCase();
  if (PROTOCOLS.has(lower)) return lower;
  const dash = lower.indexOf('-');
  // `grpc-web` is itself a protocol with a dash; check it before splitting at the first dash.
  if (lower.startsWith('grpc-web-')) return 'grpc-web';
  return dash > 0 && PROTOCOLS.has(lower.slice(0, dash)) ? lower.slice(0, dash) : undefined;
}

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
        const name = str(port.name) ?? '';
        const proto = declaredProtocol(name, str(port.appProtocol), str(port.protocol) ?? 'TCP');
        if (proto !== undefined && !(external && proto === 'tcp')) return;
        if (external) ctx.report(svc, 'IST0150', [name || String(port.port)], ['spec', 'ports', i, 'name']);
        else ctx.report(svc, 'IST0118', [name || '(unnamed)', str(port.port) ?? '?', str(port.targetPort) ?? str(port.port) ?? '?'], ['spec', 'ports', i]);
      });
    });
  },
};
