/**
 * Listeners that pick filter chains with a `filter_chain_matcher` (xDS matcher trees: waypoints, ztunnel-facing
 * listeners) instead of per-chain `filter_chain_match`: which inputs lead to a given chain, as
 * `port=15008 -> ip=10.0.0.0/8`, `ANY`, `UNMATCHED` (the fallback chain) or `NONE`. Keys print sorted (istioctl
 * walks Go maps, so its order varies from run to run).
 */
import { byKey } from '../tree.js';
import { field, list, num, obj, str, typeName } from './fields.js';

/** The match descriptions of the chain named `chain` under `listener`'s matcher tree. */
export function matcherMatches(matcher: unknown, chain: string): string[] {
  const onNoMatch = obj(matcher, 'onNoMatch');
  if (str(onNoMatch, 'action', 'name') === chain) return ['UNMATCHED'];
  const nested = obj(onNoMatch, 'matcher');
  const [matches, found] = walk(chain, nested ?? matcher);
  return found ? matches : ['NONE'];
}

function walk(chain: string, matcher: unknown): [string[], boolean] {
  const onNoMatch = obj(matcher, 'onNoMatch');
  if (onNoMatch && str(onNoMatch, 'action', 'name') === chain) return [['ANY'], true];
  const nested = obj(onNoMatch, 'matcher');
  if (nested) {
    const [matches, found] = walk(chain, nested);
    return [found ? matches : ['NONE'], true];
  }
  const tree = obj(matcher, 'matcherTree');
  const input = str(tree, 'input', 'name');
  let map: [string, unknown][] = [];
  let eq = '=';
  const exact = obj(tree, 'exactMatchMap', 'map');
  const prefix = obj(tree, 'prefixMatchMap', 'map');
  const custom = obj(tree, 'customMatch', 'typedConfig');
  if (exact) map = Object.entries(exact);
  else if (prefix) {
    map = Object.entries(prefix);
    eq = '^';
  } else if (custom && typeName(custom).endsWith('IPMatcher')) {
    for (const rm of list(custom, 'rangeMatchers')) {
      for (const r of list(rm, 'ranges')) {
        const len = field(r, 'prefixLen') === undefined ? 0 : num(r, 'prefixLen');
        const cidr = len !== 32 && len !== 128 ? `${str(r, 'addressPrefix')}/${len}` : str(r, 'addressPrefix');
        map.push([cidr, field(rm, 'onMatch')]);
      }
    }
  }
  const out: string[] = [];
  for (const [key, onMatch] of map.sort(byKey)) {
    if (obj(onMatch, 'action')) {
      if (str(onMatch, 'action', 'name') === chain) out.push(`${input}${eq}${key}`);
      continue;
    }
    const sub = obj(onMatch, 'matcher');
    if (!sub) continue;
    const [children, found] = walk(chain, sub);
    if (found) for (const child of children) out.push(`${input}${eq}${key} -> ${child}`);
  }
  return [out, out.length > 0];
}
