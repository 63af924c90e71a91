/** ServiceEntry hosts and addresses: valid names (prefix wildcards only), IPs or CIDRs, unique. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';
import { wildcardHostError } from '../names.js';
import { ipOrCidrError, isIpAddress } from '../net.js';

export const serviceEntryHostsAndAddresses: SemanticRule = {
  name: 'serviceentry.hosts-and-addresses',
  description: 'hosts are valid DNS names with at most a prefix wildcard; addresses are IPs or CIDRs',
  kinds: ['ServiceEntry'],
  check(spec, ctx) {
    const seen = new Set<string>();
    each<string>(spec.hosts, (h, i) => {
      if (typeof h !== 'string' || h === '*') return; // a bare * is the CEL rule's to report
      const problem = wildcardHostError(h);
      if (problem && !isIpAddress(h)) ctx.report(['spec', 'hosts', i], `invalid host "${h}": ${problem}`);
      if (seen.has(h.toLowerCase())) ctx.report(['spec', 'hosts', i], `duplicate host "${h}"`);
      seen.add(h.toLowerCase());
    });
    each<string>(spec.addresses, (a, i) => {
      const problem = typeof a === 'string' ? ipOrCidrError(a) : undefined;
      if (problem) ctx.report(['spec', 'addresses', i], problem);
    });
  },
};
