/**
 * Why a pod is, or would be, injected: each Istio injection webhook's namespaceSelector and objectSelector against
 * the namespace's and the pod's labels, with the reason istioctl x check-inject gives (istioctl/pkg/checkinject).
 * Pure: webhook configurations and label maps in, one verdict per Istio webhook configuration out.
 */
import { labelSelectorMatches } from '../model/label-selector.js';
import { isMap, type JsonObject } from '../tree.js';

/** One injection webhook configuration's verdict. */
export interface WebhookVerdict {
  /** The MutatingWebhookConfiguration's name. */
  webhook: string;
  /** Its istio.io/rev label ('' when it has none). */
  revision: string;
  /** It injects the pod. */
  injected: boolean;
  /** Which labels decided, in istioctl's words. */
  reason: string;
}

const INJECTION_LABEL = 'istio-injection';

/** The verdict of every Istio MutatingWebhookConfiguration (a webhook named `*istio.io`), sorted by name. */
export function checkInjection(configs: readonly unknown[], podLabels: Record<string, string>, nsLabels: Record<string, string>): WebhookVerdict[] {
  const out: WebhookVerdict[] = [];
  for (const c of configs) {
    if (!isMap(c)) continue;
    const hooks = (Array.isArray(c.webhooks) ? c.webhooks : []).filter(isMap);
    if (!hooks.some((h) => String(h.name ?? '').endsWith('istio.io'))) continue;
    const meta = isMap(c.metadata) ? c.metadata : {};
    const labels = isMap(meta.labels) ? meta.labels : {};
    const { reason, injected } = verdict(hooks, podLabels, nsLabels);
    out.push({ webhook: String(meta.name ?? ''), revision: String(labels['istio.io/rev'] ?? ''), injected, reason });
  }
  return out.sort((a, b) => (a.webhook < b.webhook ? -1 : a.webhook > b.webhook ? 1 : 0));
}

/** The first webhook that decides, in order; else why none matched. */
function verdict(hooks: JsonObject[], podLabels: Record<string, string>, nsLabels: Record<string, string>): { reason: string; injected: boolean } {
  for (const wh of hooks) {
    const ns = matched(wh.namespaceSelector, nsLabels);
    const pod = matched(wh.objectSelector, podLabels);
    if (ns.matched && pod.matched) {
      if (ns.label && pod.label) return { reason: `Namespace label ${ns.label} matches, and pod label ${pod.label} matches`, injected: true };
      if (ns.label) {
        const all = ns.label.includes('kubernetes.io/metadata.name') ? ' (Automatic injection is enabled in all namespaces).' : '';
        return { reason: `Namespace label ${ns.label} matches${all}`, injected: true };
      }
      if (pod.label) return { reason: `Pod label ${pod.label} matches`, injected: true };
    } else if (ns.matched) {
      for (const e of expressions(wh.objectSelector)) {
        const v = podLabels[e.key];
        if (v === undefined) continue;
        if (e.operator === 'DoesNotExist' || (e.operator === 'NotIn' && e.values.includes(v))) {
          return { reason: `Pod has ${e.key}=${v} label, preventing injection`, injected: false };
        }
      }
    } else if (pod.matched) {
      const v = nsLabels[INJECTION_LABEL];
      if (v !== undefined && v !== 'enabled') return { reason: `Namespace has ${INJECTION_LABEL}=${v} label, preventing injection`, injected: false };
    }
  }
  return { reason: noMatchReason(hooks), injected: false };
}

/** Whether a selector matches, and the first In/NotIn label of it the object carries (istioctl's "matched label"). */
function matched(selector: unknown, labels: Record<string, string>): { matched: boolean; label: string } {
  if (selector === undefined || selector === null) return { matched: true, label: '' };
  if (!labelSelectorMatches(selector, labels)) return { matched: false, label: '' };
  for (const e of expressions(selector)) {
    if ((e.operator === 'In' || e.operator === 'NotIn') && labels[e.key] !== undefined) return { matched: true, label: `${e.key}=${labels[e.key]}` };
  }
  return { matched: true, label: '' };
}

function expressions(selector: unknown): { key: string; operator: string; values: string[] }[] {
  if (!isMap(selector) || !Array.isArray(selector.matchExpressions)) return [];
  return selector.matchExpressions.filter(isMap).map((e) => ({
    key: String(e.key ?? ''),
    operator: String(e.operator ?? ''),
    values: Array.isArray(e.values) ? e.values.map(String) : [],
  }));
}

/** A deactivated webhook says so; otherwise the labels the webhooks would accept (their In expressions). */
function noMatchReason(hooks: JsonObject[]): string {
  const nsWanted: string[] = [];
  const podWanted: string[] = [];
  let deactivated = false;
  for (const wh of hooks) {
    if (isNeverMatch(wh.namespaceSelector) && isNeverMatch(wh.objectSelector)) deactivated = true;
    for (const [selector, into] of [
      [wh.namespaceSelector, nsWanted],
      [wh.objectSelector, podWanted],
    ] as const) {
      for (const e of expressions(selector)) if (e.operator === 'In') for (const v of e.values) into.push(`${e.key}=${v}`);
    }
  }
  if (deactivated) return 'The injection webhook is deactivated, and will never match labels.';
  return `No matching namespace labels (${nsWanted.join(', ')}) or pod labels (${podWanted.join(', ')})`;
}

/** `{matchLabels: {istio.io/deactivated: never-match}}` and nothing else: how revision tags switch a webhook off. */
function isNeverMatch(selector: unknown): boolean {
  if (!isMap(selector) || !isMap(selector.matchLabels)) return false;
  const keys = Object.keys(selector.matchLabels);
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
  return (
    keys.length === 1 &&
    selector.matchLabels['istio.io/deactivated'] === 'never-match' &&
    exprs === 0 &&
    Object.keys(selector).every((k) => k === 'matchLabels' || k === 'matchExpressions')
  );
}
