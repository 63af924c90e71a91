/**
 * IST0139: Istio's sidecar-injection webhooks must not overlap (a pod two of them select is injected twice) and
 * must call a control-plane Service that exists. Overlap is tested the way istioctl does: against every
 * combination of the injection labels a namespace and a pod can carry, per revision.
 */
import type { AnalysisContext, Analyzer, Resource } from '../../types.js';
import { arr, obj, strMap, strs } from '../../../model/access.js';
import { labelSelectorMatches } from '../../../model/label-selector.js';
import { scalarString } from '../../../tree.js';

const REV = 'istio.io/rev';

interface Hook {
  config: Resource;
  /** `config/webhook`, as messages name it. */
  id: string;
  index: number;
  namespaceSelector: unknown;
  objectSelector: unknown;
  service?: { namespace: string; name: string };
}

export const injectionWebhooks: Analyzer = {
  meta: {
    name: 'webhook.Analyzer',
    description: 'Checks that Istio injection webhooks do not overlap and call control-plane Services that exist',
    inputs: ['MutatingWebhookConfiguration', 'Service'],
    codes: ['IST0139'],
  },
  analyze(ctx) {
    const hooks: Hook[] = [];
    const revisions = new Set<string>();
    ctx.forEach('MutatingWebhookConfiguration', (r) => {
      const list = arr(r.object.webhooks).map(obj);
      const revs = revisionsOf(r, list);
      // Only Istio's webhooks: revisioned, or named *istio.io (the default injector's webhooks are).
      if (revs.length === 0 && !list.some((w) => (scalarString(w.name) ?? '').endsWith('istio.io'))) return;
      for (const rev of revs) revisions.add(rev);
      list.forEach((w, index) => {
        const svc = obj(obj(w.clientConfig).service);
        hooks.push({
          config: r,
          id: `${r.name}/${scalarString(w.name) ?? index}`,
          index,
          namespaceSelector: w.namespaceSelector,
          objectSelector: w.objectSelector,
          service: scalarString(svc.name) ? { namespace: scalarString(svc.namespace) ?? '', name: scalarString(svc.name)! } : undefined,
        });
      });
    });
    reportOverlaps(ctx, hooks, [...revisions].sort());
    if (!ctx.knows('Service')) return;
    for (const h of hooks) {
      if (h.service && !ctx.find('Service', h.service.namespace, h.service.name)) {
        ctx.report(
          h.config,
          'IST0139',
          [`webhook ${h.id} calls Service ${h.service.namespace}/${h.service.name}, which does not exist; injection fails`],
          ['webhooks', h.index, 'clientConfig', 'service'],
        );
      }
    }
  },
};

function reportOverlaps(ctx: AnalysisContext, hooks: readonly Hook[], revisions: readonly string[]): void {
  const variants = (key: string): Record<string, string>[] => {
    const base: Record<string, string>[] = [
      {},
      { [key]: key === 'istio-injection' ? 'enabled' : 'true' },
      { [key]: key === 'istio-injection' ? 'disabled' : 'false' },
    ];
    return [...base, ...revisions.flatMap((rev) => base.map((labels) => ({ ...labels, [REV]: rev })))];
  };
  // Each webhook is reported once, naming every webhook it overlaps with somewhere.
  const overlaps = new Map<Hook, Set<string>>();
  for (const ns of variants('istio-injection')) {
    for (const pod of variants('sidecar.istio.io/inject')) {
      const matched = hooks.filter((h) => labelSelectorMatches(h.namespaceSelector, ns) && labelSelectorMatches(h.objectSelector, pod));
      if (matched.length < 2) continue;
      for (const h of matched) {
        const others = overlaps.get(h) ?? new Set();
        for (const o of matched) if (o !== h) others.add(o.id);
        overlaps.set(h, others);
      }
    }
  }
  for (const h of hooks) {
    const others = overlaps.get(h);
    if (!others) continue;
    ctx.report(
      h.config,
      'IST0139',
      [`webhook ${h.id} overlaps with ${[...others].sort().join(', ')}; a pod they all select is injected twice`],
      ['webhooks', h.index],
    );
  }
}

/** Revisions a webhook configuration serves: its istio.io/rev label and the revisions its selectors name. */
function revisionsOf(r: Resource, webhooks: readonly Record<string, unknown>[]): string[] {
  const revs = new Set<string>();
  if (r.labels[REV] !== undefined) revs.add(r.labels[REV]);
  for (const w of webhooks) {
    for (const selector of [obj(w.namespaceSelector), obj(w.objectSelector)]) {
      const value = strMap(selector.matchLabels)[REV];
      if (value !== undefined) revs.add(value);
      for (const e of arr(selector.matchExpressions)) if (obj(e).key === REV) for (const v of strs(obj(e).values)) revs.add(v);
    }
  }
  return [...revs];
}
