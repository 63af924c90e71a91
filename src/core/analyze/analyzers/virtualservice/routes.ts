/** The destinations a VirtualService sends traffic to, each with the path of its `destination` field. */
import type { Resource } from '../../types.js';
import { arr, num, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

/** One destination of a route, mirror or mirrors entry. */
export interface RouteDestination {
  host: string;
  subset?: string;
  port?: number;
  /** `route`, `mirror` or `mirrors`. */
  role: 'route' | 'mirror';
  /** Path of the `destination` mapping inside the object. */
  path: (string | number)[];
}

/** Every destination of http/tcp/tls routes and of http mirrors, in document order. */
export function destinationsOf(vs: Resource): RouteDestination[] {
  const spec = obj(vs.object.spec);
  const out: RouteDestination[] = [];
  const push = (d: unknown, role: RouteDestination['role'], path: (string | number)[]): void => {
    const dest = obj(d);
    const host = scalarString(dest.host);
    if (!host) return;
    out.push({ host, subset: scalarString(dest.subset) || undefined, port: num(obj(dest.port).number), role, path });
  };
  for (const section of ['http', 'tcp', 'tls'] as const) {
    arr(spec[section]).forEach((rule, i) => {
      arr(obj(rule).route).forEach((route, j) => push(obj(route).destination, 'route', ['spec', section, i, 'route', j, 'destination']));
      if (section !== 'http') return;
      if (obj(rule).mirror) push(obj(rule).mirror, 'mirror', ['spec', 'http', i, 'mirror']);
      arr(obj(rule).mirrors).forEach((m, j) => push(obj(m).destination, 'mirror', ['spec', 'http', i, 'mirrors', j, 'destination']));
    });
  }
  return out;
}

/** The gateways a VirtualService binds to (none means only `mesh`). */
export function gatewaysOf(vs: Resource): string[] {
  return arr(obj(vs.object.spec).gateways)
    .map((g) => scalarString(g) ?? '')
    .filter(Boolean);
}
