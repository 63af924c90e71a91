/**
 * The `stable` profile's admission policy (values.experimental.stableValidationPolicy): a ValidatingAdmissionPolicy
 * and its binding that deny Istio config of this revision using kinds or fields outside Istio's stable API
 * (EnvoyFilter, WasmPlugin, ProxyConfig; Telemetry's alpha fields; AuthorizationPolicy trust-domain matching).
 */
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, object, ownerLabels, val, type RenderContext } from './context.js';

/** CEL: true when `field` is set in any element of the optional list `list` of the object's spec. */
const anyHas = (list: string, field: string) => `(has(object.spec.${list}) ? object.spec.${list} : []).exists(x, has(x.${field}))`;

/** The policy and binding, when the values ask for them (none for a remote cluster). */
export function stablePolicy(ctx: RenderContext): KubeObject[] {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  const remote = Boolean(val(ctx, 'istiodRemote.enabled'));
  const local = !remote || Boolean(val(ctx, 'global.configCluster') || val(ctx, 'istiodRemote.enabledLocalInjectorIstiod'));
  if (!(scope === 'all' || scope === 'namespace') || !local || !val(ctx, 'experimental.stableValidationPolicy')) return [];
  const name = `stable-channel-policy${ctx.revSuffix}-${ctx.namespace}.istio.io`;
  const labels = { 'app.kubernetes.io/name': 'istiod', ...chartLabels('istiod'), ...ownerLabels(ctx, 'Pilot') };
  const kindIs = (k: string) => `object.kind != '${k}'`;
  return [
    object('admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy', name, undefined, labels, {
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [
            {
              apiGroups: ['security.istio.io', 'networking.istio.io', 'telemetry.istio.io', 'extensions.istio.io'],
              apiVersions: ['*'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['*'],
            },
          ],
          objectSelector: { matchExpressions: [{ key: 'istio.io/rev', operator: 'In', values: [ctx.revLabel] }] },
        },
        validations: [
          { expression: kindIs('EnvoyFilter'), message: 'EnvoyFilter is not part of the stable API' },
          { expression: kindIs('WasmPlugin'), message: 'WasmPlugin is not part of the stable API' },
          { expression: kindIs('ProxyConfig'), message: 'ProxyConfig is not part of the stable API' },
          {
            expression: `object.kind != 'Telemetry' || !(${anyHas('tracing', 'useRequestIdForTraceSampling')} || ${anyHas('metrics', 'reportingInterval')} || ${anyHas('accessLogging', 'filter')})`,
            message: 'Telemetry fields useRequestIdForTraceSampling, reportingInterval and accessLogging filter are not stable',
          },
          {
            expression:
              "object.kind != 'AuthorizationPolicy' || !has(object.spec.rules) || !object.spec.rules.exists(r, has(r.from) && r.from.exists(f, has(f.source) && (has(f.source.trustDomains) || has(f.source.notTrustDomains))))",
            message: 'AuthorizationPolicy source trustDomains/notTrustDomains are not stable',
          },
        ],
      },
    }),
    object(
      'admissionregistration.k8s.io/v1',
      'ValidatingAdmissionPolicyBinding',
      `stable-channel-policy-binding${ctx.revSuffix}-${ctx.namespace}.istio.io`,
      undefined,
      labels,
      {
        spec: { policyName: name, validationActions: ['Deny'] },
      },
    ),
  ];
}
