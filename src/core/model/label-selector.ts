/**
 * Kubernetes LabelSelector ({matchLabels, matchExpressions}) evaluation, as webhooks' namespaceSelector and
 * objectSelector use it. Equality-only selectors (Istio's `selector` maps) live in selectors.ts.
 */
import { arr, obj, strMap, strs } from './access.js';
import { scalarString } from '../tree.js';

/**
 * True when `selector` selects `labels`. An absent selector selects everything (the webhook API's default);
 * an unknown operator selects nothing, as the API server would reject it.
 */
export function labelSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (selector === undefined || selector === null) return true;
  const s = obj(selector);
  const match = strMap(s.matchLabels);
  for (const key in match) if (labels[key] !== match[key]) return false;
  for (const e of arr(s.matchExpressions)) {
    const key = scalarString(obj(e).key) ?? '';
    const values = strs(obj(e).values);
    const has = Object.hasOwn(labels, key);
    switch (scalarString(obj(e).operator)) {
      case 'In':
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
