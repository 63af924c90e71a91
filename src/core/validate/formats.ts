/** Parsers for the string formats Istio's API uses and JSON Schema cannot check: Go durations, RE2 regexes, base64. */

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a duration in Go's `time.ParseDuration` syntax (`1h30m`, `1.5s`, `250ms`, `0`), which is what Kubernetes'
 * CEL `duration()` and Istio accept. Returns nanoseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < s.length) {
    const m = DURATION_PART.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT_NS[m[2]!] ?? 0);
  }
  return sign * total;
}

/** Constructs RE2 (Envoy's and Istio's regex engine) rejects though JavaScript accepts them, with the reason. */
const NOT_RE2: [RegExp, string][] = [
  [/\(\?<?[=!]/, 'lookahead and lookbehind are not supported by RE2'],
  [/(^|[^\\])\\[1-9]/, 'backreferences are not supported by RE2'],
  [/\(\?>/, 'atomic groups are not supported by RE2'],
  [/[*+?}][+]/, 'possessive quantifiers are not supported by RE2'],
];

/** Returns undefined when `pattern` is a valid RE2 expression, else why not. */
export function re2Error(pattern: string): string | undefined {
  for (const [re, reason] of NOT_RE2) if (re.test(pattern)) return reason;
  // RE2 syntax JavaScript spells differently: named groups (?P<n>...), leading flags (?i), \A and \z anchors, POSIX classes.
  const js = pattern
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?[imsU]+\)/g, '')
    .replace(/\(\?[imsU]+:/g, '(?:')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\[:\^?[a-z]+:\]/g, 'a');
  try {
    new RegExp(js, 'u');
    return undefined;
  } catch {
    try {
      new RegExp(js);
      return undefined;
    } catch (error) {
      return `invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`;
    }
  }
}

/** True for standard base64 with correct padding (what protobuf `bytes` fields take in JSON). */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}
