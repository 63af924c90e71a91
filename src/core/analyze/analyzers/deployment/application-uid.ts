/** IST0144: application containers do not run as UID 1337, the proxy's (its traffic would bypass the sidecar). */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { isControlPlane, workloads } from '../../../model/workloads.js';

const PROXY_UID = 1337;

export const applicationUid: Analyzer = {
  meta: {
    name: 'applicationUID.Analyzer',
    description: 'Checks that application containers do not run as UID 1337',
    inputs: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet'],
    codes: ['IST0144'],
  },
  analyze(ctx) {
    for (const w of workloads(ctx)) {
      if (isControlPlane(w.resource)) continue;
      if (obj(w.spec.securityContext).runAsUser === PROXY_UID) {
        ctx.report(w.resource, 'IST0144', [], [...w.specPath, 'securityContext', 'runAsUser']);
        continue;
      }
      arr(w.spec.containers).forEach((c, i) => {
        const name = obj(c).name;
        if (name === 'istio-proxy' || name === 'istio-operator') return;
        if (obj(obj(c).securityContext).runAsUser === PROXY_UID) {
          ctx.report(w.resource, 'IST0144', [], [...w.specPath, 'containers', i, 'securityContext', 'runAsUser']);
        }
      });
    }
  },
};
