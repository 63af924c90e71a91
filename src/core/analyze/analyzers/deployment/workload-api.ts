/**
 * MESH0006/MESH0007: workloads the API server refuses although their YAML is fine: a beta apiVersion removed in
 * Kubernetes 1.16 (`extensions/v1beta1`, `apps/v1beta1`, `apps/v1beta2`) or an `apps/v1` one without
 * `spec.selector`. Files copied from older tutorials have both; istioctl says nothing and `kubectl apply` fails.
 */
import type { Analyzer } from '../../types.js';
import { workloadApiProblems } from '../../../model/workload-api.js';

/** Analyzer kinds of the checked workloads: `extensions` is not a bare group, so its kinds carry the group (see kindOf). */
const INPUTS = [
  'DaemonSet',
  'DaemonSet.extensions',
  'Deployment',
  'Deployment.extensions',
  'ReplicaSet',
  'ReplicaSet.extensions',
  'StatefulSet',
  'StatefulSet.extensions',
] as const;

/** Reports each workload the API server would refuse, pointing at its apiVersion (or at the object for the selector). */
export const workloadApi: Analyzer = {
  meta: {
    name: 'deployment.WorkloadAPIAnalyzer',
    description: 'Checks that Deployments, StatefulSets, DaemonSets and ReplicaSets use apps/v1 and have the spec.selector it requires',
    inputs: INPUTS,
    codes: ['MESH0006', 'MESH0007'],
  },
  analyze(ctx) {
    for (const kind of INPUTS) {
      ctx.forEach(kind, (r) => {
        for (const p of workloadApiProblems(r.object)) ctx.report(r, p.code, p.args, p.path);
      });
    }
  },
};
