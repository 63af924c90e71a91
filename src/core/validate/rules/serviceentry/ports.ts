/** ServiceEntry ports: unique names, known protocols. Numbers are checked by the CRD's CEL rules. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';
import { isKnownProtocol } from '../net.js';

export const serviceEntryPorts: SemanticRule = {
  name: 'serviceentry.ports',
  description: 'port names are unique and non-empty; protocols are ones Istio knows',
  kinds: ['ServiceEntry'],
  check(spec, ctx) {
    const names = new Set<string>();
    each(spec.ports, (p: any, i) => {
      const at = ['spec', 'ports', i];
      if (typeof p?.name === 'string') {
        if (p.name === '') ctx.report([...at, 'name'], 'port name must not be empty');
        else if (names.has(p.name)) ctx.report([...at, 'name'], `port name "${p.name}" is already defined`);
        names.add(p.name);
      }
      if (typeof p?.protocol === 'string' && p.protocol !== '' && !isKnownProtocol(p.protocol))
        ctx.report([...at, 'protocol'], `unknown protocol "${p.protocol}"`);
    });
  },
};
