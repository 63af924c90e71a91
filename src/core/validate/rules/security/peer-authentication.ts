/** PeerAuthentication: port-level mTLS only for workload-scoped policies, with at least one port. */
import type { SemanticRule } from '../types.js';

export const peerAuthenticationPorts: SemanticRule = {
  name: 'peerauthentication.ports',
  description: 'portLevelMtls is not empty; a mesh or namespace-wide policy (no selector) warns about settings that have no effect',
  kinds: ['PeerAuthentication'],
  check(spec, ctx) {
    const ports = spec.portLevelMtls;
    if (ports && typeof ports === 'object' && Object.keys(ports).length === 0)
      ctx.report(['spec', 'portLevelMtls'], 'portLevelMtls, if set, must list at least one port');
    if (spec.mtls?.mode === 'UNSET' && !spec.selector && !ports)
      ctx.report(['spec', 'mtls', 'mode'], 'mode UNSET on a namespace-wide policy inherits from the mesh: the policy has no effect', 'warning');
  },
};
