/** ProxyConfig: an image type Istio understands. */
import type { SemanticRule } from '../types.js';

export const proxyConfigSettings: SemanticRule = {
  name: 'proxyconfig.settings',
  description: 'image type is default, debug or distroless (warning); the schema bounds concurrency',
  kinds: ['ProxyConfig'],
  check(spec, ctx) {
    const type = spec.image?.imageType;
    if (typeof type === 'string' && !['default', 'debug', 'distroless'].includes(type))
      ctx.report(['spec', 'image', 'imageType'], `unknown image type "${type}": use default, debug or distroless`, 'warning');
  },
};
