/** `openshift`: default plus istio-cni in kube-system with OpenShift's Multus paths and SELinux type. */
import type { Profile } from './types.js';

/** The openshift profile (manifests/profiles/openshift.yaml plus the charts' profile-platform-openshift.yaml values). */
export const openshift: Profile = {
  name: 'openshift',
  description: 'default for OpenShift: istio-cni (Multus) in kube-system, SELinux spc_t',
  overlay: {
    profile: 'openshift',
    components: { cni: { enabled: true, namespace: 'kube-system' } },
    values: {
      global: { platform: 'openshift' },
      cni: {
        cniBinDir: '/var/lib/cni/bin',
        cniConfDir: '/etc/cni/multus/net.d',
        chained: false,
        cniConfFileName: 'istio-cni.conf',
        provider: 'multus',
        seLinuxOptions: { type: 'spc_t' },
      },
      ztunnel: { seLinuxOptions: { type: 'spc_t' } },
      pilot: { cni: { enabled: true, provider: 'multus' }, trustedZtunnelNamespace: 'kube-system' },
    },
  },
};
