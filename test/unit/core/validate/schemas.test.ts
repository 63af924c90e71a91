/** Invariants of the schemas: they compile, every served kind and version has one, the CRD form is structural, every CEL rule is implemented. */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { crdSchema, kindInfo, schemaKinds } from '../../../../src/core/model/crd-schema.js';
import { schemaRegistry } from '../../../../src/core/model/kind-catalog.js';
import { buildCheckTree, type CheckNode } from '../../../../src/core/validate/check-tree.js';
import { celCheck } from '../../../../src/core/validate/cel.js';
import { istioKinds } from '../../../../src/core/validate/index.js';
import { structuralErrors } from './structural.js';

/** Istio 1.30's served kinds and versions (ISTIO-FACTS.md), written out independently of the schemas. */
const SERVED: Record<string, string[]> = {
  VirtualService: ['v1', 'v1beta1', 'v1alpha3'],
  DestinationRule: ['v1', 'v1beta1', 'v1alpha3'],
  Gateway: ['v1', 'v1beta1', 'v1alpha3'],
  ServiceEntry: ['v1', 'v1beta1', 'v1alpha3'],
  Sidecar: ['v1', 'v1beta1', 'v1alpha3'],
  WorkloadEntry: ['v1', 'v1beta1', 'v1alpha3'],
  WorkloadGroup: ['v1', 'v1beta1', 'v1alpha3'],
  EnvoyFilter: ['v1alpha3'],
  ProxyConfig: ['v1beta1'],
  AuthorizationPolicy: ['v1', 'v1beta1'],
  PeerAuthentication: ['v1', 'v1beta1'],
  RequestAuthentication: ['v1', 'v1beta1'],
  Telemetry: ['v1', 'v1alpha1'],
  WasmPlugin: ['v1alpha1'],
  TrafficExtension: ['v1alpha1'],
};
const pairs = Object.entries(SERVED).flatMap(([kind, versions]) => versions.map((v) => [kind, v] as const));

describe('schemas', () => {
  it('cover exactly the served Istio kinds', () => {
    expect(schemaKinds()).toEqual(Object.keys(SERVED).sort());
  });

  it.each(pairs)('%s %s is served by its schema and has a compiled validator', (kind, version) => {
    expect(kindInfo(kind)!.versions).toContain(version);
    expect(istioKinds()[kind]?.versions).toContain(version);
  });

  it.each(schemaKinds())('%s compiles with ajv in strict mode', (kind) => {
    const ajv = new Ajv.default({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
      keywords: ['x-istio', 'x-kubernetes-validations', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys'],
      formats: { duration: true, re2: true, byte: true, int32: true, double: true },
    });
    for (const schema of schemaRegistry.values()) ajv.addSchema(schema);
    expect(() => ajv.getSchema(kind)).not.toThrow();
    expect(ajv.getSchema(kind)).toBeTypeOf('function');
  });

  it.each(pairs)('crdSchema(%s, %s) is structural', (kind, version) => {
    const schema = crdSchema(kind, version);
    expect(structuralErrors(schema)).toEqual([]);
    expect(Object.keys(schema.properties as object)).toEqual(['spec', 'status']);
    expect(JSON.stringify(schema)).not.toContain('$ref');
  });

  it('crdSchema keeps CEL rules, enums and preserve-unknown-fields', () => {
    const vs = JSON.stringify(crdSchema('VirtualService', 'v1'));
    expect(vs).toContain("duration(self) >= duration('1ms')");
    expect(vs).toContain('"FROM_PROTOCOL_DEFAULT"');
    const ef = crdSchema('EnvoyFilter', 'v1alpha3') as any;
    const value = ef.properties.spec.properties.configPatches.items.properties.patch.properties.value;
    expect(value['x-kubernetes-preserve-unknown-fields']).toBe(true);
  });

  it('crdSchema rejects unknown kinds and unserved versions', () => {
    expect(() => crdSchema('Nope', 'v1')).toThrow(/no schema for kind/);
    expect(() => crdSchema('EnvoyFilter', 'v1')).toThrow(/not served in version v1/);
  });

  it('the structural checker finds violations', () => {
    expect(structuralErrors({ type: 'object', properties: { a: {} } })).toEqual(['.a: missing type']);
    expect(structuralErrors({ type: 'object', additionalProperties: false })).toHaveLength(1);
    expect(structuralErrors({ type: 'object', properties: { a: { type: 'string' } }, oneOf: [{ type: 'object', required: ['b'] }] })).toHaveLength(2);
    expect(structuralErrors({ type: 'object', $ref: '#/x' })).toHaveLength(1);
  });

  it.each(schemaKinds())('every CEL rule of %s has a JavaScript equivalent', (kind) => {
    const rules: string[] = [];
    const walk = (n: CheckNode | undefined) => {
      if (!n) return;
      for (const r of n.cel ?? []) rules.push(r.rule);
      Object.values(n.props ?? {}).forEach(walk);
      walk(n.items);
      walk(n.values);
    };
    walk(buildCheckTree(kind, schemaRegistry));
    for (const rule of rules) expect(celCheck(rule), rule).toBeTypeOf('function');
  });
});
