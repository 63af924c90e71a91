/**
 * The public shapes of manifest generation: what goes in (IstioOperator overlays and --set flags, whose types live
 * with their resolver in profiles/operator.ts) and what comes out (the resolved IstioOperator and the rendered
 * objects, each tagged with the component that owns it).
 * `install`, `verify-install`, `uninstall` and `kube-inject` build on these; treat them as a stable API.
 */
import type { KubeObject } from '../yaml/load.js';
import type { GenerateInput, IstioOperator } from '../../profiles/operator.js';

export type {
  ComponentSpec,
  ComponentsSpec,
  GatewaySpec,
  GenerateInput,
  IstioOperator,
  IstioOperatorSpec,
  K8sSettings,
  OverlaySource,
} from '../../profiles/operator.js';

/** Istio's component names, as the `operator.istio.io/component` label spells them. */
export type ComponentName = 'Base' | 'Pilot' | 'Cni' | 'Ztunnel' | 'IngressGateways' | 'EgressGateways';

/** Every component in install order (Istio installs Base first, then Pilot, then the rest). */
export const COMPONENT_ORDER: readonly ComponentName[] = ['Base', 'Pilot', 'Cni', 'Ztunnel', 'IngressGateways', 'EgressGateways'];

/** The title istioctl prints for a component (`✔ Istio core installed`). */
export const COMPONENT_TITLES: Readonly<Record<ComponentName, string>> = {
  Base: 'Istio core',
  Pilot: 'Istiod',
  Cni: 'CNI',
  Ztunnel: 'Ztunnel',
  IngressGateways: 'Ingress gateways',
  EgressGateways: 'Egress gateways',
};

/** The texts of mesh's injection templates for istiod, by template name (see INJECTION_TEMPLATE_FILES). */
export type InjectionTemplates = Readonly<Record<string, string>>;

/** Input of generateManifests: what resolution takes, plus the template texts the caller read from manifests/. */
export interface ManifestInput extends GenerateInput {
  /** Every template of INJECTION_TEMPLATE_FILES, read by the caller (`injectionTemplates(readAsset)`): the render does no I/O. */
  templates: InjectionTemplates;
}

/** One rendered object and the component it belongs to. */
export interface RenderedObject {
  /** Owning component (`operator.istio.io/component`). */
  component: ComponentName;
  /** The Kubernetes object. */
  object: KubeObject;
}

/** Output of generateManifests. */
export interface GenerateResult {
  /** The fully resolved IstioOperator (profile ⊕ files ⊕ sets, with values filled in). */
  values: IstioOperator;
  /** Objects in apply order (CRDs, namespace, RBAC, config, workloads, services, webhooks). */
  objects: RenderedObject[];
}
