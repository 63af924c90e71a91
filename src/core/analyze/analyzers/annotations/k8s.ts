/**
 * IST0107/IST0108/IST0125/IST0135: Istio annotations on Kubernetes resources are known, placed on a kind they
 * affect, valid and not deprecated. Pod templates of controllers are checked as Pods (that is where they act).
 */
import type { AnalysisContext, Analyzer, Resource } from '../../types.js';
import { obj, strMap } from '../../../model/access.js';
import { ANNOTATIONS, isIstioAnnotation } from './catalog.js';

/** Annotations Istio itself writes; never reported. */
const IGNORED = new Set(['sidecar.istio.io/status', 'gateway.istio.io/controller-version', 'istio.io/rev']);
const CONTROLLERS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'] as const;

export const k8sAnnotations: Analyzer = {
  meta: {
    name: 'annotations.K8sAnalyzer',
    description: 'Checks for unknown, misplaced, invalid and deprecated Istio annotations on Kubernetes resources',
    inputs: ['Namespace', 'Service', 'Pod', ...CONTROLLERS],
    codes: ['IST0107', 'IST0108', 'IST0125', 'IST0135'],
  },
  analyze(ctx) {
    for (const kind of ['Namespace', 'Service', 'Pod'] as const) {
      ctx.forEach(kind, (r) => check(ctx, r, kind, r.annotations, r.labels, ['metadata', 'annotations']));
    }
    for (const kind of CONTROLLERS) {
      ctx.forEach(kind, (r) => {
        check(ctx, r, kind, r.annotations, r.labels, ['metadata', 'annotations']);
        const meta = obj(obj(obj(r.object.spec).template).metadata);
        check(ctx, r, 'Pod', strMap(meta.annotations), strMap(meta.labels), ['spec', 'template', 'metadata', 'annotations']);
      });
    }
  },
};

function check(ctx: AnalysisContext, r: Resource, kind: string, annotations: Record<string, string>, labels: Record<string, string>, at: string[]): void {
  for (const [name, value] of Object.entries(annotations)) {
    if (!isIstioAnnotation(name) || IGNORED.has(name)) continue;
    const info = ANNOTATIONS[name];
    const field = [...at, name];
    if (!info) {
      ctx.report(r, 'IST0108', [name], field);
      continue;
    }
    // The deprecated inject annotation is harmless next to the label that replaces it.
    if (info.deprecated && !(name === 'sidecar.istio.io/inject' && 'sidecar.istio.io/inject' in labels)) {
      ctx.report(r, 'IST0135', [name, info.deprecation ?? ''], field);
    }
    if (!info.kinds.includes('Any') && !info.kinds.includes(kind)) {
      ctx.report(r, 'IST0107', [name, info.kinds.join(', ')], field);
      continue;
    }
    const problem = info.check?.(value);
    if (problem) ctx.report(r, 'IST0125', [name, problem], field);
  }
}
