/**
 * verify-install's judgement: per rendered object, is it in the cluster, ready, and as mesh would apply it?
 * Drift is the difference between the live object and the server's dry-run of applying the render to it, so
 * defaulting and normalisation by the API server (quantities, int-or-string ports) never count as drift.
 */
import type { KubeObject } from '../yaml/load.js';
import { describeRef, type ObjectRef } from './objects.js';
import { isMap } from '../tree.js';
import { isDeactivated } from '../tag/plan.js';

/** One field that differs. */
export interface Drift {
  /** Path such as `spec.template.spec.containers[name=discovery].image`. */
  path: string;
  /** Value in the cluster (undefined: absent). */
  live: unknown;
  /** Value mesh would apply (undefined: mesh would remove it). */
  want: unknown;
}

/** The outcome for one object. */
export interface VerifyEntry {
  /** Which object. */
  ref: ObjectRef;
  /** `ok`, `missing`, `not-ready` or `drift`. */
  state: 'ok' | 'missing' | 'not-ready' | 'drift';
  /** Readiness summary, pod reasons or drifted fields; empty when ok. */
  details: string[];
}

/** The whole report (also the JSON shape of `verify-install -o json`). */
export interface VerifyReport {
  /** True when every object is present, ready and without drift. */
  ok: boolean;
  /** Counts by state. */
  counts: Record<VerifyEntry['state'], number>;
  /** Entries in apply order. */
  entries: VerifyEntry[];
}

/** Metadata the server owns; differences there are never drift. */
const VOLATILE_METADATA = [
  'managedFields',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'uid',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/** Fields that differ between the live object and the dry-run result of applying the render (status ignored). */
export function diffObject(live: KubeObject, predicted: KubeObject): Drift[] {
  const out: Drift[] = [];
  const strip = (o: KubeObject): Record<string, unknown> => {
    const { status: _status, metadata, ...rest } = o;
    const meta = { ...(metadata ?? {}) } as Record<string, unknown>;
    for (const k of VOLATILE_METADATA) delete meta[k];
    return { metadata: meta, ...rest };
  };
  walk(strip(live), strip(predicted), '', out);
  const ignored = RUNTIME_OWNED[live.kind];
  // A `default` tag switches off the `default` revision's own injector (never-match selectors): expected, not drift.
  const deactivated = isDeactivated(live) ? DEACTIVATED_PATH : undefined;
  return out.filter((d) => !ignored?.test(d.path) && !deactivated?.test(d.path));
}

/** The fields the default tag rewrites in the injector it switches off. */
const DEACTIVATED_PATH = /^webhooks\[name=[^\]]+\]\.(namespaceSelector|objectSelector)(\.|\[|$)/;

/**
 * Fields istiod rewrites at run time on purpose: it patches the CA bundle into its webhooks and flips the
 * validating webhook to `failurePolicy: Fail` once it serves. Reporting them would make every healthy install drift.
 */
const RUNTIME_OWNED: Record<string, RegExp> = {
  ValidatingWebhookConfiguration: /^webhooks\[name=[^\]]+\]\.(failurePolicy|clientConfig\.caBundle)$/,
  MutatingWebhookConfiguration: /^webhooks\[name=[^\]]+\]\.clientConfig\.caBundle$/,
};

function walk(live: unknown, want: unknown, path: string, out: Drift[]): void {
  if (Object.is(live, want)) return;
  if (Array.isArray(live) && Array.isArray(want)) {
    const named = (a: unknown[]): boolean => a.every((x) => x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string');
    if (named(live) && named(want)) {
      // Lists of named items (containers, ports, env) are matched by name, so a reordering is not reported twice.
      const byName = (a: unknown[]): Map<string, unknown> => new Map(a.map((x) => [(x as { name: string }).name, x]));
      const l = byName(live);
      const w = byName(want);
      for (const name of new Set([...l.keys(), ...w.keys()])) walk(l.get(name), w.get(name), `${path}[name=${name}]`, out);
      return;
    }
    if (live.length !== want.length) {
      out.push({ path, live, want });
      return;
    }
    live.forEach((x, i) => walk(x, want[i], `${path}[${i}]`, out));
    return;
  }
  if (isMap(live) && isMap(want)) {
    for (const k of new Set([...Object.keys(live), ...Object.keys(want)])) {
      walk(live[k], want[k], path ? `${path}.${k}` : k, out);
    }
    return;
  }
  out.push({ path, live, want });
}

/** Short text for one drift: `spec.replicas: cluster 3, mesh wants 1`. */
export function describeDrift(d: Drift): string {
  const show = (v: unknown): string => {
    if (v === undefined) return 'absent';
    const text = JSON.stringify(v);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  };
  if (typeof d.live === 'string' && typeof d.want === 'string' && (d.live.includes('\n') || d.want.includes('\n'))) {
    return `${d.path}: ${describeTextChange(d.live, d.want)}`;
  }
  return `${d.path}: cluster has ${show(d.live)}, mesh wants ${show(d.want)}`;
}

/**
 * Multi-line text (mesh config, injector values): the lines only one side has, so a long ConfigMap value shows
 * what changed instead of both values cut at 120 characters. One line, for reports that indent details.
 */
function describeTextChange(live: string, want: string): string {
  const count = (text: string) => {
    const m = new Map<string, number>();
    for (const line of text.split('\n')) if (line.trim()) m.set(line, (m.get(line) ?? 0) + 1);
    return m;
  };
  const only = (a: Map<string, number>, b: Map<string, number>) => [...a].flatMap(([line, n]) => Array<string>(Math.max(0, n - (b.get(line) ?? 0))).fill(line));
  const liveLines = count(live);
  const wantLines = count(want);
  const removed = only(liveLines, wantLines);
  const added = only(wantLines, liveLines);
  if (!removed.length && !added.length) return 'the same lines in another order or spacing';
  const list = (side: string, lines: string[]) => {
    if (!lines.length) return [];
    const shown = lines
      .slice(0, 3)
      .map((l) => JSON.stringify(l.trim()))
      .join(', ');
    return [`${side} ${shown}${lines.length > 3 ? ` (+${lines.length - 3} more lines)` : ''}`];
  };
  return `text differs: ${[...list('only the cluster has', removed), ...list('only mesh has', added)].join('; ')}`;
}

/** Builds the report from per-object entries. */
export function summarize(entries: VerifyEntry[]): VerifyReport {
  const counts = { ok: 0, missing: 0, 'not-ready': 0, drift: 0 };
  for (const e of entries) counts[e.state]++;
  return { ok: entries.every((e) => e.state === 'ok'), counts, entries };
}

/** Human report lines: one per problem object with its details indented, then a summary line. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines: string[] = [];
  for (const e of report.entries) {
    if (e.state === 'ok') continue;
    lines.push(`✘ ${describeRef(e.ref)}: ${e.state}`);
    for (const d of e.details) lines.push(`    ${d}`);
  }
  const { ok, missing, drift } = report.counts;
  const notReady = report.counts['not-ready'];
  const total = report.entries.length;
  lines.push(
    report.ok
      ? `✔ all ${total} objects of the install are present, ready and match the render`
      : `${total} objects checked: ${ok} ok, ${missing} missing, ${notReady} not ready, ${drift} drifted`,
  );
  return `${lines.join('\n')}\n`;
}
