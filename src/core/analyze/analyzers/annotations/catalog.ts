/**
 * Istio's resource annotations (istio/api annotation/annotations.yaml, 1.30): which kinds each applies to,
 * whether it is deprecated, and a value check where Istio's injector validates the value.
 */

/** One known annotation. */
export interface AnnotationInfo {
  /** Kinds it has an effect on; 'Any' means every kind. */
  kinds: readonly string[];
  deprecated?: boolean;
  /** Extra words after "deprecated" in the message. */
  deprecation?: string;
  /** Returns a problem with the value, or undefined when it is fine. */
  check?: (value: string) => string | undefined;
}

const bool = (v: string): string | undefined => (/^(true|false)$/i.test(v) ? undefined : `"${v}" is not true or false`);
const port = (v: string): string | undefined => (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536 ? undefined : `"${v}" is not a port number`);
const ports = (v: string): string | undefined => {
  if (v.trim() === '*' || v.trim() === '') return undefined;
  const bad = v
    .split(',')
    .map((p) => p.trim())
    .find((p) => port(p) !== undefined);
  return bad === undefined ? undefined : `"${bad}" is not a port number`;
};
const cidrs = (v: string): string | undefined => {
  if (v.trim() === '*' || v.trim() === '') return undefined;
  const bad = v
    .split(',')
    .map((c) => c.trim())
    .find((c) => !isCidr(c));
  return bad === undefined ? undefined : `"${bad}" is not an IP range in CIDR form`;
};
const quantity = (v: string): string | undefined =>
  /^\d+(\.\d+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.test(v) ? undefined : `"${v}" is not a resource quantity`;
const seconds = (v: string): string | undefined => (/^\d+$/.test(v) ? undefined : `"${v}" is not a whole number of seconds`);
const oneOf =
  (...allowed: string[]) =>
  (v: string): string | undefined =>
    allowed.includes(v) ? undefined : `"${v}" is not one of ${allowed.join(', ')}`;

function isCidr(c: string): boolean {
  const [ip, bits, extra] = c.split('/');
  if (extra !== undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip!)) return Number(bits) <= 32 && ip!.split('.').every((o) => Number(o) <= 255);
  return ip!.includes(':') && /^[0-9a-fA-F:.]+$/.test(ip!) && Number(bits) <= 128;
}

const POD = ['Pod'];
const pod = (check?: AnnotationInfo['check'], deprecated = false): AnnotationInfo => ({ kinds: POD, check, deprecated });

