/**
 * IST0175: when RequestAuthentications exist, istiod fetches their jwksUri from wherever they point, internal
 * addresses included (a server-side request forgery path), unless BLOCKED_CIDRS_IN_JWKS_URIS lists ranges to refuse.
 * Reported on each istiod Deployment (label app=istiod) whose containers do not set it.
 */
import type { Analyzer, Resource } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

const ENV = 'BLOCKED_CIDRS_IN_JWKS_URIS';
/** Names listed in the message before "and N more". */
const SHOWN = 5;

export const blockedCidrs: Analyzer = {
  meta: {
    name: 'authn.BlockedCIDRsAnalyzer',
    description: 'Checks that istiod sets BLOCKED_CIDRS_IN_JWKS_URIS when RequestAuthentication resources exist',
    inputs: ['RequestAuthentication', 'Deployment'],
    codes: ['IST0175'],
  },
  analyze(ctx) {
    const names: string[] = [];
    ctx.forEach('RequestAuthentication', (ra) => void names.push(`${ra.namespace}/${ra.name}`));
    if (names.length === 0) return;
    const listed = names.length <= SHOWN ? names.join(', ') : `${names.slice(0, SHOWN).join(', ')} and ${names.length - SHOWN} more`;
    ctx.forEach('Deployment', (d) => {
      if (d.labels.app !== 'istiod' || setsEnv(d)) return;
      ctx.report(d, 'IST0175', [names.length, listed], ['spec', 'template', 'spec', 'containers']);
    });
  },
};

/** True when a container sets the variable: a non-empty value, or one taken from elsewhere (valueFrom), which mesh cannot see. */
function setsEnv(d: Resource): boolean {
  const containers = arr(obj(obj(obj(d.object.spec).template).spec).containers);
  return containers.some((c) => arr(obj(c).env).some((e) => obj(e).name === ENV && (Boolean(scalarString(obj(e).value)) || obj(e).valueFrom !== undefined)));
}
