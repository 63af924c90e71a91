/**
 * YAML 1.1 scalar resolution as Kubernetes reads manifests (sigs.k8s.io/yaml over go-yaml v2), for js-yaml.
 * kubectl sees `on`, `yes`, `y` as true, `0644` as octal 420 and `1e3` as a float; mesh must read input the same
 * way so that what it writes back keeps the meaning kubectl would have given it.
 */
import jsyaml from 'js-yaml';

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']);
const NULL = new Set(['~', 'null', 'Null', 'NULL', '']);

const boolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (TRUE.has(data) || FALSE.has(data)),
  construct: (data: string) => TRUE.has(data),
  predicate: (value: unknown) => typeof value === 'boolean',
  represent: (value: object) => (value ? 'true' : 'false'),
});

const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || NULL.has(data),
  construct: () => null,
  predicate: (value: unknown) => value === null,
  represent: () => 'null',
});

// go-yaml v2 parses plain ints with strconv.ParseInt(s, 0, 64) after dropping `_`: decimal, 0x hex, 0 octal, 0b binary.
const INT_RE = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*)$/;
/** Parses a YAML 1.1 integer literal; undefined when it is not one. */
export function parseInt11(data: string): number | undefined {
  if (!INT_RE.test(data)) return undefined;
  let s = data.replace(/_/g, '');
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  let n: number;
  if (s.startsWith('0b')) n = parseInt(s.slice(2), 2);
  else if (s.startsWith('0x')) n = parseInt(s.slice(2), 16);
  else if (s.length > 1 && s[0] === '0') n = parseInt(s.slice(1), 8);
  else n = parseInt(s, 10);
  return Number.isNaN(n) ? undefined : sign * n;
}

const intType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && parseInt11(data) !== undefined,
  construct: (data: string) => parseInt11(data) as number,
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
  represent: (value: object) => String(value),
});

const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF_RE = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN_RE = /^\.(?:nan|NaN|NAN)$/;
const floatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (FLOAT_RE.test(data) || INF_RE.test(data) || NAN_RE.test(data)),
  construct: (data: string) => {
    if (NAN_RE.test(data)) return NaN;
    if (INF_RE.test(data)) return data.startsWith('-') ? -Infinity : Infinity;
    return parseFloat(data.replace(/_/g, ''));
  },
  predicate: (value: unknown) => typeof value === 'number' && !Number.isInteger(value),
  represent: (value: object) => String(value),
});

// @types/js-yaml omits the built-in `types` table that js-yaml 4 exports at run time.
const builtin = (jsyaml as unknown as { types: Record<'merge' | 'binary' | 'omap' | 'pairs' | 'set' | 'timestamp', jsyaml.Type> }).types;

/** The schema mesh reads all Kubernetes YAML with: failsafe (str/seq/map) plus 1.1 null, bool, int, float, merge. */
export const YAML11_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType, builtin.merge],
  explicit: [builtin.binary, builtin.omap, builtin.pairs, builtin.set, builtin.timestamp],
});
