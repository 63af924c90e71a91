/**
 * "Inject every input": each source through the pure injector, with its warnings and errors placed at
 * `file:line:col`, so that the command only decides where the result goes.
 */
import type { SourceText } from '../context.js';
import type { InjectConfig } from '../core/inject/config.js';
import { injectStream, type InjectStreamResult, type LocatedMessage } from '../core/inject/documents.js';
import { loadDocuments, type YamlDoc } from '../core/yaml/load.js';

/** A message with its place in the input. */
export interface PlacedMessage {
  /** `file:line:col` of the document or field. */
  where: string;
  message: string;
}

/** What injecting the inputs gave. */
export interface InjectedSources {
  /** One injected text per input, in input order (origin = the input's path, or `<stdin>`). */
  outputs: SourceText[];
  warnings: PlacedMessage[];
  /** Problems that make the result unusable (nothing should be written when there are any). */
  errors: PlacedMessage[];
  /** Workloads that got a sidecar. */
  injected: number;
}

/** Injects each source with `config`. */
export function injectSources(sources: readonly SourceText[], config: InjectConfig): Promise<InjectedSources> {
  return transformSources(sources, (docs) => injectStream(docs, config));
}

/** Removes the sidecar from each source's injected workloads (`injected` then counts the workloads uninjected). */
export async function uninjectSources(sources: readonly SourceText[]): Promise<InjectedSources> {
  const { uninjectStream } = await import('../core/inject/uninject.js');
  return transformSources(sources, (docs) => uninjectStream(docs));
}

/** Runs each source's documents through `transform`, placing its messages at `file:line:col`. */
async function transformSources(sources: readonly SourceText[], transform: (docs: YamlDoc[]) => InjectStreamResult): Promise<InjectedSources> {
  const outputs: SourceText[] = [];
  const problems: LocatedMessage[] = [];
  const warnings: LocatedMessage[] = [];
  let injected = 0;
  for (const source of sources) {
    const result = transform(loadDocuments(source.text, source.origin));
    for (const m of result.messages) (m.level === 'error' ? problems : warnings).push(m);
    for (const { doc, reason } of result.reemitted) {
      warnings.push({
        level: 'warning',
        message: `document rewritten as a whole, as it could not be edited in place (${reason}): comments inside it were not kept`,
        path: [],
        doc,
      });
    }
    injected += result.injected;
    outputs.push({ origin: source.origin, text: result.text });
  }
  // The locator parses with the yaml Document API: loaded only when there is something to place.
  const { locate } = warnings.length || problems.length ? await import('../core/yaml/locate.js') : { locate: undefined };
  const place = (m: LocatedMessage): PlacedMessage => {
    const pos = locate!(m.doc, m.path);
    return { where: `${m.doc.origin}:${pos.line}:${pos.col}`, message: m.message };
  };
  return { outputs, warnings: warnings.map(place), errors: problems.map(place), injected };
}

/** Concatenates several sources into one stream, with a `---` between them where needed. */
export function joinStreams(texts: readonly string[]): string {
  let out = '';
  for (const t of texts) {
    if (out) {
      if (!out.endsWith('\n')) out += '\n';
      if (!/^---(\s|$)/.test(t)) out += '---\n';
    }
    out += t;
  }
  return out;
}
