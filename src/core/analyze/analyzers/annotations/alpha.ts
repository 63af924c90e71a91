/**
 * IST0136: Istio annotations of alpha-phase features on Kubernetes resources. Opt-in (run it with
 * `--analyzer annotations.AlphaAnalyzer`): most injection annotations are alpha, so by default it would be noise.
 * istioctl runs it only in `x precheck`, for the same reason.
 */
import type { AnalysisContext, Analyzer, Resource } from '../../types.js';
import { arr, obj, strMap } from '../../../model/access.js';
import { ANNOTATIONS, isIstioAnnotation } from './catalog.js';

/**
 * Annotations of the catalog whose feature is not alpha in Istio 1.30 (beta, stable, or no status), and ones
 * the 1.30 annotation list does not hold; every other catalog entry is alpha there.
 */
const NOT_ALPHA = new Set([
  'sidecar.istio.io/inject',
  'proxy.istio.io/config',
  'ambient.istio.io/redirection',
  'traffic.istio.io/nodeSelector',
  'kubernetes.io/ingress.class',
  'sidecar.istio.io/proxyMemoryLimit',
  'sidecar.istio.io/userVolumeMount',
  'traffic.sidecar.istio.io/includeInboundPorts',
  'sidecar.istio.io/enableCoreDump',
  'istio.io/use-waypoint-canary-weight',
]);

/** Set by Istio itself, so never the user's choice. */
const WRITTEN_BY_ISTIO = new Set(['sidecar.istio.io/status', 'gateway.istio.io/controller-version', 'istio.io/rev']);

/** Written by the injector on every pod it injects for the Istio CNI plugin; reporting them would blame the user. */
const SET_FOR_CNI = new Set([
  'sidecar.istio.io/interceptionMode',
  'traffic.sidecar.istio.io/includeInboundPorts',
  'traffic.sidecar.istio.io/excludeInboundPorts',
  'traffic.sidecar.istio.io/includeOutboundIPRanges',
]);

/** True when the annotation belongs to an alpha feature. */
export function isAlphaAnnotation(name: string): boolean {
  return Object.hasOwn(ANNOTATIONS, name) && !NOT_ALPHA.has(name) && !WRITTEN_BY_ISTIO.has(name);
}

export const alphaAnnotations: Analyzer = {
  meta: {
    name: 'annotations.AlphaAnalyzer',
    description: 'Checks for Istio annotations of alpha-phase features on Kubernetes resources (opt-in: name it with --analyzer)',
    inputs: ['Namespace', 'Service', 'Pod', 'Deployment'],
    codes: ['IST0136'],
    optIn: true,
  },
  analyze(ctx) {
    for (const kind of ['Namespace', 'Service'] as const) ctx.forEach(kind, (r) => check(ctx, r, r.annotations, ['metadata', 'annotations'], false));
    ctx.forEach('Pod', (r) => check(ctx, r, r.annotations, ['metadata', 'annotations'], injectedForCni(r)));
    ctx.forEach('Deployment', (r) => {
      check(ctx, r, r.annotations, ['metadata', 'annotations'], false);
      const template = obj(obj(r.object.spec).template);
      check(ctx, r, strMap(obj(template.metadata).annotations), ['spec', 'template', 'metadata', 'annotations'], false);
    });
  },
};

function check(ctx: AnalysisContext, r: Resource, annotations: Record<string, string>, at: string[], cni: boolean): void {
  for (const name of Object.keys(annotations)) {
    if (!isIstioAnnotation(name) || !isAlphaAnnotation(name)) continue;
    if (cni && SET_FOR_CNI.has(name)) continue;
    ctx.report(r, 'IST0136', [name], [...at, name]);
  }
}

/** An injected pod without an istio-init container was set up by the CNI plugin, from annotations the injector wrote. */
function injectedForCni(pod: Resource): boolean {
  const spec = obj(pod.object.spec);
  return 'sidecar.istio.io/status' in pod.annotations && !arr(spec.initContainers).some((c) => obj(c).name === 'istio-init');
}
