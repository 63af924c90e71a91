/**
 * istiod's identity and permissions (istio-discovery chart): ServiceAccount, the cluster roles istiod, its gateway
 * deployment controller and the multicluster reader need, their bindings, and the namespaced Role for CA secrets
 * and leader-election leases.
 */
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, object, ownerLabels, val, type RenderContext } from './context.js';
import type { JsonObject } from '../tree.js';

const ISTIO_GROUPS = [
  'config.istio.io',
  'security.istio.io',
  'networking.istio.io',
  'authentication.istio.io',
  'rbac.istio.io',
  'telemetry.istio.io',
  'extensions.istio.io',
];
const READ = ['get', 'list', 'watch'];
const ALL = ['get', 'watch', 'list', 'update', 'patch', 'create', 'delete'];
const rule = (apiGroups: string[], resources: string[], verbs: string[], extra: JsonObject = {}): JsonObject => ({ apiGroups, resources, verbs, ...extra });

function labels(ctx: RenderContext, app: string): Record<string, string> {
  return { app, release: 'istio', 'app.kubernetes.io/name': app, ...chartLabels('istiod'), ...ownerLabels(ctx, 'Pilot') };
}

function istiodRules(ctx: RenderContext): JsonObject[] {
  const env = val<JsonObject>(ctx, 'pilot.env') ?? {};
  const mcs = String(env.MCS_API_GROUP || 'multicluster.x-k8s.io');
  const rules: JsonObject[] = [
    rule(['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations'], ['get', 'list', 'watch', 'update', 'patch']),
    rule(['admissionregistration.k8s.io'], ['validatingwebhookconfigurations'], ['get', 'list', 'watch', 'update']),
    rule(ISTIO_GROUPS, ['*'], ['get', 'watch', 'list']),
  ];
  if (val(ctx, 'global.istiod.enableAnalysis')) {
    const kinds = [
      'authorizationpolicies',
      'destinationrules',
      'envoyfilters',
      'gateways',
      'peerauthentications',
      'proxyconfigs',
      'requestauthentications',
      'serviceentries',
      'sidecars',
      'telemetries',
      'virtualservices',
      'wasmplugins',
      'workloadentries',
      'workloadgroups',
    ];
    rules.push(
      rule(
        ISTIO_GROUPS,
        kinds.map((k) => `${k}/status`),
        ['update', 'patch'],
      ),
    );
  }
  rules.push(
    rule(['networking.istio.io'], ['workloadentries'], ALL),
    rule(['networking.istio.io'], ['workloadentries/status', 'serviceentries/status'], ALL),
    rule(['security.istio.io'], ['authorizationpolicies/status'], ALL),
    rule([''], ['services/status'], ALL),
    rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], READ),
    rule([''], ['pods', 'nodes', 'services', 'namespaces', 'endpoints'], READ),
    rule(['discovery.k8s.io'], ['endpointslices'], READ),
  );
  if (val(ctx, 'pilot.taint.enabled')) rules.push(rule([''], ['nodes'], ['patch']));
  rules.push(
    rule(['networking.k8s.io'], ['ingresses', 'ingressclasses'], READ),
    rule(['networking.k8s.io'], ['ingresses/status'], ['*']),
    rule([''], ['configmaps'], ['create', 'get', 'list', 'watch', 'update']),
  );
  const certProvider = String(val(ctx, 'global.pilotCertProvider'));
  if (env.EXTERNAL_CA || !['istiod', 'custom', 'none'].includes(certProvider)) {
    rules.push(
      rule(
        ['certificates.k8s.io'],
        ['certificatesigningrequests', 'certificatesigningrequests/approval', 'certificatesigningrequests/status'],
        ['update', 'create', 'get', 'delete', 'watch'],
      ),
      rule(['certificates.k8s.io'], ['signers'], ['approve'], { resourceNames: val<string[]>(ctx, 'global.certSigners') ?? [] }),
    );
  }
  rules.push(
    rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
    rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
    rule(['gateway.networking.k8s.io', 'gateway.networking.x-k8s.io'], ['*'], ['get', 'watch', 'list']),
    rule(['gateway.networking.x-k8s.io'], ['xbackendtrafficpolicies/status'], ['update', 'patch']),
    rule(
      ['gateway.networking.k8s.io'],
      [
        'backendtlspolicies',
        'gatewayclasses',
        'gateways',
        'grpcroutes',
        'httproutes',
        'referencegrants',
        'tcproutes',
        'tlsroutes',
        'udproutes',
        'listenersets',
      ].map((r) => `${r}/status`),
      ['update', 'patch'],
    ),
    rule(['gateway.networking.k8s.io'], ['gatewayclasses'], ['create', 'update', 'patch', 'delete']),
    rule(['inference.networking.k8s.io'], ['inferencepools'], ['get', 'watch', 'list']),
    rule(['inference.networking.k8s.io'], ['inferencepools/status'], ['update', 'patch']),
    rule([''], ['secrets'], ['get', 'watch', 'list']),
    rule([mcs], ['serviceexports'], ['get', 'watch', 'list', 'create', 'delete']),
    rule([mcs], ['serviceimports'], ['get', 'watch', 'list']),
  );
  return rules;
}

