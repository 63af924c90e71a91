/**
 * Kubernetes resource quantities in canonical form. Istio's injector passes resources through Go's
 * resource.Quantity, so `2000m` comes out as `2` and `1024Mi` as `1Gi`; mesh writes the same.
 */

const DECIMAL: Record<string, number> = { m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIX: Record<number, string> = { [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const QUANTITY_RE = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/** True when `s` parses as a Kubernetes quantity. */
export function isQuantity(s: string): boolean {
  return QUANTITY_RE.test(s.trim());
}

/** Canonical form of a quantity (`2000m` → `2`, `1024Mi` → `1Gi`, `0.5` → `500m`); unparseable input is returned as is. */
export function canonicalQuantity(input: string | number): string {
  const s = String(input).trim();
  const m = QUANTITY_RE.exec(s);
  if (!m) return String(input);
  const [, sign, num, suffix = ''] = m;
  if (/^[eE]/.test(suffix)) return s; // exponent form is already canonical in Go
  const [intPart = '0', fracPart = ''] = num!.split('.');
  const digits = BigInt((intPart || '0') + fracPart);
  const scale = fracPart.length; // value = digits * 10^-scale * multiplier
  const neg = sign === '-' && digits !== 0n;
  if (suffix in BINARY) {
    // Exact bytes when integral: use the largest binary suffix that divides it.
    const bytesTimes = digits * 1024n ** BigInt(BINARY[suffix]!);
    const div = 10n ** BigInt(scale);
    if (bytesTimes % div === 0n) {
      const bytes = bytesTimes / div;
      let n = 0;
      let v = bytes;
      while (n < 6 && v !== 0n && v % 1024n === 0n) {
        v /= 1024n;
        n++;
      }
      if (n > 0 || bytes < 1024n) return `${neg ? '-' : ''}${v}${BINARY_SUFFIX[n]}`;
      return decimalForm(neg, bytes * 1000n);
    }
    return decimalForm(neg, (bytesTimes * 1000n) / div);
  }
  // Decimal: value in milli-units; Go rounds sub-milli values up, which we mirror.
  const exp = DECIMAL[suffix]! + 3 - scale;
  const milli = exp >= 0 ? digits * 10n ** BigInt(exp) : ceilDiv(digits, 10n ** BigInt(-exp));
  return decimalForm(neg, milli);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function decimalForm(neg: boolean, milli: bigint): string {
  if (milli === 0n) return '0';
  let e = -3;
  let v = milli;
  while (e < 18 && v % 1000n === 0n) {
    v /= 1000n;
    e += 3;
  }
  return `${neg ? '-' : ''}${v}${DECIMAL_SUFFIX[e]}`;
}
