/** What each ServiceEntry resolution mode requires of hosts, endpoints and ports. */
import type { SemanticRule } from '../types.js';
import { each, entries } from '../types.js';
import { plainHostError } from '../names.js';
import { isIpAddress } from '../net.js';

export const serviceEntryResolution: SemanticRule = {
  name: 'serviceentry.resolution',
  description: 'endpoints fit the resolution mode (IPs for STATIC, names or IPs for DNS, none for DYNAMIC_DNS) and use declared ports',
  kinds: ['ServiceEntry'],
  check(spec, ctx) {
    const resolution = spec.resolution ?? 'NONE';
    const hosts: string[] = Array.isArray(spec.hosts) ? spec.hosts.filter((h: unknown) => typeof h === 'string') : [];
    const portNames = new Set((Array.isArray(spec.ports) ? spec.ports : []).map((p: any) => p?.name));
    if (resolution === 'NONE' && spec.workloadSelector)
      ctx.report(['spec', 'workloadSelector'], 'workloadSelector has no effect with resolution NONE', 'warning');
    if (!spec.workloadSelector && !spec.endpoints && resolution === 'STATIC')
      ctx.report(['spec'], 'resolution STATIC needs endpoints or a workloadSelector', 'warning');
    each(spec.endpoints, (e: any, i) => {
      const at = ['spec', 'endpoints', i];
      const address: unknown = e?.address;
      if (typeof address === 'string' && address !== '' && !address.startsWith('unix://')) {
        if (resolution === 'STATIC' && !isIpAddress(address))
          ctx.report([...at, 'address'], `endpoint address "${address}" must be an IP address (or unix:// socket) for resolution STATIC`);
        if ((resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && !isIpAddress(address) && plainHostError(address)) {
          ctx.report([...at, 'address'], `endpoint address "${address}" is not a valid FQDN or IP address`);
        }
      }
      for (const [name] of entries(e?.ports)) {
        if (!portNames.has(name)) ctx.report([...at, 'ports', name], `endpoint port "${name}" is not one of the ServiceEntry's ports`);
      }
    });
    if ((resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && !(Array.isArray(spec.endpoints) && spec.endpoints.length)) {
      // Istio checks each host as a plain FQDN here (agent.ValidateFQDN), so a wildcard is refused too, whatever its
      // error text says about prefix wildcards: there is no name to resolve.
      each<string>(hosts, (h, i) => {
        const problem = h.includes('*') ? 'a wildcard cannot be resolved' : plainHostError(h);
        if (problem) ctx.report(['spec', 'hosts', i], `host "${h}" must be a fully qualified name for resolution ${resolution} without endpoints: ${problem}`);
      });
    }
    if (resolution === 'DYNAMIC_DNS') {
      each<string>(hosts, (h, i) => {
        if (!h.startsWith('*')) ctx.report(['spec', 'hosts', i], 'hosts must be wildcards (*.example.com) for resolution DYNAMIC_DNS');
      });
      if (Array.isArray(spec.addresses) && spec.addresses.length) ctx.report(['spec', 'addresses'], 'addresses cannot be set for resolution DYNAMIC_DNS');
      if (Array.isArray(spec.endpoints) && spec.endpoints.length) ctx.report(['spec', 'endpoints'], 'endpoints cannot be set for resolution DYNAMIC_DNS');
      each(spec.ports, (p: any, i) => {
        const proto = String(p?.protocol ?? '').toUpperCase();
        if (!['HTTP', 'TLS', 'GRPC', 'HTTP2'].includes(proto))
          ctx.report(['spec', 'ports', i, 'protocol'], 'resolution DYNAMIC_DNS supports only HTTP, TLS, GRPC and HTTP2 ports');
      });
    }
    if (Array.isArray(spec.addresses) && spec.addresses.length && hosts.length > 1 && resolution !== 'NONE') {
      const tcp = (Array.isArray(spec.ports) ? spec.ports : []).some((p: any) => !p?.protocol || String(p.protocol).toUpperCase() === 'TCP');
      if (tcp) ctx.report(['spec', 'hosts'], 'several hosts with addresses and a TCP port: Istio cannot tell the hosts apart', 'warning');
    }
  },
};
