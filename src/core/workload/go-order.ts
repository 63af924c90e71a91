/**
 * The key order and quoting of the Go libraries istioctl writes the VM files with: sigs.k8s.io/yaml sorts map keys
 * with go-yaml's "natural" order (a non-letter sorts before a letter, digit runs compare as numbers), and
 * pkg/util/shellescape quotes cluster.env values.
 */

const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** go-yaml v2's keyList.Less for two string keys. */
export function goYamlLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

/** A deep copy of `value` with every map's keys in go-yaml's order (as istioctl's YAML comes out). */
export function sortedForGoYaml(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedForGoYaml);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => (goYamlLess(a, b) ? -1 : goYamlLess(b, a) ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = sortedForGoYaml((value as Record<string, unknown>)[k]);
  return out;
}

// shellescape's pattern is `[^\\w@%+=:,./-]` in a Go raw string: a backslash and the letter w, not the \w class,
// so every value with another letter or a digit is quoted (istioctl's goldens show '22,15090' and 'latest' quoted).
const UNSAFE = /[^\\w@%+=:,./-]/;

/** Istio's shellescape.Quote. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  return UNSAFE.test(s) ? `'${s.replaceAll("'", `'"'"'`)}'` : s;
}

/** Go's encoding/json string escaping of <, > and & (json.Marshal's HTML-safe output). */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON of a string map with its keys in Go's (byte) order, as json.Marshal writes a map. */
export function goJsonMap(map: Record<string, string>): string {
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(map).sort()) sorted[k] = map[k]!;
  return goJson(sorted);
}
