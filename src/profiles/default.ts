/**
 * The `default` profile: the full base every other profile overlays. Components as Istio 1.30's
 * manifests/profiles/default.yaml turns them on (base, pilot, one ingress gateway; egress gateway off), and the
 * values of every chart (charts/&#42;/values.yaml) gathered under the keys IstioOperator uses.
 */
import { ISTIO_HUB, ISTIO_VERSION } from '../version.js';
import type { IstioOperator } from './operator.js';
import { defaultGlobal } from './default-global.js';
import { defaultCni, defaultGateways, defaultPilot, defaultZtunnel } from './default-components.js';

/** A fresh copy of the default profile (callers may mutate it). */
export function defaultProfile(): IstioOperator {
  return {
    apiVersion: 'install.istio.io/v1alpha1',
    kind: 'IstioOperator',
    metadata: { namespace: 'istio-system' },
    spec: {
      hub: ISTIO_HUB,
      tag: ISTIO_VERSION,
      components: {
        base: { enabled: true },
        pilot: { enabled: true },
        cni: { enabled: false },
        ztunnel: { enabled: false },
        ingressGateways: [{ name: 'istio-ingressgateway', enabled: true }],
        egressGateways: [{ name: 'istio-egressgateway', enabled: false }],
      },
      meshConfig: { enablePrometheusMerge: true },
      values: {
        defaultRevision: '',
        revision: '',
        revisionTags: [],
        ownerName: '',
        global: defaultGlobal(),
        base: {
          excludedCRDs: [],
          enableCRDTemplates: true,
          validationURL: '',
          validationCABundle: '',
          enableIstioConfigCRDs: true,
        },
        pilot: defaultPilot(),
        sidecarInjectorWebhook: {
          neverInjectSelector: [],
          alwaysInjectSelector: [],
          injectedAnnotations: {},
          enableNamespacesByDefault: false,
          reinvocationPolicy: 'Never',
          rewriteAppHTTPProbe: true,
          templates: {},
          defaultTemplates: [],
        },
        istiodRemote: {
          enabled: false,
          enabledLocalInjectorIstiod: false,
          injectionURL: '',
          injectionPath: '/inject',
          injectionCABundle: '',
        },
        telemetry: {
          enabled: true,
          v2: { enabled: true, prometheus: { enabled: true }, stackdriver: { enabled: false } },
        },
        experimental: { stableValidationPolicy: false },
        gatewayClasses: {},
        pdb: { minAvailable: 1, unhealthyPodEvictionPolicy: '' },
        gateways: defaultGateways(),
        cni: defaultCni(),
        ztunnel: defaultZtunnel(),
      },
    },
  };
}
