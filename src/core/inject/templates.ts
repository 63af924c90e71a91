/**
 * The injection templates mesh knows, by the names Istio's injector uses (`inject.istio.io/templates`,
 * `sidecarInjectorWebhook.defaultTemplates`). Each has two equal forms: a TypeScript renderer that `mesh kube-inject`
 * runs, and mesh's own Go template (manifests/injection/, listed in core/manifest/istiod-config.ts
 * INJECTION_TEMPLATE_FILES) that `manifest generate` puts in the `istio-sidecar-injector` ConfigMap for istiod;
 * test/inject-equivalence proves that they render the same pod. Templates istiod runs for itself only (Gateway API
 * deployments, waypoints) have a Go template and no renderer.
 */
import type { InjectConfig } from './config.js';
import { getPath } from '../tree.js';
import { renderTemplate, type PodData, type TemplateInput } from './template.js';
import { renderGatewayTemplate } from './templates/gateway.js';
import { renderGrpcAgent, renderGrpcSimple } from './templates/grpc.js';

/** Renders the pod fragment a template adds, as data. */
export type TemplateRenderer = (input: TemplateInput) => PodData;

/** Templates `mesh kube-inject` renders. Add a line here to teach kube-inject another template. */
const RENDERERS: Record<string, TemplateRenderer> = {
  sidecar: renderTemplate,
  gateway: renderGatewayTemplate,
  'grpc-agent': renderGrpcAgent,
  'grpc-simple': renderGrpcSimple,
};

/** The renderer of template `name`, or undefined when kube-inject cannot render it. */
export function templateRenderer(name: string): TemplateRenderer | undefined {
  return Object.hasOwn(RENDERERS, name) ? RENDERERS[name] : undefined;
}

/** Names kube-inject can render, for messages. */
export function renderableTemplates(): string[] {
  return Object.keys(RENDERERS);
}

/**
 * The templates to run for a pod, in order, as Istio selects them: the pod's `inject.istio.io/templates`
 * annotation (comma-separated), else the injector's default templates.
 */
export function selectTemplates(annotations: Record<string, string>, config: InjectConfig): string[] {
  const requested = annotations['inject.istio.io/templates'];
  if (requested !== undefined) return requested.split(',').map((n) => n.trim());
  const defaults = getPath(config.values, 'sidecarInjectorWebhook.defaultTemplates');
  return Array.isArray(defaults) && defaults.length ? defaults.map(String) : ['sidecar'];
}