/** Every annotation Istio defines, by name. */
export const ANNOTATIONS: Readonly<Record<string, AnnotationInfo>> = {
  'prometheus.istio.io/merge-metrics': pod(bool),
  'alpha.istio.io/kubernetes-serviceaccounts': { kinds: ['Service'], deprecated: true },
  'alpha.istio.io/canonical-serviceaccounts': { kinds: ['Service'], deprecated: true },
  'networking.istio.io/exportTo': { kinds: ['Service'] },
  'sidecar.istio.io/inject': { kinds: POD, deprecated: true, deprecation: ' in favor of the "sidecar.istio.io/inject" label', check: bool },
  'sidecar.istio.io/status': pod(),
  'sidecar.istio.io/rewriteAppHTTPProbers': pod(bool),
  'sidecar.istio.io/discoveryAddress': pod(undefined, true),
  'sidecar.istio.io/proxyImage': pod(),
  'sidecar.istio.io/proxyImageType': pod(oneOf('default', 'debug', 'distroless')),
  'sidecar.istio.io/proxyCPU': pod(quantity),
  'sidecar.istio.io/proxyCPULimit': pod(quantity),
  'sidecar.istio.io/proxyMemory': pod(quantity),
  'sidecar.istio.io/proxyMemoryLimit': pod(quantity),
  'sidecar.istio.io/interceptionMode': pod(oneOf('REDIRECT', 'TPROXY', 'NONE')),
  'sidecar.istio.io/bootstrapOverride': pod(),
  'sidecar.istio.io/statsInclusionPrefixes': pod(undefined, true),
  'sidecar.istio.io/statsInclusionSuffixes': pod(undefined, true),
  'sidecar.istio.io/statsInclusionRegexps': pod(undefined, true),
  'sidecar.istio.io/statsHistogramBuckets': pod(),
  'sidecar.istio.io/statsFlushInterval': pod(),
  'sidecar.istio.io/statsEvictionInterval': pod(),
  'sidecar.istio.io/statsHistogramBins': pod(),
  'sidecar.istio.io/statsCompression': pod(undefined, true),
  'sidecar.istio.io/userVolume': pod(),
  'sidecar.istio.io/userVolumeMount': pod(),
  'sidecar.istio.io/enableCoreDump': pod(bool),
  'status.sidecar.istio.io/port': pod((v) => (v === '0' ? undefined : port(v))),
  'sidecar.istio.io/logLevel': pod(oneOf('trace', 'debug', 'info', 'warning', 'warn', 'error', 'critical', 'off')),
  'sidecar.istio.io/componentLogLevel': pod(),
  'sidecar.istio.io/agentLogLevel': pod(),
  'sidecar.istio.io/nativeSidecar': pod(bool),
  'sidecar.istio.io/extraStatTags': pod(undefined, true),
  'readiness.status.sidecar.istio.io/initialDelaySeconds': pod(seconds),
  'readiness.status.sidecar.istio.io/periodSeconds': pod(seconds),
  'readiness.status.sidecar.istio.io/failureThreshold': pod(seconds),
  'readiness.status.sidecar.istio.io/applicationPorts': pod(ports),
  'traffic.istio.io/nodeSelector': { kinds: ['Service'] },
  'traffic.sidecar.istio.io/includeOutboundIPRanges': pod(cidrs),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': pod(cidrs),
  'traffic.sidecar.istio.io/includeInboundPorts': pod(ports),
  'traffic.sidecar.istio.io/excludeInboundPorts': pod(ports),
  'traffic.sidecar.istio.io/excludeInterfaces': pod(),
  'traffic.sidecar.istio.io/includeOutboundPorts': pod(ports),
  'traffic.sidecar.istio.io/excludeOutboundPorts': pod(ports),
  'traffic.sidecar.istio.io/kubevirtInterfaces': pod(undefined, true),
  'kubernetes.io/ingress.class': { kinds: ['Ingress'] },
  'galley.istio.io/analyze-suppress': { kinds: ['Any'] },
  'proxy.istio.io/config': pod(),
  'istio.io/dry-run': { kinds: ['AuthorizationPolicy'], check: bool },
  'istio.io/rev': { kinds: ['Any'] },
  'proxy.istio.io/overrides': pod(),
  'inject.istio.io/templates': pod(),
  'istio.io/autoRegistrationGroup': { kinds: ['WorkloadEntry'] },
  'istio.io/workloadController': { kinds: ['WorkloadEntry'] },
  'istio.io/connectedAt': { kinds: ['WorkloadEntry'] },
  'istio.io/disconnectedAt': { kinds: ['WorkloadEntry'] },
  'topology.istio.io/controlPlaneClusters': { kinds: ['Namespace'] },
  'gateway.istio.io/controller-version': { kinds: ['Any'] },
  'ambient.istio.io/redirection': pod(),
  'ambient.istio.io/waypoint-inbound-binding': { kinds: ['GatewayClass', 'Gateway'] },
  'gateway.istio.io/service-account': { kinds: ['Gateway'] },
  'gateway.istio.io/name-override': { kinds: ['Gateway'] },
  'networking.istio.io/service-type': { kinds: ['Gateway'] },
  'networking.istio.io/traffic-distribution': { kinds: ['Namespace', 'Service', 'ServiceEntry'] },
  'istio.io/use-waypoint-canary-weight': { kinds: ['Service', 'ServiceEntry', 'Namespace'] },
  'ambient.istio.io/bypass-inbound-capture': pod(bool),
  'istio.io/reroute-virtual-interfaces': pod(),
  'ambient.istio.io/dns-capture': pod(bool),
};

/** True for annotations in an Istio domain (`*istio.io/...`), which the analyzer judges. */
export function isIstioAnnotation(name: string): boolean {
  const slash = name.indexOf('/');
  return slash > 0 && name.slice(0, slash).endsWith('istio.io');
}
