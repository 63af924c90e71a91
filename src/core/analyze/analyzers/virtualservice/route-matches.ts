/**
 * IST0130/IST0131: rules that can never match because an earlier rule takes all their traffic: a rule after
 * a catch-all, a match repeated from an earlier rule, or a URI prefix already covered by an earlier one.
 */
import type { Analyzer } from '../../types.js';
import { arr, obj } from '../../../model/access.js';
import { scalarString } from '../../../tree.js';

export const routeMatches: Analyzer = {
  meta: {
    name: 'virtualservice.RouteMatchAnalyzer',
    description: 'Checks for VirtualService rules and matches that earlier rules make unreachable',
    inputs: ['VirtualService'],
    codes: ['IST0130', 'IST0131'],
  },
  analyze(ctx) {
    ctx.forEach('VirtualService', (vs) => {
      const spec = obj(vs.object.spec);
      for (const section of ['http', 'tcp', 'tls'] as const) {
        const rules = arr(spec[section]).map(obj);
        let catchAll = -1;
        const seen = new Map<string, number>();
        const prefixes: { rule: number; prefix: string; rest: string }[] = [];
        rules.forEach((rule, i) => {
          const name = ruleName(rule, i);
          const matches = arr(rule.match).map(obj);
          const at = ['spec', section, i];
          if (matches.length === 0) {
            if (catchAll >= 0) ctx.report(vs, 'IST0130', [name, 'only the last rule can have no matches'], at);
            catchAll = i;
            return;
          }
          if (catchAll >= 0) {
            ctx.report(vs, 'IST0130', [name, `rule ${ruleName(rules[catchAll]!, catchAll)} before it matches all traffic`], at);
            return;
          }
          let covered = 0;
          matches.forEach((m, j) => {
            const key = canonical(m);
            const dup = seen.get(key);
            const prefix = section === 'http' ? scalarString(obj(m.uri).prefix) : undefined;
            const rest = canonical({ ...m, uri: undefined, name: undefined });
            const cover =
              dup === undefined && prefix !== undefined ? prefixes.find((p) => p.rule !== i && prefix.startsWith(p.prefix) && p.rest === rest) : undefined;
            if (dup !== undefined || cover) {
              covered++;
              const by = dup ?? cover!.rule;
              ctx.report(vs, 'IST0131', [name, matchName(m, j), ruleName(rules[by]!, by)], [...at, 'match', j]);
              return;
            }
            seen.set(key, i);
            if (prefix !== undefined) prefixes.push({ rule: i, prefix, rest });
          });
          if (covered === matches.length) ctx.report(vs, 'IST0130', [name, 'all its matches are taken by earlier rules'], at);
        });
      }
    });
  },
};

function ruleName(rule: Record<string, unknown>, i: number): string {
  const name = scalarString(rule.name);
  return name ? JSON.stringify(name) : `#${i}`;
}

function matchName(m: Record<string, unknown>, j: number): string {
  const name = scalarString(m.name);
  return name ? JSON.stringify(name) : `#${j}`;
}

/** A match's content as a key: JSON with sorted keys, the match's own name left out. */
function canonical(match: Record<string, unknown>): string {
  const value = { ...match, name: undefined };
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if ((v as Record<string, unknown>)[k] !== undefined) out[k] = norm((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(norm(value));
}
