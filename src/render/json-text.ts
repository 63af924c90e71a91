/**
 * JSON text re-indented without parsing it into JavaScript values: numbers keep every digit (Envoy's uint64
 * counters pass 2^53), and object keys keep their order (JavaScript moves integer-like keys first). For answers
 * mesh passes on as they came (istiod's debug endpoints, Envoy's stats), in the layout of Go's json.Indent.
 */

/** `text` indented by `indent` spaces per level (empty objects and lists stay `{}` and `[]`); undefined when it is not JSON. */
export function reindentJson(text: string, indent = 2): string | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const pad = (depth: number) => `\n${' '.repeat(depth * indent)}`;
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      // Copy the string as written, escapes included.
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '{' || c === '[') {
      let j = i + 1;
      while (/\s/.test(text[j] ?? '')) j++;
      if (text[j] === (c === '{' ? '}' : ']')) {
        out += c === '{' ? '{}' : '[]';
        i = j;
      } else out += c + pad(++depth);
    } else if (c === '}' || c === ']') out += pad(--depth) + c;
    else if (c === ',') out += `,${pad(depth)}`;
    else if (c === ':') out += ': ';
    else if (!/\s/.test(c)) out += c;
  }
  return `${out}\n`;
}
