/** exportTo lists: `.`, `*`, `~` (ServiceEntry only) or namespace names, without duplicates or contradictions. */
import type { SemanticRule } from '../types.js';
import { each } from '../types.js';
import { dns1123LabelError } from '../names.js';

export const exportTo: SemanticRule = {
  name: 'common.export-to',
  description: 'exportTo entries are ., *, ~ or namespaces, unique, and not * mixed with others',
  kinds: ['VirtualService', 'DestinationRule', 'ServiceEntry'],
  check(spec, ctx) {
    if (!Array.isArray(spec.exportTo)) return;
    const namespace = ctx.object.metadata?.namespace;
    const seen = new Set<string>();
    const at = ['spec', 'exportTo'];
    each<string>(spec.exportTo, (e, i) => {
      if (typeof e !== 'string') return;
      const key = e === '.' && namespace ? namespace : e;
      if (seen.has(key)) ctx.report([...at, i], `duplicate exportTo entry "${e}"`);
      seen.add(key);
      if (e === '~' && ctx.object.kind !== 'ServiceEntry') ctx.report([...at, i], '"~" (export to no one) is allowed only for ServiceEntries');
      else if (e !== '.' && e !== '*' && e !== '~') {
        const problem = dns1123LabelError(e);
        if (problem) ctx.report([...at, i], `exportTo namespace "${e}" ${problem}`);
      }
    });
    if (seen.has('*') && seen.size > 1) ctx.report(at, 'exportTo cannot mix * (all namespaces) with other entries');
    if (seen.has('~') && seen.size > 1) ctx.report(at, 'exportTo cannot mix ~ (no one) with other entries');
    if (ctx.object.kind === 'DestinationRule' && spec.workloadSelector && [...seen].some((e) => e !== '.' && e !== namespace)) {
      ctx.report(at, 'a DestinationRule with a workloadSelector can be exported only to its own namespace');
    }
  },
};
