/** Sidecar ingress and egress listeners: hosts in namespace/host form, ports, binds and default endpoints that Istio accepts. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';
import { namespacedHostError } from '../names.js';
import { isIpAddress, isKnownProtocol } from '../net.js';

const DEFAULT_ENDPOINT = /^(127\.0\.0\.1|0\.0\.0\.0|\[::1\]|\[::\]):([0-9]+)$/;

export const sidecarListeners: SemanticRule = {
  name: 'sidecar.listeners',
  description: 'egress hosts are namespace/host, ports and protocols are valid and unique, ingress defaultEndpoint is a local address or socket',
  kinds: ['Sidecar'],
  check(spec, ctx) {
    // A Sidecar that configures nothing (no spec, or only a workloadSelector) is refused by Istio's webhook.
    const configures =
      ['egress', 'ingress'].some((k) => Array.isArray(spec[k]) && spec[k].length > 0) ||
      (spec.outboundTrafficPolicy !== undefined && spec.outboundTrafficPolicy !== null) ||
      (spec.inboundConnectionPool !== undefined && spec.inboundConnectionPool !== null);
    if (!configures) ctx.report(['spec'], 'empty configuration: set at least one of egress, ingress, outboundTrafficPolicy, inboundConnectionPool');
    const ingressPorts = new Set<number>();
    each(spec.ingress, (l: any, i) => {
      const at = ['spec', 'ingress', i];
      const n = l?.port?.number;
      if (typeof n === 'number') {
        if (n < 1 || n > 65535) ctx.report([...at, 'port', 'number'], `port ${n} must be between 1 and 65535`);
        else if (ingressPorts.has(n)) ctx.report([...at, 'port', 'number'], `duplicate ingress port ${n}`);
        ingressPorts.add(n);
      }
      if (typeof l?.port?.protocol === 'string' && !isKnownProtocol(l.port.protocol))
        ctx.report([...at, 'port', 'protocol'], `unknown protocol "${l.port.protocol}"`);
      if (typeof l?.bind === 'string' && l.bind !== '' && !isIpAddress(l.bind)) ctx.report([...at, 'bind'], `bind "${l.bind}" must be an IP address`);
      const ep = l?.defaultEndpoint;
      if (typeof ep === 'string' && ep !== '') {
        const m = DEFAULT_ENDPOINT.exec(ep);
        if (ep.startsWith('unix://')) {
          if (!/^unix:\/\/[/@]/.test(ep))
            ctx.report([...at, 'defaultEndpoint'], 'a unix:// defaultEndpoint must be an absolute path or an abstract socket (@name)');
        } else if (!m)
          ctx.report([...at, 'defaultEndpoint'], `defaultEndpoint "${ep}" must be 127.0.0.1:PORT, 0.0.0.0:PORT, [::1]:PORT, [::]:PORT or unix:///path`);
        else if (Number(m[2]) < 1 || Number(m[2]) > 65535) ctx.report([...at, 'defaultEndpoint'], `defaultEndpoint port ${m[2]} must be between 1 and 65535`);
      }
    });
    const egressPorts = new Set<string>();
    let catchAll = 0;
    each(spec.egress, (l: any, i) => {
      const at = ['spec', 'egress', i];
      if (Array.isArray(l?.hosts) && l.hosts.length === 0) ctx.report([...at, 'hosts'], 'an egress listener needs at least one host');
      each<string>(l?.hosts, (h, j) => {
        const problem = typeof h === 'string' ? namespacedHostError(h, false) : undefined;
        if (problem) ctx.report([...at, 'hosts', j], problem);
      });
      const n = l?.port?.number;
      if (l?.port === undefined) catchAll++;
      if (typeof n === 'number') {
        const uds = typeof l.bind === 'string' && l.bind.startsWith('unix://');
        if (!uds && (n < 1 || n > 65535)) ctx.report([...at, 'port', 'number'], `port ${n} must be between 1 and 65535`);
        const key = `${l.bind ?? ''}:${n}`;
        if (egressPorts.has(key)) ctx.report([...at, 'port', 'number'], `duplicate egress listener for port ${n}${l.bind ? ` on ${l.bind}` : ''}`);
        egressPorts.add(key);
      }
      if (typeof l?.port?.protocol === 'string' && !isKnownProtocol(l.port.protocol))
        ctx.report([...at, 'port', 'protocol'], `unknown protocol "${l.port.protocol}"`);
      if (typeof l?.bind === 'string' && l.bind !== '' && !l.bind.startsWith('unix://') && !isIpAddress(l.bind))
        ctx.report([...at, 'bind'], `bind "${l.bind}" must be an IP address or unix:// socket`);
      if (typeof l?.bind === 'string' && l.bind.startsWith('unix://') && l.captureMode !== 'NONE')
        ctx.report([...at, 'captureMode'], 'an egress listener bound to a unix socket needs captureMode NONE');
    });
    if (catchAll > 1) ctx.report(['spec', 'egress'], 'only one egress listener may omit its port (the catch-all)');
    const tp = spec.outboundTrafficPolicy;
    if (tp?.egressProxy && tp.mode !== 'ALLOW_ANY') ctx.report(['spec', 'outboundTrafficPolicy', 'egressProxy'], 'egressProxy needs mode ALLOW_ANY');
  },
};
