/** DestinationRule host and subsets: a valid host, subset names that are unique DNS labels with valid labels. */
import type { SemanticRule } from '../types.js';
import { each, entries } from '../types.js';
import { dns1123LabelError, labelKeyError, labelValueError, wildcardHostError } from '../names.js';
import { isIpAddress } from '../net.js';

export const destinationRuleHostAndSubsets: SemanticRule = {
  name: 'destinationrule.host-and-subsets',
  description: 'host is a valid name; subsets have unique DNS-label names and valid labels',
  kinds: ['DestinationRule'],
  check(spec, ctx) {
    if (typeof spec.host === 'string') {
      const problem = wildcardHostError(spec.host);
      if (problem && !isIpAddress(spec.host)) ctx.report(['spec', 'host'], `invalid host "${spec.host}": ${problem}`);
    }
    const names = new Map<string, number>();
    each(spec.subsets, (subset: any, i) => {
      const at = ['spec', 'subsets', i];
      if (typeof subset?.name === 'string') {
        const problem = dns1123LabelError(subset.name);
        if (problem) ctx.report([...at, 'name'], `subset name "${subset.name}" ${problem}`);
        if (names.has(subset.name)) ctx.report([...at, 'name'], `duplicate subset name "${subset.name}" (also subsets[${names.get(subset.name)}])`);
        else names.set(subset.name, i);
      }
      for (const [key, value] of entries(subset?.labels)) {
        const problem = labelKeyError(key) ?? (typeof value === 'string' ? labelValueError(value) : undefined);
        if (problem) ctx.report([...at, 'labels', key], `invalid subset label ${key}=${String(value)}: ${problem}`);
      }
    });
  },
};
