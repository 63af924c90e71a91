/**
 * Checks the injection annotations Istio validates before injecting (pkg/kube/inject/validate.go), so a typo
 * fails with a clear message instead of a broken sidecar.
 */
import { isQuantity } from './quantity.js';
import { parseGoBool } from './postprocess.js';

type Check = (value: string) => string | undefined;

const portList =
  (what: string): Check =>
  (value) => {
    if (value.trim() === '') return undefined;
    for (const p of value.split(',')) {
      const t = p.trim();
      if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 65535) return `${what}: "${t}" is not a port (1-65535)`;
    }
    return undefined;
  };

const CIDR4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;
const cidrList = (value: string): string | undefined => {
  if (value === '') return undefined;
  for (const c of value.split(',')) {
    if (!CIDR4.test(c) && !isIPv6Cidr(c)) return `"${c}" is not a CIDR`;
  }
  return undefined;
};

function isIPv6Cidr(c: string): boolean {
  const m = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(c);
  return !!m && m[1]!.includes(':') && Number(m[2]) <= 128 && /^[0-9a-fA-F:]*(:(\d{1,3}\.){3}\d{1,3})?$/.test(m[1]!) && (m[1]!.match(/::/g)?.length ?? 0) <= 1;
}

const uint32: Check = (v) => (/^\d+$/.test(v) && Number(v) <= 0xffffffff ? undefined : 'must be a non-negative integer');

/** Annotation name → check. */
export const ANNOTATION_CHECKS: Record<string, Check> = {
  'sidecar.istio.io/interceptionMode': (v) => (['REDIRECT', 'TPROXY', 'NONE'].includes(v) ? undefined : 'must be REDIRECT, TPROXY or NONE'),
  'status.sidecar.istio.io/port': (v) => (/^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535 ? undefined : 'must be a port number'),
  'readiness.status.sidecar.istio.io/initialDelaySeconds': uint32,
  'readiness.status.sidecar.istio.io/periodSeconds': uint32,
  'readiness.status.sidecar.istio.io/failureThreshold': uint32,
  'traffic.sidecar.istio.io/includeOutboundIPRanges': (v) => (v === '*' ? undefined : cidrList(v)),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': cidrList,
  'traffic.sidecar.istio.io/includeInboundPorts': (v) => (v === '*' ? undefined : portList('includeInboundPorts')(v)),
  'traffic.sidecar.istio.io/excludeInboundPorts': portList('excludeInboundPorts'),
  'traffic.sidecar.istio.io/excludeOutboundPorts': portList('excludeOutboundPorts'),
  'traffic.sidecar.istio.io/includeOutboundPorts': portList('includeOutboundPorts'),
  'prometheus.istio.io/merge-metrics': (v) => (parseGoBool(v) === undefined ? 'must be true or false' : undefined),
  'sidecar.istio.io/rewriteAppHTTPProbers': (v) => (parseGoBool(v) === undefined ? 'must be true or false' : undefined),
  'sidecar.istio.io/proxyCPU': (v) => (isQuantity(v) ? undefined : 'must be a resource quantity such as 100m'),
  'sidecar.istio.io/proxyMemory': (v) => (isQuantity(v) ? undefined : 'must be a resource quantity such as 128Mi'),
  'sidecar.istio.io/proxyCPULimit': (v) => (isQuantity(v) ? undefined : 'must be a resource quantity such as 2'),
  'sidecar.istio.io/proxyMemoryLimit': (v) => (isQuantity(v) ? undefined : 'must be a resource quantity such as 1Gi'),
};

/** One problem with an annotation. */
export interface AnnotationProblem {
  annotation: string;
  value: unknown;
  message: string;
}

/** Checks every annotation Istio validates; also that annotation values are strings, as the API server requires. */
export function checkAnnotations(annotations: Record<string, unknown>): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  for (const [name, value] of Object.entries(annotations)) {
    if (typeof value !== 'string') {
      problems.push({ annotation: name, value, message: `annotation values must be strings; quote it ("${String(value)}")` });
      continue;
    }
    const msg = ANNOTATION_CHECKS[name]?.(value);
    if (msg) problems.push({ annotation: name, value, message: msg });
  }
  return problems;
}
