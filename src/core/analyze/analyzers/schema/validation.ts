/**
 * IST0106/IST0133: schema and webhook-rule problems of Istio resources, as `mesh validate` finds them (its
 * validateObjects runs before analysis; istioctl runs one ValidationAnalyzer per kind, mesh one for all).
 */
import type { Analyzer } from '../../types.js';

/** Istio kinds validated (every kind with a schema in mesh validate). */
export const VALIDATED_KINDS = [
  'AuthorizationPolicy',
  'DestinationRule',
  'EnvoyFilter',
  'Gateway',
  'PeerAuthentication',
  'ProxyConfig',
  'RequestAuthentication',
  'ServiceEntry',
  'Sidecar',
  'Telemetry',
  'TrafficExtension',
  'VirtualService',
  'WasmPlugin',
  'WorkloadEntry',
  'WorkloadGroup',
] as const;

export const schemaValidation: Analyzer = {
  meta: {
    name: 'schema.ValidationAnalyzer',
    description: 'Runs schema and Istio webhook validation on Istio resources read from files',
    inputs: VALIDATED_KINDS,
    codes: ['IST0106', 'IST0133'],
    readsSchemaProblems: true,
  },
  analyze(ctx) {
    for (const kind of VALIDATED_KINDS) {
      ctx.forEach(kind, (r) => {
        for (const p of ctx.schemaProblems(r)) {
          const text = p.path ? `${p.path}: ${p.message}` : p.message;
          ctx.report(r, p.severity === 'error' ? 'IST0106' : 'IST0133', [text], { line: p.line });
        }
      });
    }
  },
};
