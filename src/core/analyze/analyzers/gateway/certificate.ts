/** IST0138: Gateways on the same workload serve the same certificate (HTTP/2 connection reuse then yields 404s). */
import type { Analyzer, Resource } from '../../types.js';
import { arr, obj, strMap } from '../../../model/access.js';
import { selects } from '../../../model/selectors.js';
import { scalarString } from '../../../tree.js';

export const certificate: Analyzer = {
  meta: {
    name: 'gateway.CertificateAnalyzer',
    description: 'Checks that Gateways on the same workload do not share a certificate',
    inputs: ['Gateway'],
    codes: ['IST0138'],
  },
  analyze(ctx) {
    const gws: { gw: Resource; selector: Record<string, string>; certs: Set<string> }[] = [];
    ctx.forEach('Gateway', (gw) => {
      const certs = new Set<string>();
      for (const s of arr(obj(gw.object.spec).servers)) {
        const tls = obj(obj(s).tls);
        const cn = scalarString(tls.credentialName);
        if (cn) certs.add(`cred:${cn}`);
        else if (scalarString(tls.serverCertificate) && scalarString(tls.privateKey))
          certs.add(`file:${scalarString(tls.serverCertificate)}|${scalarString(tls.privateKey)}`);
      }
      if (certs.size) gws.push({ gw, selector: strMap(obj(gw.object.spec).selector), certs });
    });
    for (const a of gws) {
      for (const b of gws) {
        if (a === b || !sameWorkload(a.selector, b.selector) || ![...a.certs].some((c) => b.certs.has(c))) continue;
        ctx.report(a.gw, 'IST0138', [[`${a.gw.namespace}/${a.gw.name}`, `${b.gw.namespace}/${b.gw.name}`]], ['spec', 'servers']);
      }
    }
  },
};

/** One selector is contained in the other, so some workload can carry both gateways. */
function sameWorkload(a: Record<string, string>, b: Record<string, string>): boolean {
  return selects(a, b) || selects(b, a);
}
