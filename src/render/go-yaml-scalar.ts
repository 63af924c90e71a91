/**
 * go-yaml v2's rules for a string scalar, ported (resolve.go, emitterc.go's analyze_scalar): whether it would read
 * back as another type if written plain, and which styles the emitter allows for it. go-yaml.ts writes with them.
 */

const RESOLVE_MAP = new Set(
  'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF  ~ null Null NULL .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF <<'.split(
    ' ',
  ),
);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** yaml.v2's isBase60Float: such strings are quoted too. */
export const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  // The space-separated form has no zone; the T form needs one (Go's layouts).
  if (m[4] !== undefined && (s.includes(' ') ? m[7] !== undefined : m[7] === undefined)) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return false;
  return m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60);
}

/** Whether yaml.v2 would read `s`, written plain, as something other than a string. */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0]!;
  if (c === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (!/[-+0-9]/.test(c)) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replaceAll('_', '');
  return GO_INT.test(plain) || YAML_FLOAT.test(plain) || /^-0[bB][01]+$/.test(plain);
}

/** yaml's is_break: the line breaks of YAML. */
export const isBreak = (c: string): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** yaml's is_printable, on a code point. */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** yaml_emitter_analyze_scalar: which styles the emitter allows for `s`. */
export function analyze(s: string): { multiline: boolean; plain: boolean; single: boolean; block: boolean } {
  if (s === '') return { multiline: false, plain: true, single: true, block: false };
  const cs = Array.from(s);
  let indicators = s.startsWith('---') || s.startsWith('...');
  let [breaks, special, leadSpace, leadBreak, trailSpace, trailBreak] = [false, false, false, false, false, false];
  let [breakSpace, spaceBreak, prevSpace, prevBreak] = [false, false, false, false];
  let precededByWs = true;
  cs.forEach((c, i) => {
    const followedByWs = i + 1 >= cs.length || isBlank(cs[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c) || ((c === '?' || c === ':' || c === '-') && followedByWs)) indicators = true;
    } else if ((c === ':' && followedByWs) || (c === '#' && precededByWs)) {
      indicators = true;
    }
    if (!isPrintable(c.codePointAt(0)!)) special = true;
    const last = i === cs.length - 1;
    if (c === ' ') {
      leadSpace ||= i === 0;
      trailSpace ||= last;
      breakSpace ||= prevBreak;
      [prevSpace, prevBreak] = [true, false];
    } else if (isBreak(c)) {
      breaks = true;
      leadBreak ||= i === 0;
      trailBreak ||= last;
      spaceBreak ||= prevSpace;
      [prevSpace, prevBreak] = [false, true];
    } else {
      [prevSpace, prevBreak] = [false, false];
    }
    precededByWs = isBlank(c) || isBreak(c) || c === '\0';
  });
  return {
    multiline: breaks,
    plain: !(leadSpace || leadBreak || trailSpace || trailBreak || breakSpace || spaceBreak || special || breaks || indicators),
    single: !(breakSpace || spaceBreak || special),
    block: !(trailSpace || spaceBreak || special),
  };
}
