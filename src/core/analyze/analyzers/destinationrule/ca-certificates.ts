/** IST0128/IST0129: TLS origination (SIMPLE or MUTUAL) verifies the server with caCertificates (or a credentialName). */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

export const caCertificates: Analyzer = {
  meta: {
    name: 'destinationrule.CaCertificateAnalyzer',
    description: 'Checks that DestinationRules with TLS mode SIMPLE or MUTUAL set caCertificates',
    inputs: ['DestinationRule'],
    codes: ['IST0128', 'IST0129'],
  },
  analyze(ctx) {
    ctx.forEach('DestinationRule', (dr) => {
      const spec = obj(dr.object.spec);
      const host = scalarString(spec.host) ?? '';
      const selected = spec.workloadSelector !== undefined;
      const unverified = (tls: Record<string, unknown>): string | undefined => {
        const mode = scalarString(tls.mode);
        if (mode !== 'SIMPLE' && mode !== 'MUTUAL') return undefined;
        if (scalarString(tls.caCertificates) || (scalarString(tls.credentialName) && selected) || tls.insecureSkipVerify === true) return undefined;
        return mode;
      };
      const policy = obj(spec.trafficPolicy);
      const mode = unverified(obj(policy.tls));
      if (mode) ctx.report(dr, 'IST0128', [dr.name, dr.namespace, mode, host], ['spec', 'trafficPolicy', 'tls', 'mode']);
      arr(policy.portLevelSettings).forEach((pls, i) => {
        const m = unverified(obj(obj(pls).tls));
        if (m)
          ctx.report(
            dr,
            'IST0129',
            [dr.name, dr.namespace, m, host, scalarString(obj(obj(pls).port).number) ?? '?'],
            ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls', 'mode'],
          );
      });
    });
  },
};
