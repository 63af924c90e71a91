// Structural comparison of what mesh rendered with what the API server returned: every field mesh
// wrote must come back with the same value, and named lists (containers, volumes, env, ports ...)
// must hold the same names on both sides. Fields only the returned object has are the API server's
// defaults (imagePullPolicy, terminationMessagePath, a pod's tolerations) and are not differences;
// the one named entry it adds is the ServiceAccount admission's kube-api-access-* token volume, whose
// name is random on each side. Annotation values that hold JSON (Istio's sidecar.istio.io/status and
// proxy.istio.io/overrides) are compared as JSON: Istio writes Go's field order, mesh sorted keys.

const ADDED_BY_API_SERVER = /^kube-api-access-/;

/** The paths where `actual` differs from `expected`, each with both values; empty when they agree. */
export function structuralDiff(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list, got ${JSON.stringify(actual)}`];
    if (expected.every((e) => isObject(e) && typeof e.name === 'string')) return namedListDiff(expected as Named[], actual, path);
    if (expected.length !== actual.length) return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => structuralDiff(e, actual[i], `${path}[${i}]`));
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.keys(expected).flatMap((k) => structuralDiff(expected[k], actual[k], path ? `${path}.${k}` : k));
  }
  if (expected === actual) return [];
  const [e, a] = [asJson(expected), asJson(actual)];
  if (e !== undefined && a !== undefined) return structuralDiff(e, a, `${path}(json)`);
  return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

function asJson(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

type Named = Record<string, unknown> & { name: string };

function namedListDiff(expected: Named[], actual: unknown[], path: string): string[] {
  const byName = new Map(actual.filter(isObject).map((a) => [String(a.name), a]));
  expected = expected.filter((e) => !ADDED_BY_API_SERVER.test(e.name));
  const out = expected.flatMap((e) => (byName.has(e.name) ? structuralDiff(e, byName.get(e.name), `${path}[${e.name}]`) : [`${path}: ${e.name} is missing`]));
  const names = new Set(expected.map((e) => e.name));
  for (const name of byName.keys()) if (!names.has(name) && !ADDED_BY_API_SERVER.test(name)) out.push(`${path}: unexpected ${name}`);
  // Order matters for containers (init containers run in order, the proxy's position is meaningful).
  const order = actual
    .filter(isObject)
    .map((a) => String(a.name))
    .filter((n) => names.has(n));
  if (out.length === 0 && order.join() !== expected.map((e) => e.name).join())
    out.push(`${path}: order ${order.join()}, expected ${expected.map((e) => e.name).join()}`);
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
