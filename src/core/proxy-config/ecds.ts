/** `proxy-config ecds`: extension configurations Envoy received through ECDS (Wasm plugins, Istio's stats filters). */
import type { JsonObject } from '../tree.js';
import { compareStrings } from '../tree.js';
import { entries, sections, type ConfigDump } from './dump.js';
import { field, str, typeName } from './fields.js';
import type { TableModel } from './table.js';

/** One extension configuration. */
export interface EcdsSummary {
  name: string;
  /** The extension's message type, e.g. `envoy.extensions.filters.http.wasm.v3.Wasm`. */
  type: string;
}

/** ECDS filters of the dump, sorted by type then name (istioctl's order). */
export function readEcds(dump: ConfigDump): EcdsSummary[] {
  return entries(dump, 'EcdsConfigDump', 'ecdsFilters', 'ecdsFilter')
    .map((c) => ({ name: str(c, 'name'), type: typeName(field(c, 'typedConfig')) }))
    .sort((a, b) => compareStrings(a.type, b.type) || compareStrings(a.name, b.name));
}

/** The ECDS sections as they are in the dump (for -o json|yaml). */
export function ecdsSections(dump: ConfigDump): JsonObject[] {
  return sections(dump, 'EcdsConfigDump');
}

/** The ECDS table. */
export function ecdsTable(items: readonly EcdsSummary[]): TableModel {
  return { header: ['ECDS NAME', 'TYPE'], rows: items.map((e) => [e.name, e.type]) };
}
