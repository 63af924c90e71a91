/**
 * The openAPIV3Schema of each CRD version. Until src/core/validate/crd-schema.ts (generated from schemas/, shared
 * with `mesh validate`) is wired in, each version gets a structural schema that keeps spec and status as
 * free-form objects: valid for the API server, but it validates nothing inside them.
 */
import type { Values } from './types.js';

/** The structural schema for `kind` at `version`. */
export function crdSchemaFor(kind: string, version: string): Values {
  void kind;
  void version;
  return {
    type: 'object',
    properties: {
      spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    },
  };
}
