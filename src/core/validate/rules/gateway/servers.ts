/** Gateway servers: at least one, each with valid hosts, port, protocol and bind, and unique port names. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';
import { dns1123LabelError, namespacedHostError } from '../names.js';
import { isIpAddress, isKnownProtocol } from '../net.js';

const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);
const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY']);

export const gatewayServers: SemanticRule = {
  name: 'gateway.servers',
  description: 'servers have hosts in [namespace/]host form, a valid port, protocol and bind, TLS exactly for HTTPS/TLS, unique port names',
  kinds: ['Gateway'],
  check(spec, ctx) {
    const name = ctx.object.metadata?.name;
    if (typeof name === 'string' && dns1123LabelError(name))
      ctx.report(['metadata', 'name'], `Gateway name "${name}" must be a DNS label (no dots): ${dns1123LabelError(name)}`);
    if (!Array.isArray(spec.servers) || spec.servers.length === 0) ctx.report(['spec', 'servers'], 'a Gateway needs at least one server');
    const portNames = new Map<string, number>();
    each(spec.servers, (server: any, i) => {
      const at = ['spec', 'servers', i];
      if (!server || typeof server !== 'object') return;
      if (Array.isArray(server.hosts) && server.hosts.length === 0) ctx.report([...at, 'hosts'], 'a server needs at least one host');
      each<string>(server.hosts, (h, j) => {
        const problem = typeof h === 'string' ? namespacedHostError(h, true) : undefined;
        if (problem) ctx.report([...at, 'hosts', j], problem);
      });
      const port = server.port;
      const protocol = typeof port?.protocol === 'string' ? port.protocol.toUpperCase() : undefined;
      const uds = typeof server.bind === 'string' && server.bind.startsWith('unix://');
      if (port && typeof port.number === 'number' && !uds && (port.number < 1 || port.number > 65535))
        ctx.report([...at, 'port', 'number'], `port ${port.number} must be between 1 and 65535`);
      if (uds && port?.number) ctx.report([...at, 'port', 'number'], 'the port number must be 0 when binding to a unix domain socket');
      if (protocol !== undefined && !isKnownProtocol(protocol))
        ctx.report([...at, 'port', 'protocol'], `unknown protocol "${port.protocol}"; use HTTP, HTTPS, GRPC, HTTP2, MONGO, REDIS, MYSQL, TCP or TLS`);
      if (port?.targetPort) ctx.report([...at, 'port', 'targetPort'], 'targetPort has no effect on Gateways');
      if (typeof port?.name === 'string') {
        if (portNames.has(port.name))
          ctx.report(
            [...at, 'port', 'name'],
            `duplicate port name "${port.name}" (also servers[${portNames.get(port.name)}]); port names must be unique across servers`,
          );
        else portNames.set(port.name, i);
      }
      if (typeof server.bind === 'string' && server.bind !== '' && !uds && !isIpAddress(server.bind))
        ctx.report([...at, 'bind'], `bind "${server.bind}" must be an IP address or unix:// socket`);
      if (protocol === undefined) return;
      if (TLS_PROTOCOLS.has(protocol) && !server.tls) ctx.report([...at, 'tls'], `a server with protocol ${protocol} needs tls settings`);
      if (!TLS_PROTOCOLS.has(protocol) && server.tls) {
        const redirectOnly =
          HTTP_PROTOCOLS.has(protocol) && server.tls.httpsRedirect && !server.tls.serverCertificate && !server.tls.privateKey && !server.tls.caCertificates;
        if (!redirectOnly)
          ctx.report([...at, 'tls'], `a ${protocol} server cannot have tls settings${HTTP_PROTOCOLS.has(protocol) ? ' (other than httpsRedirect)' : ''}`);
      }
      if (!HTTP_PROTOCOLS.has(protocol) && server.tls?.httpsRedirect)
        ctx.report([...at, 'tls', 'httpsRedirect'], 'httpsRedirect applies only to HTTP servers', 'warning');
    });
  },
};