function readerRules(ctx: RenderContext): JsonObject[] {
  const mcs = String((val<JsonObject>(ctx, 'pilot.env') ?? {}).MCS_API_GROUP || 'multicluster.x-k8s.io');
  const rules = [
    rule(ISTIO_GROUPS, ['*'], READ),
    rule([''], ['endpoints', 'pods', 'services', 'nodes', 'replicationcontrollers', 'namespaces', 'secrets', 'configmaps'], READ),
    rule(['networking.istio.io'], ['workloadentries'], ['get', 'watch', 'list']),
    rule(['networking.x-k8s.io', 'gateway.networking.k8s.io'], ['gateways'], ['get', 'watch', 'list']),
    rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], READ),
    rule(['discovery.k8s.io'], ['endpointslices'], READ),
    rule([mcs], ['serviceexports'], ['get', 'list', 'watch', 'create', 'delete']),
    rule([mcs], ['serviceimports'], READ),
    rule(['apps'], ['replicasets'], READ),
    rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
    rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
  ];
  if (val(ctx, 'istiodRemote.enabled')) {
    rules.push(
      rule([''], ['configmaps'], ['create', 'get', 'list', 'watch', 'update']),
      rule(['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations'], ['get', 'list', 'watch', 'update', 'patch']),
      rule(['admissionregistration.k8s.io'], ['validatingwebhookconfigurations'], ['get', 'list', 'watch', 'update']),
    );
  }
  return rules;
}

function binding(
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  name: string,
  ns: string | undefined,
  lbl: Record<string, string>,
  sa: string,
  saNs: string,
): KubeObject {
  return object('rbac.authorization.k8s.io/v1', kind, name, ns, lbl, {
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: kind === 'RoleBinding' ? 'Role' : 'ClusterRole', name },
    subjects: [{ kind: 'ServiceAccount', name: sa, namespace: saNs }],
  });
}

/** istiod's ServiceAccount, ClusterRoles/Bindings, Role/RoleBinding and the reader role. */
export function istiodRbac(ctx: RenderContext): KubeObject[] {
  const ns = ctx.namespace;
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  const cluster = scope === 'all' || scope === 'cluster';
  const namespaced = scope === 'all' || scope === 'namespace';
  const remote = Boolean(val(ctx, 'istiodRemote.enabled'));
  const local = !remote || Boolean(val(ctx, 'global.configCluster') || val(ctx, 'istiodRemote.enabledLocalInjectorIstiod'));
  const sa = `istiod${ctx.revSuffix}`;
  const out: KubeObject[] = [];
  const l = labels(ctx, 'istiod');
  const pullSecrets = (val<string[]>(ctx, 'global.imagePullSecrets') ?? []).map((name) => ({ name }));
  const saExtra = pullSecrets.length ? { imagePullSecrets: pullSecrets } : {};
  if (namespaced && local) {
    out.push(object('v1', 'ServiceAccount', sa, ns, l, { ...saExtra, annotations: val<Record<string, string>>(ctx, 'pilot.serviceAccountAnnotations') }));
    out.push(
      object('rbac.authorization.k8s.io/v1', 'Role', sa, ns, l, {
        rules: [
          rule(['networking.istio.io'], ['gateways'], ['create']),
          rule([''], ['secrets'], ['create', 'get', 'watch', 'list', 'update', 'delete']),
          rule([''], ['configmaps'], ['delete']),
          rule(['coordination.k8s.io'], ['leases'], ['get', 'update', 'patch', 'create']),
        ],
      }),
    );
    out.push(binding('RoleBinding', sa, ns, l, sa, ns));
  }
  if (cluster && local) {
    // Cluster-wide names carry the release namespace; the subjects stay in the control-plane namespace.
    const role = `istiod-clusterrole${ctx.revSuffix}-${ctx.releaseNamespace}`;
    out.push(object('rbac.authorization.k8s.io/v1', 'ClusterRole', role, undefined, l, { rules: istiodRules(ctx) }));
    out.push(binding('ClusterRoleBinding', role, undefined, l, sa, ns));
    if (String((val<JsonObject>(ctx, 'pilot.env') ?? {}).PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER) !== 'false') {
      const gw = `istiod-gateway-controller${ctx.revSuffix}-${ctx.releaseNamespace}`;
      const managed = ['deployments', 'horizontalpodautoscalers', 'poddisruptionbudgets', 'services', 'serviceaccounts'];
      const groups = ['apps', 'autoscaling', 'policy', '', ''];
      out.push(object('rbac.authorization.k8s.io/v1', 'ClusterRole', gw, undefined, l, { rules: managed.map((r, i) => rule([groups[i]!], [r], ALL)) }));
      out.push(binding('ClusterRoleBinding', gw, undefined, l, sa, ns));
    }
  }
  if (val(ctx, 'global.enableReaderRBAC') !== false) {
    const rl = labels(ctx, 'istio-reader');
    const reader = `istio-reader-clusterrole${ctx.revSuffix}-${ctx.releaseNamespace}`;
    if (cluster) {
      out.push(object('rbac.authorization.k8s.io/v1', 'ClusterRole', reader, undefined, rl, { rules: readerRules(ctx) }));
      out.push(binding('ClusterRoleBinding', reader, undefined, rl, 'istio-reader-service-account', ns));
    }
  }
  return out;
}

/** The singleton reader ServiceAccount (base chart) that multicluster remote secrets use. */
export function readerServiceAccount(ctx: RenderContext): KubeObject[] {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  if (val(ctx, 'global.enableReaderRBAC') === false || !(scope === 'all' || scope === 'namespace')) return [];
  const l = { app: 'istio-reader', release: 'istio', 'app.kubernetes.io/name': 'istio-reader', ...chartLabels('base'), ...ownerLabels(ctx, 'Base') };
  const pullSecrets = (val<string[]>(ctx, 'global.imagePullSecrets') ?? []).map((name) => ({ name }));
  return [object('v1', 'ServiceAccount', 'istio-reader-service-account', ctx.namespace, l, pullSecrets.length ? { imagePullSecrets: pullSecrets } : {})];
}
