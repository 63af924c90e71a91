/** IST0134: ServiceEntries with TCP (or unset) protocol ports have addresses, unless Istio allocates them. */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { meshConfigOf } from '../../../model/mesh-config.js';
import { scalarString } from '../../../tree.js';

export const protocolAddresses: Analyzer = {
  meta: {
    name: 'serviceentry.Analyzer',
    description: 'Checks that ServiceEntries with TCP ports have addresses when Istio does not allocate them',
    inputs: ['ServiceEntry', 'MeshConfig'],
    codes: ['IST0134'],
  },
  analyze(ctx) {
    let autoAllocate = false;
    ctx.forEach('MeshConfig', (m) => {
      const md = meshConfigOf(m).defaultConfig?.proxyMetadata ?? {};
      autoAllocate = md.ISTIO_META_DNS_CAPTURE === 'true' && (md.ISTIO_META_DNS_AUTO_ALLOCATE === 'true' || md.PILOT_ENABLE_IP_AUTOALLOCATE === 'true');
    });
    if (autoAllocate) return;
    ctx.forEach('ServiceEntry', (se) => {
      const spec = obj(se.object.spec);
      if (arr(spec.addresses).length > 0 || arr(obj(se.object.status).addresses).length > 0) return;
      if (se.labels['networking.istio.io/enable-autoallocate-ip'] === 'true') return;
      arr(spec.ports).forEach((p, i) => {
        const protocol = scalarString(obj(p).protocol) ?? '';
        if (protocol === '' || protocol.toUpperCase() === 'TCP')
          ctx.report(se, 'IST0134', [scalarString(obj(p).number) ?? '?', protocol || 'unset'], ['spec', 'ports', i]);
      });
    });
  },
};
