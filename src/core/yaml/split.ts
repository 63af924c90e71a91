/**
 * Splits a YAML stream into document chunks without parsing it. A line that starts with `---` or `...` (followed by
 * white space or the end of the line) at column 0 is a document marker wherever it stands (YAML 1.2 §9.1.2), so a
 * line scan finds the exact boundaries. Each chunk keeps its own leading `---` line, so concatenating the chunks
 * gives back the input byte for byte: kube-inject relies on that to pass untouched documents through unchanged.
 */

/** One document's slice of the stream. */
export interface DocChunk {
  /** The chunk's text, from its `---` line (if any) up to the next marker. */
  text: string;
  /** Offset of `text` in the stream (UTF-16 units). */
  offset: number;
  /** 1-based line in the stream where `text` starts. */
  line: number;
}

const MARKER = /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/;

/** Splits `stream` into chunks; the concatenation of the chunks' text is `stream`. */
export function splitDocuments(stream: string): DocChunk[] {
  const chunks: DocChunk[] = [];
  let start = 0;
  let startLine = 1;
  let lineNo = 1;
  let pos = 0;
  let endedByDots = false;
  while (pos < stream.length) {
    const nl = stream.indexOf('\n', pos);
    const lineEnd = nl === -1 ? stream.length : nl + 1;
    const c = stream.charCodeAt(pos);
    if ((c === 45 /* - */ || c === 46) /* . */ && MARKER.test(stream.slice(pos, Math.min(lineEnd, pos + 5)))) {
      const isDots = c === 46;
      if (isDots) {
        // `...` closes the current document: it stays in that chunk, and the next chunk starts after it.
        chunks.push({ text: stream.slice(start, lineEnd), offset: start, line: startLine });
        start = lineEnd;
        startLine = lineNo + 1;
        endedByDots = true;
      } else {
        if (pos > start || (chunks.length === 0 && pos > 0)) {
          chunks.push({ text: stream.slice(start, pos), offset: start, line: startLine });
        }
        start = pos;
        startLine = lineNo;
        endedByDots = false;
      }
    }
    pos = lineEnd;
    lineNo++;
  }
  if (start < stream.length || (chunks.length === 0 && !endedByDots)) {
    chunks.push({ text: stream.slice(start), offset: start, line: startLine });
  }
  return chunks;
}
