/**
 * Renders a resolved IstioOperator into Kubernetes objects: picks the enabled components (as istioctl's
 * component.Get does, including the `values.gateways.<name>.enabled` alternative switch), builds each one's
 * objects, applies its `k8s` settings, and sorts everything for apply.
 */
import type { KubeObject } from '../yaml/load.js';
import { inRelease, renderContext, val, withComponentImage, type RenderContext } from './context.js';
import { cniObjects } from './cni.js';
import { istioCrds } from './crds.js';
import { gatewayObjects } from './gateway.js';
import { istiodConfigMaps } from './istiod-config.js';
import { istiodRbac, readerServiceAccount } from './istiod-rbac.js';
import { istiodWorkload } from './istiod-workload.js';
import { applyK8s } from './k8s-patch.js';
import { sortForApply } from './order.js';
import { stablePolicy } from './stable-policy.js';
import { valuesConfigMap } from './values-configmap.js';
import type { ComponentName, ComponentSpec, GatewaySpec, InjectionTemplates, IstioOperator, RenderedObject } from './types.js';
import { istiodNetworkPolicy } from './network-policy.js';
import { mutatingWebhook, validatingWebhook } from './webhooks.js';
import { ztunnelObjects } from './ztunnel.js';

const on = (c: ComponentSpec | undefined, byDefault: boolean) => (c === undefined ? byDefault : c.enabled !== false);

function enabledGateways(ctx: RenderContext, list: GatewaySpec[] | undefined, key: string): GatewaySpec[] {
  const alt = val(ctx, `gateways.${key}.enabled`) === true;
  return (list ?? []).filter((g) => g.enabled !== false || alt);
}

/** Every enabled component's objects, sorted for apply. */
export function renderOperator(iop: IstioOperator, templates: InjectionTemplates): RenderedObject[] {
  const ctx = renderContext(iop);
  const components = iop.spec.components ?? {};
  const out: RenderedObject[] = [];
  const add = (component: ComponentName, objects: KubeObject[]) => objects.forEach((object) => out.push({ component, object }));

  if (on(components.base, true)) {
    const base = [...istioCrds(ctx), ...readerServiceAccount(ctx)];
    // The Base component has no workload: of its k8s settings only `overlays` can apply.
    applyK8s(base, components.base?.k8s ? { overlays: components.base.k8s.overlays } : undefined, '', '');
    add('Base', base);
  }
  if (on(components.pilot, true)) {
    // `components.pilot.namespace` moves what the istiod chart puts in its release namespace (see inRelease).
    const pc = inRelease(withComponentImage(ctx, 'pilot', components.pilot), components.pilot?.namespace);
    const pilot = [
      ...istiodRbac(pc),
      ...istiodConfigMaps(pc, templates),
      ...valuesConfigMap(pc),
      ...istiodWorkload(pc),
      ...mutatingWebhook(pc),
      ...validatingWebhook(pc),
      ...stablePolicy(pc),
      ...istiodNetworkPolicy(pc),
    ];
    applyK8s(pilot, components.pilot?.k8s, `istiod${ctx.revSuffix}`, 'discovery');
    add('Pilot', pilot);
  }
  if (on(components.cni, false)) {
    const cni = cniObjects(withComponentImage(ctx, 'cni', components.cni), components.cni?.namespace || ctx.namespace);
    applyK8s(cni, components.cni?.k8s, 'istio-cni-node', 'install-cni');
    add('Cni', cni);
  }
  if (on(components.ztunnel, false)) {
    const zt = ztunnelObjects(withComponentImage(ctx, 'ztunnel', components.ztunnel), components.ztunnel?.namespace || ctx.namespace);
    applyK8s(zt, components.ztunnel?.k8s, String(val(ctx, 'ztunnel.resourceName') || 'ztunnel'), 'istio-proxy');
    add('Ztunnel', zt);
  }
  for (const [kind, component, list] of [
    ['ingress', 'IngressGateways', components.ingressGateways],
    ['egress', 'EgressGateways', components.egressGateways],
  ] as const) {
    for (const gw of enabledGateways(ctx, list, `istio-${kind}gateway`)) {
      const objs = gatewayObjects(ctx, kind, gw, gw.namespace || ctx.namespace);
      applyK8s(objs, gw.k8s, gw.name, 'istio-proxy');
      add(component, objs);
    }
  }
  // No Namespace object: istioctl's manifest generate emits none (the namespace is the user's to create, or
  // install's: core/install/plan.ts adds every namespace the objects live in).
  return sortForApply(out);
}
