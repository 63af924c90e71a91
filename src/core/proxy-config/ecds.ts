/** `proxy-config ecds`: extension configurations Envoy received through ECDS (Wasm plugins, Istio's stats filters). */
import { cmp } from './clusters.js';
import { entries, sections, type ConfigDump } from './dump.js';
import { field, str, typeName, type Json } from './fields.js';
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
    .sort((a, b) => cmp(a.type, b.type) || cmp(a.name, b.name));
}

/** The ECDS sections as they are in the dump (for -o json|yaml). */
export function ecdsSections(dump: ConfigDump): Json[] {
  return sections(dump, 'EcdsConfigDump');
}

/** The ECDS table. */
export function ecdsTable(items: readonly EcdsSummary[]): TableModel {
  return { header: ['ECDS NAME', 'TYPE'], rows: items.map((e) => [e.name, e.type]) };
}
