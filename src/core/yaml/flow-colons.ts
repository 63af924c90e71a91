/**
 * One place where js-yaml and Kubernetes' YAML reader (go-yaml v2, via sigs.k8s.io/yaml) disagree: inside a flow
 * collection, a plain scalar that ends in `:` right before `,`, `]` or `}` (`[2001:db8::]`, `[x:, y]`, `{a: b:}`).
 * kubectl reads the colon as part of the string ("2001:db8::"); js-yaml reads it as a mapping indicator and makes
 * a map (`{"2001:db8:": null}`), or fails. mesh must read what kubectl reads, so documents with that shape are parsed
 * from a copy of their text in which those scalars are single-quoted. The copy is only parsed: output keeps the
 * original bytes. Columns after a quoted scalar on the same line shift by two in the copy; only such rare lines do.
 */

/** Cheap test: could `text` contain such a scalar at all? */
const CANDIDATE = /[^\s,[\]{}'"]:[,\]}]/;

/** Returns the text to parse: `text` itself, or a copy with the colon-ended flow scalars quoted. */
export function quoteFlowColonScalars(text: string): string {
  if (!CANDIDATE.test(text)) return text;
  let out = '';
  let depth = 0;
  let i = 0;
  let changed = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    if ((c === '"' || c === "'") && startsNode(text, i, depth > 0)) {
      const end = quotedEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (
      (c === '|' || c === '>') &&
      depth === 0 &&
      startsNode(text, i, false) &&
      /^[|>][-+0-9]*[ \t]*(#.*)?(\n|$)/.test(text.slice(i, text.indexOf('\n', i) + 1 || text.length))
    ) {
      // A block scalar: its lines are text, not YAML, whatever brackets they hold.
      const end = blockScalarEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '[' || c === '{') {
      // A flow collection starts only where a node can start: in a flow, or after `: `, `- `, `? ` or a line start.
      if (depth > 0 || startsNode(text, i, false)) depth++;
      out += c;
      i++;
      continue;
    }
    if ((c === ']' || c === '}') && depth > 0) {
      depth--;
      out += c;
      i++;
      continue;
    }
    if (depth > 0 && !/[\s,:]/.test(c)) {
      // A plain scalar in a flow: it runs to `,`, `]`, `}`, `: `, ` #` or a line end.
      let j = i;
      while (
        j < text.length &&
        !/[,\]}\n]/.test(text[j]!) &&
        !(text[j] === ':' && /[\s]/.test(text[j + 1] ?? ' ')) &&
        !(text[j] === '#' && /\s/.test(text[j - 1]!))
      )
        j++;
      const token = text.slice(i, j);
      if (token.endsWith(':') && /[,\]}]/.test(text[j] ?? '')) {
        out += `'${token.replace(/'/g, "''")}'`;
        changed = true;
      } else {
        out += token;
      }
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return changed ? out : text;
}

/** Index just past the quoted scalar starting at `start` (YAML: '' escapes a single quote, \ escapes in double quotes). */
function quotedEnd(text: string, start: number): number {
  const q = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (q === '"' && text[i] === '\\') i += 2;
    else if (q === "'" && text[i] === "'" && text[i + 1] === "'") i += 2;
    else if (text[i] === q) return i + 1;
    else i++;
  }
  return text.length;
}

/** Whether a node can start at `i`: at a line start, after `: `, `- `, `? ` and, inside a flow, after `[`, `{` or `,`. */
function startsNode(text: string, i: number, inFlow: boolean): boolean {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k < 0 || text[k] === '\n') return true;
  if (inFlow && (text[k] === '[' || text[k] === '{' || text[k] === ',')) return true;
  return (text[k] === ':' || text[k] === '-' || text[k] === '?') && k < i - 1;
}

/** Index just past a block scalar whose indicator is at `start`: its lines are those indented deeper than its own. */
function blockScalarEnd(text: string, start: number): number {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const parentIndent = /^ */.exec(text.slice(lineStart))![0].length;
  let i = text.indexOf('\n', start);
  if (i < 0) return text.length;
  i++;
  while (i < text.length) {
    const end = text.indexOf('\n', i);
    const line = text.slice(i, end < 0 ? text.length : end);
    if (line.trim() !== '' && /^ */.exec(line)![0].length <= parentIndent) return i;
    i = end < 0 ? text.length : end + 1;
  }
  return text.length;
}
