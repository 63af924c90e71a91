/** `openshift-ambient`: the ambient profile on OpenShift: istio-cni and ztunnel in kube-system, Multus paths, spc_t. */
import { type JsonObject, merge } from '../core/tree.js';
import { ambient } from './ambient.js';
import { openshift } from './openshift.js';
import type { IstioOperatorSpec } from './operator.js';
import type { Profile } from './types.js';

/**
 * The openshift-ambient profile (manifests/profiles/openshift-ambient.yaml: ambient's components with CNI and ztunnel
 * in kube-system and `platform: openshift`, so the charts add their OpenShift values as for `openshift`).
 */
export const openshiftAmbient: Profile = {
  name: 'openshift-ambient',
  description: 'ambient for OpenShift: istio-cni (Multus) and ztunnel in kube-system, SELinux spc_t',
  overlay: merge(merge(ambient.overlay as JsonObject, openshift.overlay as JsonObject), {
    profile: 'openshift-ambient',
    components: { ztunnel: { enabled: true, namespace: 'kube-system' } },
    values: { profile: 'ambient' },
  }) as IstioOperatorSpec,
};
