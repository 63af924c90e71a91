/**
 * IST0176: Gateway API CRDs whose bundle version (annotation gateway.networking.k8s.io/bundle-version) is below
 * what Istio 1.30 needs: istiod then ignores the kind altogether (a TLSRoute from bundle 1.4 never programs a
 * listener). IST0156/IST0172: CRDs that do not serve the API version Istio reads now (v1beta1) or will read (v1);
 * istioctl checks those in `x precheck`, mesh checks them wherever it sees the CRDs.
 */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

const GROUP = 'gateway.networking.k8s.io';
const BUNDLE_VERSION = `${GROUP}/bundle-version`;

/** Istio 1.30's minimum bundle version per CRD (the ones its CRD watcher filters). */
const MINIMUM: Readonly<Record<string, readonly [number, number, number]>> = {
  [`grpcroutes.${GROUP}`]: [1, 1, 0],
  [`backendtlspolicies.${GROUP}`]: [1, 4, 0],
  [`tlsroutes.${GROUP}`]: [1, 5, 0],
};

/** Kinds Istio reads at v1beta1 (Error without it), and kinds later releases read at v1 only (Warning). */
const NEEDS_BETA = new Set(['Gateway', 'GatewayClass', 'HTTPRoute', 'ReferenceGrant']);
const NEEDS_V1 = new Set(['Gateway', 'GatewayClass', 'HTTPRoute', 'GRPCRoute']);

export const crdVersion: Analyzer = {
  meta: {
    name: 'k8sgateway.CRDVersionAnalyzer',
    description: 'Checks that the Gateway API CRDs are at the bundle version and serve the API versions Istio needs',
    inputs: ['CustomResourceDefinition'],
    codes: ['IST0156', 'IST0172', 'IST0176'],
  },
  analyze(ctx) {
    ctx.forEach('CustomResourceDefinition', (crd) => {
      const spec = obj(crd.object.spec);
      if (scalarString(spec.group) !== GROUP) return;
      const kind = scalarString(obj(spec.names).kind) ?? '';
      const minimum = MINIMUM[crd.name];
      const bundle = crd.annotations[BUNDLE_VERSION];
      const installed = bundle === undefined ? undefined : parseVersion(bundle);
      if (minimum && installed && compare(installed, minimum) < 0) {
        ctx.report(crd, 'IST0176', [crd.name, bundle, `v${minimum.join('.')}`, kind], ['metadata', 'annotations', BUNDLE_VERSION]);
      }
      const served = arr(spec.versions)
        .filter((v) => obj(v).served === true)
        .map((v) => scalarString(obj(v).name) ?? '')
        .sort();
      const has = served.length ? served.join(',') : 'none';
      if (NEEDS_BETA.has(kind) && !served.includes('v1beta1')) ctx.report(crd, 'IST0156', [has, 'v1beta1'], ['spec', 'versions']);
      if (NEEDS_V1.has(kind) && !served.includes('v1')) ctx.report(crd, 'IST0172', [has, 'v1'], ['spec', 'versions']);
    });
  },
};

/** `v1.4.1`, `1.5.0-rc.1` → [major, minor, patch] (a pre-release counts as its release, as istiod compares); else undefined. */
function parseVersion(text: string): [number, number, number] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
