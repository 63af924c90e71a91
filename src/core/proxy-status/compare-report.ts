/**
 * A config-dump comparison as mesh's JSON/YAML report (the text report is src/render/proxy-status.ts). The diff
 * itself is made by the caller (src/render/diff.ts), so this stays pure.
 */
import type { DumpComparison } from './compare.js';

/** Makes a unified diff of two texts; returns '' when they are equal. */
export type DiffFn = (a: string, b: string, aLabel: string, bLabel: string) => string;

/** The JSON/YAML form of a comparison. */
export interface ComparisonReport {
  /** Proxy ID compared. */
  proxy: string;
  /** The istiod pod that had the proxy's config. */
  istiod: string;
  /** True when every section matches. */
  match: boolean;
  sections: { name: string; match: boolean; diff?: string }[];
  /** When Envoy last loaded routes (RFC 3339). */
  routesLastLoaded?: string;
}

/** The machine-readable report; `diff` is included for sections that differ. */
export function comparisonReport(c: DumpComparison, proxy: string, istiod: string, diff: DiffFn): ComparisonReport {
  const report: ComparisonReport = {
    proxy,
    istiod,
    match: c.sections.every((s) => s.match),
    sections: c.sections.map((s) =>
      s.match ? { name: s.name, match: true } : { name: s.name, match: false, diff: diff(s.istiod, s.envoy, `Istiod ${s.name}`, `Envoy ${s.name}`) },
    ),
  };
  if (c.routesLastLoaded) report.routesLastLoaded = c.routesLastLoaded;
  return report;
}
