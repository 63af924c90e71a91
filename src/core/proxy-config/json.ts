/**
 * JSON input for proxy-config: Envoy admin output can be tens of megabytes, so the happy path is one JSON.parse.
 * Only when that fails do we scan the text again to say where (V8's messages often carry no position).
 */
import { InputError, formatLocation } from '../../errors.js';

/** Parses `text` (from `origin`, a file name or `<stdin>`); a syntax error is an InputError `origin:line:col: reason`. */
export function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = findJsonError(text);
    const { line, col } = lineCol(text, where.offset);
    throw new InputError(`${formatLocation(origin, line, col)}: not valid JSON: ${where.reason}`, { cause: error });
  }
}

/** The first syntax error in `text`: its offset and a short reason. Assumes the text is not valid JSON. */
export function findJsonError(text: string): { offset: number; reason: string } {
  const s = new Scanner(text);
  try {
    s.ws();
    if (s.i >= text.length) return { offset: s.i, reason: 'the input is empty' };
    s.value();
    s.ws();
    if (s.i < text.length) return { offset: s.i, reason: `unexpected ${describe(text, s.i)} after the end of the document` };
    return { offset: text.length, reason: 'unexpected end of input' };
  } catch (e) {
    if (e instanceof ScanError) return { offset: e.offset, reason: e.reason };
    throw e;
  }
}

/** 1-based line and column of `offset` (columns count UTF-16 units, as editors mostly do for BMP text). */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

class ScanError {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

function describe(text: string, i: number): string {
  return i >= text.length ? 'end of input' : `character ${JSON.stringify(text[i])}`;
}

/** A minimal JSON recogniser (no values built); iterative over containers so deep nesting cannot overflow the stack. */
class Scanner {
  i = 0;
  constructor(private readonly t: string) {}

  fail(reason: string, at = this.i): never {
    throw new ScanError(at, reason);
  }

  ws(): void {
    const t = this.t;
    while (this.i < t.length && (t[this.i] === ' ' || t[this.i] === '\n' || t[this.i] === '\r' || t[this.i] === '\t')) this.i++;
  }

  value(): void {
    // Each stack entry is an open container: '{' or '['. `expectValue` tells whether a value must come next.
    const stack: string[] = [];
    for (;;) {
      this.ws();
      const c = this.t[this.i];
      if (c === '{' || c === '[') {
        this.i++;
        this.ws();
        const close = c === '{' ? '}' : ']';
        if (this.t[this.i] === close) {
          this.i++;
        } else {
          stack.push(c);
          if (c === '{') this.key();
          continue;
        }
      } else {
        this.scalar();
      }
      // After a value: close containers or move to the next element.
      for (;;) {
        if (stack.length === 0) return;
        this.ws();
        const top = stack[stack.length - 1]!;
        const close = top === '{' ? '}' : ']';
        const n = this.t[this.i];
        if (n === ',') {
          this.i++;
          if (top === '{') this.key();
          break;
        }
        if (n === close) {
          this.i++;
          stack.pop();
          continue;
        }
        this.fail(`expected ',' or '${close}' but found ${describe(this.t, this.i)}`);
      }
    }
  }

  key(): void {
    this.ws();
    if (this.t[this.i] !== '"') this.fail(`expected a property name in double quotes but found ${describe(this.t, this.i)}`);
    this.string();
    this.ws();
    if (this.t[this.i] !== ':') this.fail(`expected ':' after the property name but found ${describe(this.t, this.i)}`);
    this.i++;
  }

  scalar(): void {
    const t = this.t;
    const c = t[this.i];
    if (c === '"') return this.string();
    for (const word of ['true', 'false', 'null']) {
      if (t.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && m.exec(t)) {
      this.i = m.lastIndex;
      return;
    }
    this.fail(`expected a value but found ${describe(t, this.i)}`);
  }

  string(): void {
    const t = this.t;
    const start = this.i;
    this.i++;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return;
      }
      if (c === 92) {
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) this.fail('invalid \\u escape in string');
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.i += 2;
        } else {
          this.fail('invalid escape in string');
        }
        continue;
      }
      if (c < 32) this.fail('control character in string (escape it)');
      this.i++;
    }
    this.fail('unterminated string', start);
  }
}
