/**
 * Ingress exposure: VirtualServices bound to an Istio Gateway that route to the service, the gateway Services
 * in front of the Gateway's pods, and the URLs they are reachable at (load-balancer address, else "unknown").
 */
import type { Resource } from '../model/resource.js';
import type { SnapshotView } from '../model/view.js';
import { arr, num, obj, strMap, strs } from '../model/access.js';
import { selects } from '../model/selectors.js';
import { workloads } from '../model/workloads.js';
import type { IngressFacts } from './model.js';
import { virtualServiceFacts } from './traffic.js';
import { scalarString } from '../tree.js';

const SCHEMES: Record<string, string> = { HTTP: 'http', HTTP2: 'http', HTTPS: 'https', GRPC: 'http', TLS: 'tls', TCP: 'tcp' };
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/** Gateways exposing `fqdn`, with URLs; `warnings` collects gateways VirtualServices name that do not exist. */
export function ingressFor(
  ctx: SnapshotView,
  fqdn: string,
  subsets: { matching: string[]; nonMatching: string[] } | undefined,
  dr: Resource | undefined,
  warnings: string[],
): IngressFacts[] {
  const out: IngressFacts[] = [];
  const seen = new Set<string>();
  ctx.forEach('VirtualService', (vs) => {
    for (const ref of strs(obj(vs.object.spec).gateways)) {
      if (ref === 'mesh' || (ref.includes('/') && ref.split('/')[1] === 'mesh')) continue;
      const [gwNs, gwName] = ref.includes('/') ? (ref.split('/', 2) as [string, string]) : [vs.namespace, ref];
      const key = `${vs.namespace}/${vs.name}@${gwNs}/${gwName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A gateway's VirtualService matches external host names; what ties it to the service is a route destination.
      const facts = virtualServiceFacts(vs, fqdn, undefined, subsets, dr);
      if (!facts.matchingRoutes.length) continue;
      const gateway = ctx.find('Gateway', gwNs, gwName);
      if (!gateway) {
        if (ctx.knows('Gateway')) warnings.push(`VirtualService ${vs.name}.${vs.namespace} binds gateway ${gwNs}/${gwName}, which does not exist`);
        continue;
      }
      out.push({ gateway: { name: gwName, namespace: gwNs }, urls: urlsOf(ctx, gateway), virtualService: facts });
    }
  });
  return out;
}

function urlsOf(ctx: SnapshotView, gateway: Resource): string[] {
  const spec = obj(gateway.object.spec);
  const selector = strMap(spec.selector);
  const pods = workloads(ctx).filter((w) => selects(selector, w.labels));
  const urls = new Set<string>();
  ctx.forEach('Service', (svc) => {
    const sel = strMap(obj(svc.object.spec).selector);
    if (Object.keys(sel).length === 0 || !pods.some((p) => p.namespace === svc.namespace && selects(sel, p.labels))) return;
    const address = addressOf(svc);
    for (const s of arr(spec.servers)) {
      const server = obj(obj(s).port);
      const number = num(server.number);
      const scheme = SCHEMES[(scalarString(server.protocol) ?? '').toUpperCase()];
      if (number === undefined || !scheme) continue;
      // Gateway servers listen on the pod port; the Service port that targets it is what clients use.
      const sp = arr(obj(svc.object.spec).ports)
        .map(obj)
        .find((p) => (num(p.targetPort) ?? num(p.port)) === number || num(p.port) === number);
      if (!sp) continue;
      const port = num(sp.port)!;
      urls.add(`${scheme}://${address}${DEFAULT_PORTS[scheme] === port ? '' : `:${port}`}`);
    }
  });
  return [...urls].sort();
}

function addressOf(svc: Resource): string {
  const ingress = obj(arr(obj(obj(svc.object.status).loadBalancer).ingress)[0]);
  return scalarString(ingress.ip) ?? scalarString(ingress.hostname) ?? 'unknown';
}
