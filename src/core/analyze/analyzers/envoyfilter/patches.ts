/** IST0151-IST0155: EnvoyFilter patch operations that Envoy ignores, or that depend on ordering without a priority. */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

const ROUTE_LEVEL = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
const REPLACEABLE = new Set(['HTTP_FILTER', 'NETWORK_FILTER', 'VIRTUAL_HOST']);
const RELATIVE = new Set(['INSERT_BEFORE', 'INSERT_AFTER', 'REPLACE', 'REMOVE']);

export const envoyFilterPatches: Analyzer = {
  meta: {
    name: 'envoyfilter.EnvoyPatchAnalyzer',
    description: 'Checks EnvoyFilter patch operations for ones Envoy ignores or that depend on filter order',
    inputs: ['EnvoyFilter'],
    codes: ['IST0151', 'IST0152', 'IST0153', 'IST0154', 'IST0155'],
  },
  analyze(ctx) {
    ctx.forEach('EnvoyFilter', (ef) => {
      const spec = obj(ef.object.spec);
      const priority = typeof spec.priority === 'number' ? spec.priority : 0;
      arr(spec.configPatches).forEach((p, i) => {
        const patch = obj(p);
        const op = scalarString(obj(patch.patch).operation) ?? '';
        const applyTo = scalarString(patch.applyTo) ?? '';
        const at = ['spec', 'configPatches', i, 'patch', 'operation'];
        const label = `#${i}`;
        if (op === 'ADD' && ROUTE_LEVEL.has(applyTo)) return ctx.report(ef, 'IST0153', [label, applyTo], at);
        if (op === 'REMOVE' && ROUTE_LEVEL.has(applyTo)) return ctx.report(ef, 'IST0154', [label, applyTo], at);
        if (op === 'REPLACE' && !REPLACEABLE.has(applyTo)) return ctx.report(ef, 'IST0152', [label, applyTo], at);
        if (!RELATIVE.has(op) || priority !== 0) return;
        const versioned = scalarString(obj(obj(patch.match).proxy).proxyVersion) !== undefined;
        ctx.report(ef, versioned ? 'IST0155' : 'IST0151', [label, op], at);
      });
    });
  },
};
