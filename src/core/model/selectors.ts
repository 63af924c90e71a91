/** Kubernetes equality label selectors (the `matchLabels`/`selector` maps Istio resources use). */

/** True when every key of `selector` has the same value in `labels` (an empty selector matches everything). */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

/** `a=1,b=2`, keys sorted, as Kubernetes prints a selector. */
export function selectorString(selector: Record<string, string>): string {
  return Object.keys(selector)
    .sort()
    .map((k) => `${k}=${selector[k]}`)
    .join(',');
}

/** True when the map has no keys. */
export function isEmpty(selector: Record<string, string>): boolean {
  for (const _ in selector) return false;
  return true;
}
