/** Test helpers: build an object from a spec, validate it, and read back what one rule said. */
import jsyaml from 'js-yaml';
import { expect } from 'vitest';
import { loadDocuments, objectsOf } from '../../../../src/core/yaml/load.js';
import { validateObjects, type Diagnostic } from '../../../../src/core/validate/index.js';

const GROUPS: Record<string, string> = {
  VirtualService: 'networking.istio.io/v1',
  DestinationRule: 'networking.istio.io/v1',
  Gateway: 'networking.istio.io/v1',
  ServiceEntry: 'networking.istio.io/v1',
  Sidecar: 'networking.istio.io/v1',
  WorkloadEntry: 'networking.istio.io/v1',
  WorkloadGroup: 'networking.istio.io/v1',
  EnvoyFilter: 'networking.istio.io/v1alpha3',
  ProxyConfig: 'networking.istio.io/v1beta1',
  AuthorizationPolicy: 'security.istio.io/v1',
  PeerAuthentication: 'security.istio.io/v1',
  RequestAuthentication: 'security.istio.io/v1',
  Telemetry: 'telemetry.istio.io/v1',
  WasmPlugin: 'extensions.istio.io/v1alpha1',
  TrafficExtension: 'extensions.istio.io/v1alpha1',
};

/** Validates `{kind, metadata: {name: 'x', namespace: 'ns'}, spec}` written out as YAML and read back like a file. */
export async function validateSpec(kind: string, spec: unknown, metadata: Record<string, unknown> = { name: 'x', namespace: 'ns' }): Promise<Diagnostic[]> {
  const text = jsyaml.dump({ apiVersion: GROUPS[kind], kind, metadata, spec });
  return validateObjects(objectsOf(loadDocuments(text, 'test.yaml')));
}

/**
 * A case in a rule's table: a spec and the messages (substrings, in report order: by position, then text) the rule
 * must report; [] means valid. `{ warning: text }` expects a warning where the case's severity is otherwise used.
 */
export interface RuleCase {
  name: string;
  spec: unknown;
  expect: (string | { warning: string })[];
  /** Severity the reported messages must have (default error). */
  severity?: 'error' | 'warning';
  metadata?: Record<string, unknown>;
}

/** Runs a case: only diagnostics from `rule` are compared, so cases stay focused on one rule. */
export async function runRuleCase(rule: string, kind: string, c: RuleCase): Promise<void> {
  const all = await validateSpec(kind, c.spec, c.metadata);
  const mine = all.filter((d) => d.rule === rule);
  expect(
    mine.map((d) => d.message),
    JSON.stringify(all.map((d) => `${d.rule}: ${d.path}: ${d.message}`)),
  ).toHaveLength(c.expect.length);
  c.expect.forEach((e, i) => {
    expect(mine[i]!.message).toContain(typeof e === 'string' ? e : e.warning);
    expect(mine[i]!.severity).toBe(typeof e === 'string' ? (c.severity ?? 'error') : 'warning');
  });
}
