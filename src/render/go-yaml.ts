/**
 * YAML as istioctl writes it: `sigs.k8s.io/yaml.JSONToYAML`, i.e. go-yaml v2 reading the JSON and marshalling it
 * again. Its rules, ported: mapping keys in yaml.v2's "natural" order (runs of digits compare as numbers), no
 * line folding, sequences in a mapping not indented, a string quoted (double) when it would read back as another
 * type (YAML 1.1: yes/no/on/off, numbers, timestamps, base-60 floats), single-quoted when it merely cannot be
 * plain, a literal block (`|`) when it has line breaks; integers as integers, other numbers in Go's %g.
 */

import { analyze, BASE60, isBreak, isPrintable, resolvesToNonString } from './go-yaml-scalar.js';

const letter = /\p{L}/u;
const digit = /\p{Nd}/u;

/** yaml.v2's keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = letter.test(ar[i]!);
    const bl = letter.test(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && digit.test(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && digit.test(ar[ai]!); ai++) an = an * 10 + ar[ai]!.codePointAt(0)! - 48;
    for (; bi < br.length && digit.test(br[bi]!); bi++) bn = bn * 10 + br[bi]!.codePointAt(0)! - 48;
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

const keyOrder = (a: [string, unknown], b: [string, unknown]): number => (yamlKeyLess(a[0], b[0]) ? -1 : yamlKeyLess(b[0], a[0]) ? 1 : 0);

const ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

/** go-yaml folds plain and quoted scalars at a space once a line is longer than this (its best_width). */
const WIDTH = 80;

/** A folded line: a break, then the scalar's indentation. */
const breakTo = (indent: number): string => `\n${' '.repeat(indent)}`;

function plain(s: string, start: number, indent: number): string {
  const cs = Array.from(s);
  let out = '';
  let col = start;
  let spaces = false;
  cs.forEach((c, i) => {
    if (c === ' ') {
      if (!spaces && col > WIDTH && cs[i + 1] !== ' ') [out, col] = [out + breakTo(indent), indent];
      else [out, col] = [out + c, col + 1];
      spaces = true;
    } else {
      [out, col, spaces] = [out + c, col + 1, false];
    }
  });
  return out;
}

function singleQuoted(s: string, start: number, indent: number): string {
  const cs = Array.from(s);
  let out = "'";
  let col = start + 1;
  let spaces = false;
  cs.forEach((c, i) => {
    if (c === ' ') {
      if (!spaces && col > WIDTH && i > 0 && i < cs.length - 1 && cs[i + 1] !== ' ') [out, col] = [out + breakTo(indent), indent];
      else [out, col] = [out + c, col + 1];
      spaces = true;
    } else {
      const text = c === "'" ? "''" : c;
      [out, col, spaces] = [out + text, col + text.length, false];
    }
  });
  return `${out}'`;
}

function doubleQuoted(s: string, start: number, indent: number): string {
  const cs = Array.from(s);
  let out = '"';
  let col = start + 1;
  let spaces = false;
  cs.forEach((c, i) => {
    const cp = c.codePointAt(0)!;
    if (!isPrintable(cp) || cp === 0xfeff || isBreak(c) || c === '"' || c === '\\') {
      const hex = cp.toString(16).toUpperCase();
      const text = `\\${ESCAPES[cp] ?? (cp <= 0xff ? `x${hex.padStart(2, '0')}` : cp <= 0xffff ? `u${hex.padStart(4, '0')}` : `U${hex.padStart(8, '0')}`)}`;
      [out, col, spaces] = [out + text, col + text.length, false];
    } else if (c === ' ') {
      if (!spaces && col > WIDTH && i > 0 && i < cs.length - 1) {
        [out, col] = [out + breakTo(indent), indent];
        // A space right after the fold would be eaten by the reader: escape it.
        if (cs[i + 1] === ' ') [out, col] = [`${out}\\`, col + 1];
      } else {
        [out, col] = [out + c, col + 1];
      }
      spaces = true;
    } else {
      [out, col, spaces] = [out + c, col + 1, false];
    }
  });
  return `${out}"`;
}

