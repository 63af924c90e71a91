/**
 * The admission webhooks (istio-discovery chart): the sidecar injector's MutatingWebhookConfiguration, with the
 * revision-aware selectors Istio uses, and the config ValidatingWebhookConfiguration `istio-validator[-rev]-<ns>`.
 */
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, object, ownerLabels, val, type RenderContext } from './context.js';
import type { JsonObject } from '../tree.js';

/**
 * What Istio's validating webhooks (istiod's own and a `default` tag's) are asked to admit: every Istio config kind.
 * A fresh copy per webhook: a k8s overlay that patches one object must leave the others alone.
 */
export function istioValidationRules(): JsonObject[] {
  return [
    {
      operations: ['CREATE', 'UPDATE'],
      apiGroups: ['security.istio.io', 'networking.istio.io', 'telemetry.istio.io', 'extensions.istio.io'],
      apiVersions: ['*'],
      resources: ['*'],
    },
  ];
}

const expr = (key: string, operator: string, values?: string[]): JsonObject => (values ? { key, operator, values } : { key, operator });

function clusterScoped(ctx: RenderContext): boolean {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  return scope === 'all' || scope === 'cluster';
}

/** The injector webhook: two revision-selected hooks, plus the legacy `istio-injection` hooks for the default revision. */
export function mutatingWebhook(ctx: RenderContext): KubeObject[] {
  if (!clusterScoped(ctx) || val(ctx, 'global.operatorManageWebhooks')) return [];
  const url = String(val(ctx, 'istiodRemote.injectionURL') ?? '');
  const caBundle = String(val(ctx, 'istiodRemote.injectionCABundle') ?? '');
  const clientConfig: JsonObject = url
    ? { url }
    : {
        service: {
          name: `istiod${ctx.revSuffix}`,
          namespace: ctx.releaseNamespace,
          path: String(val(ctx, 'istiodRemote.injectionPath') || '/inject'),
          port: 443,
        },
      };
  if (caBundle) clientConfig.caBundle = caBundle;
  const hook = (prefix: string, namespaceSelector: JsonObject[], objectSelector: JsonObject[]): JsonObject => ({
    name: `${prefix}sidecar-injector.istio.io`,
    // A copy per hook: a k8s overlay that patches one hook's clientConfig must leave the others alone.
    clientConfig: structuredClone(clientConfig),
    sideEffects: 'None',
    rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
    failurePolicy: 'Fail',
    reinvocationPolicy: String(val(ctx, 'sidecarInjectorWebhook.reinvocationPolicy') || 'Never'),
    admissionReviewVersions: ['v1'],
    namespaceSelector: { matchExpressions: namespaceSelector },
    objectSelector: { matchExpressions: objectSelector },
  });
  const notDisabled = expr('sidecar.istio.io/inject', 'NotIn', ['false']);
  const webhooks = [
    hook('rev.namespace.', [expr('istio.io/rev', 'In', [ctx.revLabel]), expr('istio-injection', 'DoesNotExist')], [notDisabled]),
    hook(
      'rev.object.',
      [expr('istio.io/rev', 'DoesNotExist'), expr('istio-injection', 'DoesNotExist')],
      [notDisabled, expr('istio.io/rev', 'In', [ctx.revLabel])],
    ),
  ];
  if (!ctx.revision) {
    webhooks.push(
      hook('namespace.', [expr('istio-injection', 'In', ['enabled'])], [notDisabled]),
      hook(
        'object.',
        [expr('istio-injection', 'DoesNotExist'), expr('istio.io/rev', 'DoesNotExist')],
        [expr('sidecar.istio.io/inject', 'In', ['true']), expr('istio.io/rev', 'DoesNotExist')],
      ),
    );
    if (val(ctx, 'sidecarInjectorWebhook.enableNamespacesByDefault')) {
      webhooks.push(
        hook(
          'auto.',
          [
            expr('istio-injection', 'DoesNotExist'),
            expr('istio.io/rev', 'DoesNotExist'),
            expr('kubernetes.io/metadata.name', 'NotIn', ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']),
          ],
          [expr('sidecar.istio.io/inject', 'NotIn', ['false']), expr('istio.io/rev', 'DoesNotExist')],
        ),
      );
    }
  }
  const ns = ctx.releaseNamespace;
  const name = `istio-sidecar-injector${ctx.revSuffix}${ns === 'istio-system' ? '' : `-${ns}`}`;
  const labels = { app: 'sidecar-injector', release: 'istio', 'app.kubernetes.io/name': 'istiod', ...chartLabels('istiod'), ...ownerLabels(ctx, 'Pilot') };
  return [
    object('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', name, undefined, labels, {
      annotations: val(ctx, 'pilot.sidecarInjectorWebhookAnnotations'),
      webhooks,
    }),
  ];
}

/** The validation webhook for Istio config of this revision (failing open, as Istio installs it). */
export function validatingWebhook(ctx: RenderContext): KubeObject[] {
  const remote = Boolean(val(ctx, 'istiodRemote.enabled'));
  const local = !remote || Boolean(val(ctx, 'global.configCluster') || val(ctx, 'istiodRemote.enabledLocalInjectorIstiod'));
  if (!clusterScoped(ctx) || !local || !val(ctx, 'global.configValidation')) return [];
  const url = String(val(ctx, 'base.validationURL') ?? '');
  const caBundle = String(val(ctx, 'base.validationCABundle') ?? '');
  const clientConfig: JsonObject = url ? { url } : { service: { name: `istiod${ctx.revSuffix}`, namespace: ctx.namespace, path: '/validate' } };
  if (caBundle) clientConfig.caBundle = caBundle;
  const failurePolicy = caBundle ? 'Fail' : String(val(ctx, 'base.validationFailurePolicy') || 'Ignore');
  const labels = {
    app: 'istiod',
    release: 'istio',
    istio: 'istiod',
    'app.kubernetes.io/name': 'istiod',
    ...chartLabels('istiod'),
    ...ownerLabels(ctx, 'Pilot'),
  };
  return [
    object('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', `istio-validator${ctx.revSuffix}-${ctx.namespace}`, undefined, labels, {
      webhooks: [
        {
          name: 'rev.validation.istio.io',
          clientConfig,
          rules: istioValidationRules(),
          failurePolicy,
          sideEffects: 'None',
          admissionReviewVersions: ['v1'],
          objectSelector: { matchExpressions: [expr('istio.io/rev', 'In', [ctx.revLabel])] },
        },
      ],
    }),
  ];
}
