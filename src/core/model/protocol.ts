/** The protocol a Service port declares to Istio, by name prefix or appProtocol (analyze and describe both ask). */

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