function literal(s: string, col: number): string {
  const hint = s[0] === ' ' || isBreak(s[0] ?? '') ? '2' : '';
  const chomp = !s.endsWith('\n') ? '-' : s === '\n' || s.endsWith('\n\n') ? '+' : '';
  const pad = ' '.repeat(col);
  const body = s
    .split('\n')
    .map((l) => (l === '' ? '' : pad + l))
    .join('\n');
  return `|${hint}${chomp}\n${body}${s.endsWith('\n') ? '' : '\n'}`;
}

/**
 * A string scalar as yaml.v2 writes it, starting at column `start`; `indent` is where folded lines and a literal
 * block's lines start. Keys are never folded.
 */
function stringScalar(s: string, start: number, indent: number, key: boolean): string {
  const plainOk = !resolvesToNonString(s) && !BASE60.test(s);
  let style = s.includes('\n') ? 'literal' : plainOk ? 'plain' : 'double';
  const a = analyze(s);
  if (key && a.multiline) style = 'double';
  if (style === 'plain' && (!a.plain || (s === '' && key))) style = 'single';
  if (style === 'single' && !a.single) style = 'double';
  if (style === 'literal' && (!a.block || key)) style = 'double';
  // A key starts at -Infinity: its column never passes the width, so it is never folded.
  const from = key ? -Infinity : start;
  if (style === 'plain') return plain(s, from, indent);
  if (style === 'single') return singleQuoted(s, from, indent);
  if (style === 'double') return doubleQuoted(s, from, indent);
  return literal(s, indent);
}

/** strconv.FormatFloat(f, 'g', -1, 64). */
export function formatG(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const [mant, e] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${int}${frac ? `.${frac}` : ''}`;
}

function scalar(v: unknown, start: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return stringScalar(v, start, indent, false);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 64 && !Object.is(v, -0) ? BigInt(v).toString() : formatG(v);
  return doubleQuoted(String(v), start, indent);
}

function entriesOf(v: unknown): [string, unknown][] | unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') return Object.entries(v as Record<string, unknown>).sort(keyOrder);
  return undefined;
}

/** `value` as yaml.Marshal writes it (ends with a newline). */
export function goYaml(value: unknown): string {
  const out: string[] = [];
  const pad = (n: number): string => ' '.repeat(n);
  // Writes the part after `key:` or `-`: an inline scalar, an empty collection, or a nested block.
  const after = (v: unknown, col: number, inMap: boolean): void => {
    const children = entriesOf(v);
    if (children === undefined) {
      // The scalar starts after the `key:` or `-` just written and a space.
      const text = scalar(v, Array.from(out[out.length - 1]!).length + 1, col + 2);
      out.push(` ${text}${text.endsWith('\n') ? '' : '\n'}`);
    } else if (children.length === 0) {
      out.push(Array.isArray(v) ? ' []\n' : ' {}\n');
    } else if (Array.isArray(v) && inMap) {
      out.push('\n');
      block(v, col);
    } else {
      // A nested block starts on the same line as `- `, or on the next line under a key.
      const start = out.length;
      block(v, col + 2);
      if (inMap) out.splice(start, 0, '\n');
      else out[start] = ` ${out[start]!.slice(col + 2)}`;
    }
  };
  const block = (v: unknown, col: number): void => {
    if (Array.isArray(v)) {
      for (const item of v) {
        out.push(`${pad(col)}-`);
        after(item, col, false);
      }
      return;
    }
    for (const [k, child] of entriesOf(v) as [string, unknown][]) {
      out.push(`${pad(col)}${stringScalar(k, 0, col, true)}:`);
      after(child, col, true);
    }
  };
  const top = entriesOf(value);
  if (top === undefined) return `${scalar(value, 0, 2).replace(/\n$/, '')}\n`;
  if (top.length === 0) return Array.isArray(value) ? '[]\n' : '{}\n';
  block(value, 0);
  return out.join('');
}
