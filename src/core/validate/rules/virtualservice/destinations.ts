/** Route destinations: valid host names, subset names that are DNS labels, ports in range. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { each } from '../types.js';
import { dns1123LabelError, wildcardHostError } from '../names.js';
import { isIpAddress } from '../net.js';

/** Checks one Destination (host, subset, port); also used for mirrors. */
export function checkDestination(d: any, at: FieldPath, ctx: RuleContext): void {
  if (!d || typeof d !== 'object') return;
  if (typeof d.host === 'string') {
    const problem = d.host === '*' ? 'a destination host cannot be *' : wildcardHostError(d.host);
    if (problem && !isIpAddress(d.host)) ctx.report([...at, 'host'], `invalid destination host "${d.host}": ${problem}`);
  }
  if (typeof d.subset === 'string') {
    const problem = dns1123LabelError(d.subset);
    if (problem) ctx.report([...at, 'subset'], `subset name "${d.subset}" ${problem}`);
  }
  const n = d.port?.number;
  if (typeof n === 'number' && (n < 1 || n > 65535)) ctx.report([...at, 'port', 'number'], `port ${n} must be between 1 and 65535`);
}

export const virtualServiceDestinations: SemanticRule = {
  name: 'virtualservice.destinations',
  description: 'destinations and mirrors name a valid host, subset and port',
  kinds: ['VirtualService'],
  check(spec, ctx) {
    for (const kind of ['http', 'tcp', 'tls']) {
      each(spec[kind], (route: any, i) =>
        each(route?.route, (r: any, j) => checkDestination(r?.destination, ['spec', kind, i, 'route', j, 'destination'], ctx)),
      );
    }
    each(spec.http, (http: any, i) => {
      checkDestination(http?.mirror, ['spec', 'http', i, 'mirror'], ctx);
      each(http?.mirrors, (m: any, j) => checkDestination(m?.destination, ['spec', 'http', i, 'mirrors', j, 'destination'], ctx));
    });
  },
};
