// The types of index.js, which scripts/build-schemas.mjs generates (with one <Kind>.js per kind) at build time.
// Committed by hand, not generated, so that `tsc --noEmit` passes on a fresh clone before any build:
// keep it in step with what build-schemas.mjs writes.
import type { CheckNode } from '../check-tree.js';
/** An ajv validation error (the fields mesh reads). */
export interface AjvError { instancePath: string; schemaPath: string; keyword: string; params: Record<string, any>; message?: string }
/** A compiled validator: returns true when valid, else sets .errors. */
export interface CompiledValidator { (data: unknown): boolean; errors?: AjvError[] | null }
/** What each kind's generated module exports. */
export interface KindModule { validate: CompiledValidator; checks: CheckNode | null }
/** API group and served versions of every kind that has a compiled validator. */
export declare const kinds: Record<string, { group: string; versions: string[] }>;
/** Lazy loaders, one per kind. */
export declare const loaders: Record<string, () => Promise<KindModule>>;
