/**
 * istiod's configuration ConfigMaps: `istio[-rev]` (key `mesh`: MeshConfig YAML; `meshNetworks`) and
 * `istio-sidecar-injector[-rev]` (key `values`: the values JSON injection reads; key `config`: the injection policy).
 * The mesh config is what the chart derives from values, overwritten by spec.meshConfig.
 */
import { isMap, type JsonObject } from '../tree.js';
import { emitYaml } from '../yaml/emit.js';
import type { KubeObject } from '../yaml/load.js';
import { chartLabels, object, ownerLabels, val, type RenderContext } from './context.js';
import type { InjectionTemplates } from './types.js';

/** Recursively sorts mapping keys, as Helm's toYaml/toJson do, so output is stable. */
export function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortedKeys((v as JsonObject)[k])]),
  );
}

/** Helm's mergeOverwrite: maps merge, everything else from `over` replaces. */
function mergeOverwrite(base: JsonObject, over: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(over)) base[k] = isMap(v) && isMap(base[k]) ? mergeOverwrite(base[k] as JsonObject, v) : v;
  return base;
}

/** The MeshConfig istiod runs with: the chart's derived settings overwritten by spec.meshConfig. */
export function meshConfig(ctx: RenderContext): JsonObject {
  const mesh: JsonObject = { trustDomain: 'cluster.local' };
  const user = (ctx.iop.spec.meshConfig ?? {}) as JsonObject;
  mesh.rootNamespace = user.rootNamespace || ctx.namespace;
  const telemetry = (p: string) => val(ctx, `telemetry.${p}`) !== false;
  if (telemetry('enabled') && telemetry('v2.enabled') && telemetry('v2.prometheus.enabled')) mesh.defaultProviders = { metrics: ['prometheus'] };
  const defaultConfig: JsonObject = {};
  const meshID = val<string>(ctx, 'global.meshID');
  if (meshID) defaultConfig.meshId = meshID;
  const variant = val<string>(ctx, 'global.proxy.variant') || val<string>(ctx, 'global.variant');
  if (variant) defaultConfig.image = { imageType: variant };
  const tracer = String(val(ctx, 'global.proxy.tracer') ?? 'none');
  if (tracer === 'zipkin') defaultConfig.tracing = { zipkin: { address: val(ctx, 'global.tracer.zipkin.address') || `zipkin.${ctx.namespace}:9411` } };
  else if (tracer === 'datadog') defaultConfig.tracing = { datadog: { address: val(ctx, 'global.tracer.datadog.address') || '$(HOST_IP):8126' } };
  else if (tracer === 'lightstep')
    defaultConfig.tracing = {
      lightstep: { address: val(ctx, 'global.tracer.lightstep.address'), accessToken: val(ctx, 'global.tracer.lightstep.accessToken') },
    };
  else if (tracer === 'stackdriver') {
    const sd = (val<JsonObject>(ctx, 'global.tracer.stackdriver') ?? {}) as JsonObject;
    defaultConfig.tracing = {
      stackdriver: {
        debug: sd.debug ?? false,
        maxNumberOfAttributes: sd.maxNumberOfAttributes ?? 200,
        maxNumberOfAnnotations: sd.maxNumberOfAnnotations ?? 200,
        maxNumberOfMessageEvents: sd.maxNumberOfMessageEvents ?? 200,
      },
    };
  }
  if (val(ctx, 'global.remotePilotAddress')) {
    const local = val(ctx, 'istiodRemote.enabled') && val(ctx, 'istiodRemote.enabledLocalInjectorIstiod');
    defaultConfig.discoveryAddress = `${local ? 'istiod-remote' : 'istiod'}.${ctx.releaseNamespace}.svc:15012`;
  } else defaultConfig.discoveryAddress = `istiod${ctx.revSuffix}.${ctx.releaseNamespace}.svc:15012`;
  mesh.defaultConfig = defaultConfig;
  return sortedKeys(mergeOverwrite(mesh, structuredClone(user))) as JsonObject;
}

/** The values JSON the injector reads: global, sidecarInjectorWebhook, revision, pilot.{cni,env}, gateways' security settings. */
export function injectorValues(ctx: RenderContext): JsonObject {
  const gateways = (val<JsonObject>(ctx, 'gateways') ?? {}) as JsonObject;
  return sortedKeys({
    gateways: { securityContext: gateways.securityContext ?? {}, seccompProfile: gateways.seccompProfile ?? {} },
    global: val(ctx, 'global'),
    pilot: { cni: val(ctx, 'pilot.cni'), env: val(ctx, 'pilot.env') ?? {} },
    revision: ctx.revision,
    sidecarInjectorWebhook: val(ctx, 'sidecarInjectorWebhook'),
  }) as JsonObject;
}

