/**
 * Renders a config-dump comparison as istioctl prints it (`Clusters Match`, or `Listeners Don't Match` followed by a
 * unified diff from istiod's side to Envoy's), and as mesh's JSON/YAML report. The diff itself is made by the
 * caller (the `diff` package lives behind an adapter), so this stays pure.
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

/** The text report; times are printed in UTC in RFC 1123 form. */
export function renderComparison(c: DumpComparison, diff: DiffFn): string {
  let out = '';
  for (const s of c.sections) {
    const suffix = s.name === 'Routes' && c.routesLastLoaded ? ` (RDS last loaded at ${rfc1123(c.routesLastLoaded)})` : '';
    if (s.match) {
      out += `${s.name} Match${suffix}\n`;
      continue;
    }
    out += `${s.name} Don't Match${suffix}\n`;
    out += `${diff(s.istiod, s.envoy, `Istiod ${s.name}`, `Envoy ${s.name}`)}\n`;
  }
  return out;
}

/** The machine-readable report; `diff` is included for sections that differ. */
export function comparisonReport(c: DumpComparison, proxy: string, istiod: string, diff: DiffFn): ComparisonReport {
  const report: ComparisonReport = {
    proxy,
    istiod,
    match: c.sections.every((s) => s.match),
    sections: c.sections.map((s) => (s.match ? { name: s.name, match: true } : { name: s.name, match: false, diff: diff(s.istiod, s.envoy, `Istiod ${s.name}`, `Envoy ${s.name}`) })),
  };
  if (c.routesLastLoaded) report.routesLastLoaded = c.routesLastLoaded;
  return report;
}

/** `Mon, 02 Jan 2006 15:04:05 UTC`, Go's time.RFC1123 in UTC. */
function rfc1123(iso: string): string {
  return new Date(iso).toUTCString().replace(/GMT$/, 'UTC');
}
