/** ProxyConfig: concurrency and image type Istio understands. */
import type { SemanticRule } from '../types.js';

export const proxyConfigSettings: SemanticRule = {
  name: 'proxyconfig.settings',
  description: 'concurrency is not negative; image type is default, debug or distroless',
  kinds: ['ProxyConfig'],
  check(spec, ctx) {
    if (typeof spec.concurrency === 'number' && spec.concurrency < 0) ctx.report(['spec', 'concurrency'], 'concurrency must not be negative');
    const type = spec.image?.imageType;
    if (typeof type === 'string' && !['default', 'debug', 'distroless'].includes(type)) ctx.report(['spec', 'image', 'imageType'], `unknown image type "${type}": use default, debug or distroless`, 'warning');
  },
};