/**
 * mesh's own Go templates for istiod, by template name, in ConfigMap order. Those kube-inject also renders
 * (core/inject/templates.ts) render what `mesh kube-inject` adds (proved by test/inject-equivalence).
 */
export const INJECTION_TEMPLATE_FILES: Record<string, string> = {
  sidecar: 'manifests/injection/sidecar.tmpl',
  gateway: 'manifests/injection/gateway.tmpl',
  'grpc-agent': 'manifests/injection/grpc-agent.tmpl',
  'grpc-simple': 'manifests/injection/grpc-simple.tmpl',
  'kube-gateway': 'manifests/injection/kube-gateway.tmpl',
  waypoint: 'manifests/injection/waypoint.tmpl',
  agentgateway: 'manifests/injection/agentgateway.tmpl',
};

/** The texts of INJECTION_TEMPLATE_FILES by name, each read with `read` (the caller's asset reader). */
export function injectionTemplates(read: (file: string) => string): InjectionTemplates {
  return Object.fromEntries(Object.entries(INJECTION_TEMPLATE_FILES).map(([name, file]) => [name, read(file)]));
}

/** The `template` value of the injector config, as Istio's chart renders it (see injectorConfig). */
export const LEGACY_TEMPLATE_GUARD = '{{ Template_Version_And_Istio_Version_Mismatched_Check_Installation }}';

/**
 * The injector's policy and templates (`config` key): mesh's own templates, plus the user's
 * `sidecarInjectorWebhook.templates` (a user template of the same name replaces mesh's, as with Istio's chart).
 */
export function injectorConfig(ctx: RenderContext, templates: InjectionTemplates): JsonObject {
  const hook = (val<JsonObject>(ctx, 'sidecarInjectorWebhook') ?? {}) as JsonObject;
  const defaults = Array.isArray(hook.defaultTemplates) && hook.defaultTemplates.length ? hook.defaultTemplates : ['sidecar'];
  const config: JsonObject = {
    defaultTemplates: defaults,
    policy: val(ctx, 'global.proxy.autoInject') ?? 'enabled',
    alwaysInjectSelector: hook.alwaysInjectSelector ?? [],
    neverInjectSelector: hook.neverInjectSelector ?? [],
    injectedAnnotations: hook.injectedAnnotations ?? {},
    // Istio's chart writes this legacy single-template key as a call to an undefined function: an istiod too old
    // for `templates` fails loudly on it instead of injecting something stale. Newer injectors ignore it.
    template: LEGACY_TEMPLATE_GUARD,
  };
  config.templates = { ...templates, ...(isMap(hook.templates) ? hook.templates : {}) };
  return config;
}

/** The `istio` and `istio-sidecar-injector` ConfigMaps (each only when the values ask for it). */
export function istiodConfigMaps(ctx: RenderContext, templates: InjectionTemplates): KubeObject[] {
  const scope = String(val(ctx, 'global.resourceScope') || 'all');
  if (!(scope === 'all' || scope === 'namespace')) return [];
  const labels = { release: 'istio', 'app.kubernetes.io/name': 'istiod', ...chartLabels('istiod'), ...ownerLabels(ctx, 'Pilot') };
  const out: KubeObject[] = [];
  if (val(ctx, 'pilot.configMap') !== false) {
    const networks = val<JsonObject>(ctx, 'global.meshNetworks') ?? {};
    out.push(
      object('v1', 'ConfigMap', `istio${ctx.revSuffix}`, ctx.releaseNamespace, labels, {
        data: {
          mesh: emitYaml(meshConfig(ctx)).trimEnd(),
          meshNetworks: emitYaml({ networks: sortedKeys(networks) }).trimEnd(),
        },
      }),
    );
  }
  if (!val(ctx, 'global.omitSidecarInjectorConfigMap')) {
    out.push(
      object('v1', 'ConfigMap', `istio-sidecar-injector${ctx.revSuffix}`, ctx.releaseNamespace, labels, {
        data: {
          config: emitYaml(injectorConfig(ctx, templates)).trimEnd(),
          values: JSON.stringify(injectorValues(ctx), null, 2),
        },
      }),
    );
  }
  return out;
}
