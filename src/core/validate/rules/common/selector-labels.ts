/** Workload selectors: label keys and values that Kubernetes label selectors can match. */
import type { FieldPath } from '../../diagnostic.js';
import type { RuleContext, SemanticRule } from '../types.js';
import { entries } from '../types.js';
import { labelKeyError, labelValueError } from '../names.js';

/** Where each kind keeps its selector's labels. */
const SELECTOR_PATHS: Record<string, string[][]> = {
  AuthorizationPolicy: [['selector', 'matchLabels']],
  PeerAuthentication: [['selector', 'matchLabels']],
  RequestAuthentication: [['selector', 'matchLabels']],
  Telemetry: [['selector', 'matchLabels']],
  WasmPlugin: [['selector', 'matchLabels']],
  TrafficExtension: [['selector', 'matchLabels']],
  ProxyConfig: [['selector', 'matchLabels']],
  DestinationRule: [['workloadSelector', 'matchLabels']],
  Sidecar: [['workloadSelector', 'labels']],
  EnvoyFilter: [['workloadSelector', 'labels']],
  ServiceEntry: [['workloadSelector', 'labels']],
  Gateway: [['selector']],
};

function checkLabels(map: unknown, at: FieldPath, ctx: RuleContext): void {
  for (const [key, value] of entries(map)) {
    // Wildcards are the CEL rules' business; skip them here so that each problem is reported once.
    const keyProblem = key.includes('*') || key === '' ? undefined : labelKeyError(key);
    if (keyProblem) ctx.report([...at, key], `invalid label key "${key}": ${keyProblem}`);
    const valueProblem = typeof value !== 'string' || value.includes('*') ? undefined : labelValueError(value);
    if (valueProblem) ctx.report([...at, key], `invalid label value "${value}": ${valueProblem}`);
  }
}

export const selectorLabels: SemanticRule = {
  name: 'common.selector-labels',
  description: 'workload selector label keys and values are valid Kubernetes labels',
  kinds: Object.keys(SELECTOR_PATHS),
  check(spec, ctx) {
    for (const path of SELECTOR_PATHS[ctx.object.kind] ?? []) {
      let v: any = spec;
      for (const p of path) v = v?.[p];
      checkLabels(v, ['spec', ...path], ctx);
    }
  },
};
